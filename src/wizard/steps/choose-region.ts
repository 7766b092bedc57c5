import { defaultRegionFor } from '../../aws/names.js';
import { assertProfileName, configuredRegion, guardSessionProfile } from '../../credentials/profiles.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { SetupOptions, WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** `--region` must look like one: it is written to the profile. */
export function checkRegionFlag(options: Pick<SetupOptions, 'region'>): void {
  if (options.region !== undefined && !REGION.test(options.region)) {
    throw new UserError('region.invalidFlag', { value: options.region });
  }
}

/** The session profile may be written: a name the files can hold, and not someone's long-term keys (asked). */
export async function checkSessionProfile(
  run: Pick<SetupRun, 'profiles' | 'options'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<void> {
  const { longTerm, session } = run.profiles;
  if (longTerm === undefined || session === undefined) return;
  assertProfileName(session, '--session-profile');
  await guardSessionProfile(session, longTerm, run.options, deps);
}

/**
 * The profile's region: `--region` (written), else the one the profile has (kept), else
 * asked (default: the environment's, else the partition's usual one) and written.
 */
export async function chooseRegion(
  run: Pick<SetupRun, 'profiles' | 'identity' | 'options' | 'region'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<void> {
  const profile = run.profiles.longTerm;
  if (profile === undefined) return;
  const { options } = run;
  if (options.region !== undefined) {
    run.region = { name: options.region, forProfile: true };
    return;
  }
  const configured = await configuredRegion(deps.files.configFile, profile);
  if (configured) {
    run.region = { name: configured, forProfile: false };
    return;
  }
  const name = await deps.prompter.input({
    message: t('region.ask', { profile }),
    flag: '--region',
    default: options.envRegion ?? defaultRegionFor(known(run, 'identity').partition),
    validate: (value) => REGION.test(value) || t('region.invalid', { value }),
  });
  run.region = { name, forProfile: true };
}
