import { shellLine } from '../../ui/command-line.js';
import type { BatchOptions } from './types.js';

/**
 * The batch's command line again, with every flag that decides what it does (the files, the
 * account, the region); `only` (with `--skip` then dropped) and `create` change what it is about.
 */
export function batchAgain(options: Pick<BatchOptions, 'usersCsv' | 'profile' | 'create' | 'only' | 'skip' | 'report' | 'region'>, change: { only?: string[]; create?: boolean } = {}): string {
  const { usersCsv, profile, report, region } = options;
  const only = change.only ?? options.only;
  const skip = change.only ? [] : options.skip;
  return shellLine([
    'mfa-onboard', 'batch', usersCsv, '--profile', profile,
    ...((change.create ?? options.create) ? ['--create'] : []),
    ...only.flatMap((name) => ['--only', name]),
    ...skip.flatMap((name) => ['--skip', name]),
    ...(report !== undefined ? ['--report', report] : []),
    ...(region !== undefined ? ['--region', region] : []),
  ]);
}
