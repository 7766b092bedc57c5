import { AwsError } from '../aws/errors.js';
import type { SessionCredentials } from '../aws/client.js';
import { deviceNameOf } from '../aws/names.js';
import { UserError } from '../errors.js';
import { isSixDigits } from '../totp/totp.js';
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
 * Asks for codes of the device `serial` until AWS gives a session (GetSessionToken, or
 * AssumeRole when `assume` is given); a wrong or reused code gets its own message. With
 * `noCode`, an answer without a code means the person has none, and throws what it returns.
 */
export async function askForSession(
  aws: Pick<Aws, 'getSessionToken' | 'assumeRole'>,
  serial: string,
  durationSeconds: number,
  deps: Pick<WizardDeps, 'out' | 'readCode'>,
  { assume, noCode, backup }: { assume?: { role: Role; sessionName: string }; noCode?: () => Error; backup?: boolean } = {},
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
      out.warn(t('session.codeRejected'));
    }
  }
  throw new UserError('session.gaveUp');
}
