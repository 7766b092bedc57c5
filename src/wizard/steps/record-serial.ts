import { saveMfaSerial } from '../save-profiles.js';
import type { WizardDeps } from '../context.js';
import { known, named, type SetupRun } from '../run.js';

/**
 * Right after step 6 (the device is enabled): `mfa_serial` (and the region) go to the config
 * file, so the enrolment is on record even if the session check fails.
 */
export async function recordSerial(
  run: Pick<SetupRun, 'profiles' | 'enrolled' | 'region' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
): Promise<void> {
  const serialNumber = known(run, 'enrolled');
  run.changes.push(await saveMfaSerial({ profile: named(run, 'longTerm'), sessionProfile: named(run, 'session'), serialNumber, ...(run.region ? { region: run.region } : {}) }, deps));
}
