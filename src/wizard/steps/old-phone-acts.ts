import { t } from '../../ui/messages/index.js';
import { askForSession } from '../ask-for-session.js';
import type { WizardDeps } from '../context.js';
import { lostPhone } from '../devices.js';
import { known, type SetupRun } from '../run.js';

/** Only long enough to enrol the new phone: the old phone's session is used for nothing else. */
const OLD_SESSION_SECONDS = 3600;

/**
 * When the user replaces their own device, a session made with the old phone creates and
 * enables the new one (policies allow a second device only with MFA).
 */
export async function oldPhoneActs(
  run: Pick<SetupRun, 'old' | 'own' | 'actor' | 'awsFactory' | 'identity' | 'profiles'>,
  deps: Pick<WizardDeps, 'out' | 'readCode'>,
): Promise<void> {
  const old = known(run, 'old');
  const user = known(run, 'identity').userName;
  deps.out.heading(t('replace.oldHeading'));
  const oldSession = await askForSession(known(run, 'own'), old.serialNumber, OLD_SESSION_SECONDS, deps, {
    // No code: the old phone is not at hand after all (--replace skips the question).
    noCode: () => lostPhone(user, old.serialNumber, old.serialNumber, run.profiles.longTerm ?? user),
  });
  run.actor = await run.awsFactory({ keys: oldSession });
}
