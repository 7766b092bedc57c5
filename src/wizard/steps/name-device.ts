import { deviceNameOf } from '../../aws/names.js';
import type { WizardDeps } from '../context.js';
import { replacementName } from '../devices.js';
import { known, type SetupRun } from '../run.js';

/** A user whose only device is named after them gets `<user>-<yyyymmdd>`; IAM needs a free name. */
export async function nameDevice(
  run: Pick<SetupRun, 'assigned' | 'identity' | 'options' | 'deviceName'>,
  deps: Pick<WizardDeps, 'clock'>,
): Promise<void> {
  const user = known(run, 'identity').userName;
  const serials = run.assigned.map((d) => d.serialNumber);
  const nameTaken = serials.some((serial) => deviceNameOf(serial) === user);
  run.deviceName = run.options.deviceName ?? (nameTaken ? replacementName(user, serials, deps.clock.now()) : user);
}
