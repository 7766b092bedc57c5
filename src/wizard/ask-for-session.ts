import { AwsError } from '../aws/errors.js';
import type { SessionCredentials } from '../aws/client.js';
import { UserError } from '../errors.js';
import { isSixDigits } from '../totp/totp.js';
import { t } from '../ui/messages/index.js';
import type { Aws, WizardDeps } from './context.js';

/** A role to assume with MFA, and the profile whose long-term keys call AssumeRole. */
export interface Role {
  roleArn: string;
  sourceProfile: string;
  serial?: string;
}

const MAX_CODES = 3;

/** Explains AssumeRole's refusals: the role's maximum session, role chaining, the trust policy. */
function roleError(error: AwsError, role: Role, durationSeconds: number): UserError | undefined {
  const params = { roleArn: role.roleArn, duration: durationSeconds, message: error.awsMessage };
  if (/MaxSessionDuration/i.test(error.awsMessage)) return new UserError('role.maxSession', params, { cause: error });
  if (/role chaining/i.test(error.awsMessage)) return new UserError('role.chaining', params, { cause: error });
  if (error.is('AccessDenied') && !/MultiFactorAuthentication failed/i.test(error.awsMessage)) {
    return new UserError('role.denied', params, { cause: error });
  }
  return undefined;
}

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
  { assume, noCode }: { assume?: { role: Role; sessionName: string }; noCode?: () => Error } = {},
): Promise<SessionCredentials> {
  const { out } = deps;
  const role = assume?.role;
  for (let attempt = 0; attempt < MAX_CODES; attempt++) {
    const code = (await deps.readCode(t('session.askCodeFor', { serial }))).replace(/\s+/g, '');
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
      const explained = role ? roleError(error, role, durationSeconds) : undefined;
      if (explained) throw explained;
      if (!error.is('AccessDenied')) throw error;
      if (/unable to validate MFA code/i.test(error.awsMessage)) throw new UserError('session.badSerial', { serial }, { cause: error });
      if (!/MultiFactorAuthentication failed/i.test(error.awsMessage)) {
        throw new UserError('session.denied', { message: error.awsMessage }, { cause: error });
      }
      out.warn(t('session.codeRejected'));
    }
  }
  throw new UserError('session.gaveUp');
}
