import { deviceNameOf } from '../../aws/names.js';
import { AwsError } from '../../aws/errors.js';
import { CancelledError, UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { clearOrphan, createDevice, removalRefused, removeDevice, replacementName } from '../devices.js';
import { abandoned, deviceCreated, replacementStarted } from '../enrolment-state.js';
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

/**
 * CreateVirtualMFADevice refused for want of an allow (the usual policy allows only
 * `mfa/${aws:username}`); an explicit deny (an SCP, say) would refuse any name.
 */
function deniedByNamePolicy(error: unknown): boolean {
  const cause = error instanceof UserError && error.id === 'device.createDenied' ? error.cause : undefined;
  return cause instanceof AwsError && !/explicit deny/i.test(cause.awsMessage);
}

/**
 * Step 4: the device is created (an orphan of the same name cleared first) and recorded, in
 * the journal and in the config file, the moment it exists. A replacement whose new name a
 * policy refuses (path b) retires the old device first, asked, and takes the user's name.
 */
export async function createNewDevice(
  run: Pick<SetupRun, 'old' | 'admin' | 'own' | 'profiles' | 'recorded' | 'actor' | 'identity' | 'deviceName' | 'options' | 'journal' | 'device' | 'removedFirst'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'files' | 'writer' | 'clock' | 'signal'>,
): Promise<void> {
  const actor = known(run, 'actor');
  const identity = known(run, 'identity');
  const deviceName = known(run, 'deviceName');
  const user = identity.userName;
  const profile = run.profiles.longTerm;
  // The replacement is recorded (the user's own runs only), so the next run finishes it.
  if (run.old && !run.admin && profile !== undefined) {
    run.recorded = run.old.serialNumber;
    await replacementStarted(profile, run.recorded, deps);
  }
  const created = async (name: string) => {
    const made = await createDevice(actor, identity, name, run.journal, deps);
    if (run.recorded !== undefined) await deviceCreated(profile!, made.serialNumber, run.recorded, deps);
    // Recorded before enabling: should the run stop once AWS has enabled it, the next one finishes.
    else if (profile !== undefined && run.own) await deviceCreated(profile, made.serialNumber, undefined, deps);
    return made;
  };
  await clearOrphan(actor, identity, deviceName, deps);
  try {
    run.device = await created(deviceName);
  } catch (error) {
    const retired = run.old;
    const pinned = retired && !run.admin && run.options.deviceName === undefined && deviceName !== user && deniedByNamePolicy(error);
    if (!pinned) throw error;
    // Path b: a policy pins the device name to the user name, and the old device holds it:
    // the old device goes first (said before), then the new one takes the name.
    deps.out.warn(t('replace.namePinned', { name: deviceName, user }));
    const go = await deps.prompter.confirm({ message: t('replace.removeFirstAsk', { serial: retired.serialNumber, user }), flag: '--yes', default: true });
    if (!go) throw new CancelledError();
    await removeDevice(actor, user, retired.serialNumber, deps, removalRefused(user, retired.serialNumber), () => {
      run.removedFirst = true;
    });
    // With no device left, the next run simply enrols: nothing to record any more.
    if (run.recorded !== undefined) await abandoned(profile!, { replacement: true }, deps);
    delete run.recorded;
    await clearOrphan(actor, identity, user, deps);
    run.device = await created(user);
  }
}
