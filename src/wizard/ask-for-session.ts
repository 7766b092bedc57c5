import type { SessionCredentials } from '../aws/client.js';
import { deviceNameOf } from '../aws/names.js';
import { AwsError, UserError } from '../errors.js';
import { isSixDigits } from '../totp/totp.js';
import { shellLine } from '../ui/command-line.js';
import { t } from '../ui/messages/index.js';
import { refusal } from './aws-refusals.js';
import type { Aws, WizardDeps } from './context.js';

/** A role to assume with MFA, and the profile whose long-term keys call AssumeRole. */
export interface Role {
  roleArn: string;
  sourceProfile: string;
  serial?: string;
}

const MAX_CODES = 3;

/**
 * The command that sets right a device whose current codes AWS refuses (it was enabled with
 * codes typed late): named wherever AWS refuses a code that looked right here.
 */
export function resyncCommand(profile: string | undefined): string {
  return shellLine(['mfa-onboard', 'resync', ...(profile !== undefined && profile !== 'default' ? ['--profile', profile] : [])]);
}

/**
 * Asks for codes of the device `serial` until AWS gives a session (GetSessionToken, or
 * AssumeRole when `assume` is given); a wrong or reused code gets its own message. With
 * `noCode`, an answer without a code means the person has none, and throws what it returns.
 * `profile` names the profile in the resync command a refused code points to. `program`:
 * the codes come from one (mfa_process), which is not run again for a refused code (it would
 * print the same one, and may want a YubiKey touched each time).
 */
export async function askForSession(
  aws: Pick<Aws, 'getSessionToken' | 'assumeRole'>,
  serial: string,
  durationSeconds: number,
  deps: Pick<WizardDeps, 'out' | 'readCode'>,
  {
    assume,
    noCode,
    profile,
    program,
    backup,
  }: { assume?: { role: Role; sessionName: string }; noCode?: () => Error; profile?: string; program?: string; backup?: boolean } = {},
): Promise<SessionCredentials> {
  const { out } = deps;
  for (let attempt = 0; attempt < MAX_CODES; attempt++) {
    // The device is named as the authenticator app shows it; a backup is said to be one.
    const question = t(backup ? 'session.askCodeBackup' : 'session.askCodeFor', { serial, name: deviceNameOf(serial) });
    const code = (await deps.readCode(question)).replace(/\s+/g, '');
    if (code === '' && noCode) throw noCode();
    if (!isSixDigits(code)) {
      out.warn(t('code.notSixDigits'));
      continue;
    }
    try {
      const session = assume
        ? await aws.assumeRole({
            roleArn: assume.role.roleArn,
            sessionName: assume.sessionName,
            serialNumber: serial,
            tokenCode: code,
            durationSeconds,
          })
        : await aws.getSessionToken(serial, code, durationSeconds);
      out.addSecret(session.secretAccessKey);
      out.addSecret(session.sessionToken);
      return session;
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      // The role's maximum session, role chaining, the trust policy; a serial STS cannot validate.
      const explained = assume
        ? refusal('assume-role', error, { roleArn: assume.role.roleArn, duration: durationSeconds, serial })
        : refusal('get-session', error, { serial });
      if (explained) throw explained;
      // What is left of AccessDenied is a wrong code: another is asked.
      if (!error.is('AccessDenied')) throw error;
      if (program !== undefined) throw new UserError('mfaProcess.refused', { source: program, serial, command: resyncCommand(profile) }, { cause: error });
      out.warn(t('session.codeRejected', { command: resyncCommand(profile) }));
    }
  }
  throw new UserError('session.gaveUp', { command: resyncCommand(profile) });
}
