import { defaultRegionFor } from '../../aws/names.js';
import { configuredRegion } from '../../credentials/profiles.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { REGION_NAME } from '../../aws/names.js';
import { known, named, type SetupRun } from '../run.js';

/**
 * The profile's region: `--region` (written), else the one the profile has (kept), else
 * asked (default: the environment's, else the partition's usual one) and written.
 */
export async function chooseRegion(
  run: Pick<SetupRun, 'profiles' | 'identity' | 'options' | 'region'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<void> {
  const profile = named(run, 'longTerm');
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
    validate: (value) => REGION_NAME.test(value) || t('region.invalid', { value }),
  });
  run.region = { name, forProfile: true };
}
