import type { WizardDeps } from '../context.js';
import { orphansOf, removalRefused, removeDevice } from '../devices.js';
import { known, type SetupRun } from '../run.js';

/**
 * Finishing an earlier run's replacement: the old device goes with the new session, if it is
 * still there (deactivated but not deleted counts too: removeDevice takes it from wherever it stopped).
 */
export async function retireLeftOld(
  run: Pick<SetupRun, 'old' | 'own' | 'identity' | 'awsFactory' | 'session'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  const old = known(run, 'old').serialNumber;
  const own = known(run, 'own');
  const user = known(run, 'identity').userName;
  const stillThere = (await own.listMfaDevices(user)).some((d) => d.serialNumber === old);
  const orphaned = (await orphansOf(own, user))?.includes(old) ?? false;
  if (stillThere || orphaned) await removeDevice(await run.awsFactory({ keys: known(run, 'session') }), user, old, deps, removalRefused(user, old));
}
