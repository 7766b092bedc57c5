import { UserError } from '../errors.js';
import type { SetupOptions } from './context.js';

/** What a region name looks like (`eu-west-1`, `us-gov-west-1`). */
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** `--region` must look like one: it is written to the profile (checked before anything is asked). */
export function checkRegionFlag(options: Pick<SetupOptions, 'region'>): void {
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UserError('region.invalidFlag', { value: options.region });
  }
}
