import type { WizardDeps } from '../context.js';
import { replacementStarted } from '../enrolment-state.js';
import { known, named, type SetupRun } from '../run.js';

/**
 * Before the create, a replacement of the user's own device is recorded in the config file
 * (the old device's serial), so that the next run finishes it.
 */
export async function recordReplacement(
  run: Pick<SetupRun, 'old' | 'profiles' | 'recordedOld'>,
  deps: Pick<WizardDeps, 'files' | 'writer'>,
): Promise<void> {
  run.recordedOld = known(run, 'old').serialNumber;
  await replacementStarted(named(run, 'longTerm'), run.recordedOld, deps);
}
