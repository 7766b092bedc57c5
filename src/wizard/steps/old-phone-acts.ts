import type { MfaDevice } from '../../aws/client.js';
import { deviceNameOf } from '../../aws/names.js';
import { t } from '../../ui/messages/index.js';
import { askForSession } from '../ask-for-session.js';
import { otherCodeDevices } from '../backup.js';
import type { WizardDeps } from '../context.js';
import { lostPhone } from '../devices.js';
import { known, type SetupRun } from '../run.js';

/** Only long enough to enrol the new phone: the old phone's session is used for nothing else. */
const OLD_SESSION_SECONDS = 3600;

/** The backup that makes the session: the only other device with codes, else the one the person picks. */
async function chooseBackup(backups: MfaDevice[], deps: Pick<WizardDeps, 'prompter'>): Promise<MfaDevice> {
  if (backups.length === 1) return backups[0]!;
  const serial = await deps.prompter.select({
    message: t('replace.whichBackup'),
    flag: '--yes',
    choices: backups.map((d) => ({ value: d.serialNumber, name: `${deviceNameOf(d.serialNumber)} (${d.serialNumber})` })),
    default: backups[0]!.serialNumber,
  });
  return backups.find((d) => d.serialNumber === serial)!;
}

/**
 * When the user replaces their own device, a session made with a device of theirs creates and
 * enables the new one (policies allow a further device only with MFA): a backup, when the
 * user has one (the phone replaced is then lost, most likely), else the old phone itself.
 */
export async function oldPhoneActs(
  run: Pick<SetupRun, 'old' | 'own' | 'actor' | 'awsFactory' | 'identity' | 'profiles' | 'assigned'>,
  deps: Pick<WizardDeps, 'out' | 'readCode' | 'prompter'>,
): Promise<void> {
  const old = known(run, 'old');
  const user = known(run, 'identity').userName;
  const backups = otherCodeDevices(run.assigned, old.serialNumber);
  if (backups.length > 0) {
    const backup = await chooseBackup(backups, deps);
    deps.out.heading(t('replace.withBackup', { name: deviceNameOf(backup.serialNumber), old: deviceNameOf(old.serialNumber) }));
    const session = await askForSession(known(run, 'own'), backup.serialNumber, OLD_SESSION_SECONDS, deps, { backup: true });
    run.actor = await run.awsFactory({ keys: session });
    return;
  }
  deps.out.heading(t('replace.oldHeading'));
  const oldSession = await askForSession(known(run, 'own'), old.serialNumber, OLD_SESSION_SECONDS, deps, {
    // No code: the old phone is not at hand after all (--replace skips the question).
    noCode: () => lostPhone(user, old.serialNumber, old.serialNumber, run.profiles.longTerm ?? user),
  });
  run.actor = await run.awsFactory({ keys: oldSession });
}
