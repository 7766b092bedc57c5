import { readTextFile } from '../../credentials/files.js';
import { readIniValue } from '../../credentials/ini.js';
import { configSectionNames } from '../../credentials/paths.js';
import type { WizardDeps } from '../context.js';
import { named, type SetupRun } from '../run.js';

/**
 * The user's own run, with devices already (people run the wizard again after setup): when
 * the device this profile's `mfa_serial` names is one of them, this user is set up here and
 * there is nothing to enrol (`--replace` asks for a new phone instead).
 */
export async function alreadySetUp(
  run: Pick<SetupRun, 'assigned' | 'options' | 'profiles' | 'setUp'>,
  deps: Pick<WizardDeps, 'files'>,
): Promise<void> {
  if (run.assigned.length === 0 || run.options.replace) return;
  const config = await readTextFile(deps.files.configFile);
  const recorded = readIniValue(config, configSectionNames(named(run, 'longTerm')), 'mfa_serial');
  if (recorded !== undefined && run.assigned.some((d) => d.serialNumber === recorded)) run.setUp = recorded;
}
