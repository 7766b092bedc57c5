import { saveMfaSerial } from '../../credentials/profiles.js';
import type { WizardDeps } from '../context.js';
import { enrolmentFinished } from '../enrolment-state.js';
import { known, type SetupRun } from '../run.js';
import { orphansOf, removalRefused, removeDevice } from '../devices.js';

/**
 * Step 6b, right after the device is enabled: `mfa_serial` (and the region) go to the config
 * file, so the enrolment is on record even if the session check fails.
 */
export async function recordSerial(
  run: Pick<SetupRun, 'profiles' | 'enrolled' | 'region' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
): Promise<void> {
  const { longTerm, session } = run.profiles;
  if (longTerm === undefined || session === undefined) return;
  const serialNumber = known(run, 'enrolled');
  run.changes.push(await saveMfaSerial({ profile: longTerm, sessionProfile: session, serialNumber, ...(run.region ? { region: run.region } : {}) }, deps));
}

/**
 * Finishing an earlier run's replacement: the old device goes with the new session, if it is
 * still there (deactivated but not deleted counts too: removeDevice takes it from wherever it stopped).
 */
export async function retireLeftOld(
  run: Pick<SetupRun, 'old' | 'own' | 'identity' | 'awsFactory' | 'session'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  const old = run.old?.serialNumber;
  if (old === undefined) return;
  const own = known(run, 'own');
  const user = known(run, 'identity').userName;
  const stillThere = (await own.listMfaDevices(user)).some((d) => d.serialNumber === old);
  const orphaned = (await orphansOf(own, user))?.includes(old) ?? false;
  if (stillThere || orphaned) await removeDevice(await run.awsFactory({ keys: known(run, 'session') }), user, old, deps, removalRefused(user, old));
}

/** The enrolment is complete: nothing under way any more, and the config points at the new device. */
export async function recordFinished(
  run: Pick<SetupRun, 'profiles' | 'old' | 'enrolled' | 'recorded'>,
  deps: Pick<WizardDeps, 'files' | 'writer'>,
): Promise<void> {
  const serial = known(run, 'enrolled');
  await enrolmentFinished(run.profiles.longTerm, { ...(run.old ? { retired: run.old.serialNumber } : {}), serial, replacement: run.recorded !== undefined }, deps);
}
