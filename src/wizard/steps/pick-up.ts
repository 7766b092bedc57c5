import type { MfaDevice } from '../../aws/client.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import { whenText } from '../../ui/when.js';
import type { WizardDeps } from '../context.js';
import { adminResetCommand } from '../devices.js';
import { known, type SetupRun } from '../run.js';
import { askForSession } from '../ask-for-session.js';

/** The answer "no code": this device is not on the person's phone (the run goes on to ask what happened). */
class NoCode extends Error {}

/** The device to pick up: `--mfa-serial`, else the only one that shows codes, else asked. */
async function deviceToUse(assigned: MfaDevice[], mfaSerial: string | undefined, deps: Pick<WizardDeps, 'prompter'>): Promise<string> {
  // A passkey or security key shows no code: it cannot make a session through the API.
  const withCodes = assigned.filter((d) => !d.serialNumber.includes(':u2f/'));
  if (mfaSerial !== undefined) {
    if (!withCodes.some((d) => d.serialNumber === mfaSerial)) {
      throw new UserError('replace.noSuchDevice', { serial: mfaSerial, devices: withCodes.map((d) => d.serialNumber).join(', ') || '-', flag: '--mfa-serial' });
    }
    return mfaSerial;
  }
  if (withCodes.length <= 1) return (withCodes[0] ?? assigned[0]!).serialNumber;
  return deps.prompter.select({
    message: t('pickUp.whichDevice', { count: withCodes.length }),
    flag: '--mfa-serial',
    choices: withCodes.map((d) => ({ value: d.serialNumber, name: `${d.serialNumber} (${d.enableDate?.toISOString().slice(0, 10) ?? '?'})` })),
  });
}

/**
 * The user's own run, with a device enabled that this computer has no record of: most
 * often an administrator enrolled it with the user's phone, and the user now sets up her own
 * computer. One code from the phone gets the MFA session with that device, and STS says
 * whose it is: that proves the device is hers and the phone works. The run then records
 * `mfa_serial` and saves the session (the FINISH list). No code (Enter): the device is not
 * on this phone after all, and the run goes on to ask what happened (a replacement, a lost phone).
 */
export async function pickUp(
  run: Pick<SetupRun, 'assigned' | 'options' | 'identity' | 'own' | 'awsFactory' | 'finishing' | 'enrolled' | 'session' | 'csvPath' | 'profiles'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'readCode' | 'interactive' | 'clock'>,
): Promise<void> {
  const { assigned, options } = run;
  if (assigned.length === 0 || options.replace) return;
  // An existing profile and no CSV may be an administrator's own keys, run without --user.
  const profile = run.profiles.longTerm;
  if (run.csvPath === undefined && profile !== undefined) deps.out.info(t('replace.forAnother', { profile }));
  const identity = known(run, 'identity');
  const user = identity.userName;
  const serial = await deviceToUse(assigned, options.mfaSerial, deps);
  const since = assigned.find((d) => d.serialNumber === serial)?.enableDate?.toISOString().slice(0, 10) ?? '?';
  deps.out.info(t('pickUp.found', { user, serial, since }));
  const own = known(run, 'own');
  let session;
  try {
    session = await askForSession(own, serial, options.durationSeconds, deps, { noCode: () => new NoCode() });
  } catch (error) {
    if (error instanceof NoCode) return;
    // No terminal and no codes on stdin: the ways forward, as before this run could pick up.
    if (!deps.interactive && error instanceof UserError && ['prompt.noTerminal', 'prompt.noTerminalNoDefault', 'prompt.noTerminalCode', 'codes.stdinEnded'].includes(error.id)) {
      const first = assigned[0]!;
      throw new UserError('preflight.alreadyEnrolled', {
        user,
        count: assigned.length,
        serial: first.serialNumber,
        since: first.enableDate?.toISOString().slice(0, 10) ?? '?',
        command: adminResetCommand(user),
      }, { cause: error });
    }
    throw error;
  }
  // The session is the user's: STS says who it is (and it is kept, on the user's own computer).
  const who = await (await run.awsFactory({ keys: session })).getCallerIdentity();
  if (who.account !== identity.account) throw new UserError('session.wrongAccount', { account: who.account, expected: identity.account });
  if (who.arn !== identity.arn) deps.out.warn(t('session.otherIdentity', { arn: who.arn, expected: identity.arn }));
  deps.out.success(t('session.verified', { arn: who.arn, expires: whenText(session.expiration, deps.clock.now()) }));
  run.session = session;
  run.enrolled = serial;
  run.finishing = { serial };
}
