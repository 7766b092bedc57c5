import type { WizardDeps } from '../context.js';
import { removalRefused, removeDevice } from '../devices.js';
import { known, type SetupRun } from '../run.js';

/** After steps 7–8: the device replaced goes, with the new device's session (or the administrator's calls). */
export async function retireOld(
  run: Pick<SetupRun, 'old' | 'admin' | 'awsFactory' | 'session' | 'identity'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  const old = known(run, 'old');
  const user = known(run, 'identity').userName;
  const remover = run.admin ? run.admin.aws : await run.awsFactory({ keys: known(run, 'session') });
  await removeDevice(remover, user, old.serialNumber, deps, removalRefused(user, old.serialNumber));
}
