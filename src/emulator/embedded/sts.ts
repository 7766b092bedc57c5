import type { ActionContext, Handler } from './iam.js';
import { checkTokenCode } from './mfa.js';
import { AwsFault, invalid, required, type Params } from './protocol.js';
import { ACCOUNT_ID, newKey, randomText, type Session } from './state.js';

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** DurationSeconds within [min, max], or the default when absent. */
function duration(params: Params, fallback: number, min: number, max: number): number {
  const text = params.get('DurationSeconds');
  if (text === undefined) return fallback;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < min) {
    throw invalid('DurationSeconds', text, `Member must have value greater than or equal to ${min}`);
  }
  if (seconds > max) throw invalid('DurationSeconds', text, `Member must have value less than or equal to ${max}`);
  return seconds;
}

/** SerialNumber and TokenCode, checked against the device when either is given: true when MFA was. */
function checkMfa({ state, params, now }: ActionContext, userName: string | undefined): boolean {
  const serial = params.get('SerialNumber');
  const code = params.get('TokenCode');
  if (serial === undefined && code === undefined) return false;
  checkTokenCode(serial === undefined ? undefined : state.devices.get(serial), userName, code ?? '', now);
  return true;
}

/** Mints temporary credentials (a new ASIA key each call) and remembers them. */
function mint({ state, now }: ActionContext, seconds: number, who: Omit<Session, 'key' | 'token' | 'expires'>) {
  const session: Session = {
    key: newKey(who.userName ?? who.role?.name ?? '', 'ASIA', now),
    token: randomText(TOKEN_ALPHABET, 356),
    expires: now + seconds * 1000,
    ...who,
  };
  state.sessions.set(session.key.id, session);
  return {
    AccessKeyId: session.key.id,
    SecretAccessKey: session.key.secret,
    SessionToken: session.token,
    Expiration: new Date(session.expires),
  };
}

/** The STS actions the wizard and `session` make. */
export const STS_ACTIONS: Record<string, Handler> = {
  GetCallerIdentity: ({ state, caller }) => {
    if (caller.kind === 'user') return { UserId: caller.user.id, Account: ACCOUNT_ID, Arn: caller.user.arn };
    const { session } = caller;
    if (session.role) {
      return {
        UserId: `${session.role.id}:${session.role.sessionName}`,
        Account: ACCOUNT_ID,
        Arn: state.arn('sts', `assumed-role/${session.role.name}/${session.role.sessionName}`),
      };
    }
    // A GetSessionToken session is its user: the same UserId and ARN.
    const user = state.user(session.userName ?? '');
    return { UserId: user.id, Account: ACCOUNT_ID, Arn: user.arn };
  },
  GetSessionToken: (context) => {
    const { caller, params } = context;
    if (caller.kind !== 'user') throw new AwsFault('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403);
    const seconds = duration(params, 43_200, 900, 129_600);
    const mfa = checkMfa(context, caller.user.name);
    return { Credentials: mint(context, seconds, { userName: caller.user.name, mfa }) };
  },
  AssumeRole: (context) => {
    const { state, caller, params } = context;
    const roleArn = required(params, 'RoleArn');
    const sessionName = required(params, 'RoleSessionName');
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      throw invalid('RoleSessionName', sessionName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*');
    }
    const callerArn = caller.kind === 'user' ? caller.user.arn : STS_ACTIONS.GetCallerIdentity!(context)!.Arn;
    const role = [...state.roles.values()].find((r) => r.arn === roleArn);
    if (!role) {
      throw new AwsFault('AccessDenied', `User: ${String(callerArn)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
    }
    // Role chaining (a role session assuming a role) is limited to one hour.
    const chained = caller.kind === 'session' && caller.session.role !== undefined;
    const seconds = duration(params, 3600, 900, 43_200);
    if (seconds > (chained ? 3600 : role.maxSessionSeconds)) {
      const limit = chained ? '1 hour session limit for roles assumed by role chaining' : 'MaxSessionDuration set for this role';
      throw new AwsFault('ValidationError', `The requested DurationSeconds exceeds the ${limit}.`, 400);
    }
    const mfa = checkMfa(context, caller.kind === 'user' ? caller.user.name : caller.session.userName);
    const credentials = mint(context, seconds, { role: { arn: role.arn, id: role.id, name: role.name, sessionName }, mfa });
    return {
      Credentials: credentials,
      AssumedRoleUser: { AssumedRoleId: `${role.id}:${sessionName}`, Arn: state.arn('sts', `assumed-role/${role.name}/${sessionName}`) },
    };
  },
};
