import { CancelledError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Device, WizardDeps } from '../context.js';
import { clearOrphan, createDevice, deniedByNamePolicy, removalRefused, removeDevice } from '../devices.js';
import { abandoned, deviceCreated } from '../enrolment-state.js';
import { known, type SetupRun } from '../run.js';

/**
 * Creates the device `name` and records it in the config file the moment it exists (the
 * journal has it already): should the run stop once AWS has enabled it, the next one finishes.
 */
async function createRecorded(
  run: Pick<SetupRun, 'actor' | 'identity' | 'journal' | 'profiles' | 'recordedOld' | 'own'>,
  name: string,
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer' | 'signal'>,
): Promise<Device> {
  const made = await createDevice(known(run, 'actor'), known(run, 'identity'), name, run.journal, deps);
  const profile = run.profiles.longTerm;
  if (run.recordedOld !== undefined) await deviceCreated(profile!, made.serialNumber, run.recordedOld, deps);
  else if (profile !== undefined && run.own) await deviceCreated(profile, made.serialNumber, undefined, deps);
  return made;
}

/**
 * A replacement whose new name a policy refuses: the policy pins the device name to the user
 * name, and the old device holds it. The old device goes first (said, and asked); with no device left, nothing of the
 * replacement is on record any more, and the next run simply enrols.
 */
async function removeOldFirst(
  run: Pick<SetupRun, 'old' | 'actor' | 'identity' | 'profiles' | 'recordedOld' | 'removedFirst'>,
  pinnedName: string,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'files' | 'writer' | 'clock' | 'signal'>,
): Promise<void> {
  const retired = known(run, 'old');
  const user = known(run, 'identity').userName;
  deps.out.warn(t('replace.namePinned', { name: pinnedName, user }));
  const go = await deps.prompter.confirm({ message: t('replace.removeFirstAsk', { serial: retired.serialNumber, user }), flag: '--yes', default: true });
  if (!go) throw new CancelledError();
  await removeDevice(known(run, 'actor'), user, retired.serialNumber, deps, removalRefused(user, retired.serialNumber), () => {
    run.removedFirst = true;
  });
  if (run.recordedOld !== undefined) await abandoned(run.profiles.longTerm!, { replacement: true }, deps);
  delete run.recordedOld;
}

/**
 * Step 4: the device is created (an orphan of the same name cleared first) and recorded, in
 * the journal and in the config file, the moment it exists. A replacement whose new name a
 * policy refuses retires the old device first, asked, and takes the user's name.
 */
export async function createNewDevice(
  run: Pick<SetupRun, 'old' | 'admin' | 'own' | 'profiles' | 'recordedOld' | 'actor' | 'identity' | 'deviceName' | 'options' | 'journal' | 'device' | 'removedFirst'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'files' | 'writer' | 'clock' | 'signal'>,
): Promise<void> {
  const actor = known(run, 'actor');
  const identity = known(run, 'identity');
  const deviceName = known(run, 'deviceName');
  const user = identity.userName;
  await clearOrphan(actor, identity, deviceName, deps);
  try {
    run.device = await createRecorded(run, deviceName, deps);
  } catch (error) {
    const pinned = run.old && !run.admin && run.options.deviceName === undefined && deviceName !== user && deniedByNamePolicy(error);
    if (!pinned) throw error;
    await removeOldFirst(run, deviceName, deps);
    await clearOrphan(actor, identity, user, deps);
    run.device = await createRecorded(run, user, deps);
  }
}
