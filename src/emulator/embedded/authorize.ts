import { accessDenied, evaluate, type RequestContext } from './policy.js';
import type { Params, Service } from './protocol.js';
import type { Caller, EmulatorState } from './state.js';

/** What a request is asked about: which action, by whom, with what, from where. */
interface Request {
  service: Service;
  action: string;
  params: Params;
  caller: Caller;
  /** The address the request came from (aws:SourceIp). */
  sourceIp: string;
}

/**
 * Actions IAM does not authorise by policy: STS's authentication calls. (No permission is
 * needed to get a session token or to ask who you are; policies cannot refuse them.)
 */
const UNAUTHORISED = new Set(['sts:GetCallerIdentity', 'sts:GetSessionToken']);

/** The ARN of a user named in the request (or the caller's own), with its path when IAM knows the user. */
function userArn(state: EmulatorState, params: Params, caller: Caller, path = '/'): string {
  const name = params.get('UserName') ?? (caller.kind === 'user' ? caller.user.name : caller.session.userName) ?? '';
  return state.users.get(name)?.arn ?? state.arn('iam', `user${path}${name}`);
}

function groupArn(state: EmulatorState, params: Params): string {
  const name = params.get('GroupName') ?? '';
  return state.groups.get(name)?.arn ?? state.arn('iam', `group${params.get('Path') ?? '/'}${name}`);
}

/**
 * The resource each served action acts on, as IAM's authorisation names it (the Service
 * Authorization Reference's resource types); actions that take none are `*`.
 */
function resourceOf(state: EmulatorState, { service, action, params, caller }: Request): string {
  if (service === 'sts') return action === 'AssumeRole' ? (params.get('RoleArn') ?? '*') : '*';
  switch (action) {
    case 'CreateUser':
      return userArn(state, params, caller, params.get('Path') ?? '/');
    case 'ListUsers':
      return state.arn('iam', `user${params.get('PathPrefix') ?? '/'}`);
    case 'CreateVirtualMFADevice':
      return state.arn('iam', `mfa${params.get('Path') ?? '/'}${params.get('VirtualMFADeviceName') ?? ''}`);
    case 'DeleteVirtualMFADevice':
      return params.get('SerialNumber') ?? '*';
    case 'CreateRole':
      return state.arn('iam', `role${params.get('Path') ?? '/'}${params.get('RoleName') ?? ''}`);
    case 'GetAccessKeyLastUsed': {
      // The key's user (the Service Authorization Reference's resource type `user`).
      const id = params.get('AccessKeyId') ?? '';
      const owner = state.keys.get(id)?.userName;
      return owner === undefined ? `access key ${id}` : state.user(owner).arn;
    }
    case 'ListVirtualMFADevices':
    case 'ListAccountAliases':
    case 'CreateAccountAlias':
    case 'DeleteAccountAlias':
      return '*';
    default:
      // Calls naming a group act on it (adding a user to it included); the rest on a user.
      return params.has('GroupName') ? groupArn(state, params) : userArn(state, params, caller);
  }
}

/** The caller as IAM names it in a refusal: its user, or the role session it is. */
export function callerArn(state: EmulatorState, caller: Caller): string {
  if (caller.kind === 'session' && caller.session.role) {
    const { role } = caller.session;
    return state.arn('sts', `assumed-role/${role.name}/${role.sessionName}`);
  }
  return state.user(caller.kind === 'user' ? caller.user.name : (caller.session.userName ?? '')).arn;
}

/** The caller's ARN, its policies (its own and its groups'), and its condition keys. */
function principal(state: EmulatorState, caller: Caller, sourceIp: string) {
  const keys: RequestContext['keys'] = { 'aws:SourceIp': sourceIp };
  // The emulator's roles carry no permission policies: a role session may call nothing that needs one.
  if (caller.kind === 'session' && caller.session.role) return { arn: callerArn(state, caller), policies: [], keys };
  const user = state.user(caller.kind === 'user' ? caller.user.name : (caller.session.userName ?? ''));
  keys['aws:username'] = user.name;
  keys['aws:userid'] = user.id;
  // Long-term keys carry no MFA key at all (…IfExists conditions hold); a session says whether it had MFA.
  if (caller.kind === 'session') keys['aws:MultiFactorAuthPresent'] = String(caller.session.mfa);
  const policies = [...user.policies.values(), ...state.groupsOf(user.name).flatMap((g) => [...g.policies.values()])];
  return { arn: user.arn, policies, keys };
}

/** Refuses the request with AWS's AccessDenied unless the caller's identity-based policies allow it. */
export function authorize(state: EmulatorState, request: Request): void {
  const action = `${request.service}:${request.action}`;
  if (UNAUTHORISED.has(action)) return;
  const { arn, policies, keys } = principal(state, request.caller, request.sourceIp);
  const context: RequestContext = { action, resource: resourceOf(state, request), keys };
  const decision = evaluate(policies, context);
  if (decision !== 'allow') throw accessDenied(arn, context, decision);
}
