import { callerArn } from './authorize.js';
import { checkEnableCodes, resync } from './mfa.js';
import { AwsFault, invalid, required, type Params, type XmlValue } from './protocol.js';
import { parsePolicy } from './policy.js';
import { NAME_PATTERN, newId, newSeed, type Caller, type EmulatorState, type Group, type User, type VirtualDevice } from './state.js';

/** What an action handler sees of one request. */
export interface ActionContext {
  state: EmulatorState;
  caller: Caller;
  params: Params;
  now: number;
  /** How long a just-enabled device stays unknown to STS (IAM's eventual consistency). */
  consistencyDelayMs: number;
}

export type Handler = (context: ActionContext) => Record<string, XmlValue> | undefined;

/** IAM's quotas that the wizard meets. */
const MAX_DEVICES_PER_USER = 8;
const MAX_KEYS_PER_USER = 2;

function checkedName(params: Params, member: string, maxLength = 64): string {
  const name = required(params, member);
  if (name.length > maxLength || !NAME_PATTERN.test(name)) {
    throw invalid(member, name, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
  }
  return name;
}

function checkedPath(params: Params): string {
  const path = params.get('Path') ?? '/';
  if (!/^\/([\x21-\x7e]+\/)?$/.test(path) || path.includes('//')) {
    throw invalid('Path', path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
  }
  return path;
}

/** An authentication code parameter: six digits, as the API model constrains it. */
function authenticationCode(params: Params, member: string): string {
  const code = required(params, member);
  if (code.length !== 6) throw invalid(member, code, `Member must have length ${code.length < 6 ? 'greater' : 'less'} than or equal to 6`);
  if (!/^\d+$/.test(code)) throw invalid(member, code, 'Member must satisfy regular expression pattern: [\\d]+');
  return code;
}

/** `UserName` when given, else the user who signed the request (as IAM defaults it). */
function targetUser({ state, caller, params }: ActionContext): User {
  const name = params.get('UserName');
  if (name !== undefined) return state.user(name);
  if (caller.kind === 'user') return caller.user;
  if (caller.session.userName !== undefined) return state.user(caller.session.userName);
  throw new AwsFault('ValidationError', 'Must specify userName when calling with non-User credentials', 400);
}

/** One page of a list, with IAM's Marker/MaxItems/IsTruncated. */
function page<T>(items: T[], params: Params): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const start = Number(params.get('Marker') ?? 0);
  const max = Number(params.get('MaxItems') ?? 100);
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw new AwsFault('InvalidInput', 'Invalid Marker.', 400);
  const end = start + max;
  return { items: items.slice(start, end), IsTruncated: end < items.length, ...(end < items.length ? { Marker: String(end) } : {}) };
}

const userXml = (user: User) => ({ Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: user.created });
const groupXml = (group: Group) => ({ Path: group.path, GroupName: group.name, GroupId: group.id, Arn: group.arn, CreateDate: group.created });

/** Where an inline policy lives: the user or group named in the request (both have a name and policies). */
type PolicyHolder = Pick<User, 'name' | 'policies'>;
const userHolder = ({ state, params }: ActionContext): PolicyHolder => state.user(required(params, 'UserName'));
const groupHolder = ({ state, params }: ActionContext): PolicyHolder => state.group(required(params, 'GroupName'));

/** PutUserPolicy / GetUserPolicy / ListUserPolicies / DeleteUserPolicy, and the same for groups. */
function inlinePolicyActions(kind: 'User' | 'Group', holderOf: (context: ActionContext) => PolicyHolder): Record<string, Handler> {
  const named = (context: ActionContext) => {
    const holder = holderOf(context);
    const name = checkedName(context.params, 'PolicyName', 128);
    return { holder, name };
  };
  const missing = (name: string) => new AwsFault('NoSuchEntity', `The ${kind.toLowerCase()} policy with name ${name} cannot be found.`, 404);
  return {
    [`Put${kind}Policy`]: (context) => {
      const { holder, name } = named(context);
      const document = required(context.params, 'PolicyDocument');
      parsePolicy(document);
      holder.policies.set(name, document);
      return undefined;
    },
    [`Get${kind}Policy`]: (context) => {
      const { holder, name } = named(context);
      const document = holder.policies.get(name);
      if (document === undefined) throw missing(name);
      // IAM answers the document URL-encoded (RFC 3986), as the SDK then hands it over.
      return { [`${kind}Name`]: holder.name, PolicyName: name, PolicyDocument: encodeURIComponent(document) };
    },
    [`List${kind}Policies`]: (context) => {
      const { items, ...more } = page([...holderOf(context).policies.keys()], context.params);
      return { PolicyNames: items, ...more };
    },
    [`Delete${kind}Policy`]: (context) => {
      const { holder, name } = named(context);
      if (!holder.policies.delete(name)) throw missing(name);
      return undefined;
    },
  };
}

/** An account alias: lower-case letters, digits and single hyphens, 3–63 characters. */
const ALIAS_PATTERN = /^[a-z0-9](([a-z0-9]|-(?!-)){1,61})[a-z0-9]$/;

/** The device named by `SerialNumber` that `user` has; NoSuchEntity otherwise. */
function assignedDevice(state: EmulatorState, user: User, serial: string): VirtualDevice {
  const device = state.devices.get(serial);
  if (device?.userName !== user.name) {
    throw new AwsFault('NoSuchEntity', `MFA Device with serial number ${serial} does not exist.`, 404);
  }
  return device;
}

/** The IAM actions the wizard, the demo and our admin commands make, and an administrator's rehearsal with the aws CLI. */
export const IAM_ACTIONS: Record<string, Handler> = {
  CreateUser: ({ state, params, now }) => {
    const user = state.addUser(checkedName(params, 'UserName'), checkedPath(params), now);
    return { User: userXml(user) };
  },
  GetUser: (context) => ({ User: userXml(targetUser(context)) }),
  ListUsers: ({ state, params }) => {
    const prefix = params.get('PathPrefix') ?? '/';
    const { items, ...more } = page([...state.users.values()].filter((u) => u.path.startsWith(prefix)), params);
    return { Users: items.map(userXml), ...more };
  },
  DeleteUser: ({ state, params }) => {
    const user = state.user(required(params, 'UserName'));
    const held = [...state.keys.values()].some((k) => k.userName === user.name)
      ? 'delete access keys'
      : state.devicesOf(user.name).length
        ? 'delete MFA devices'
        : user.policies.size
          ? 'delete policies'
          : state.groupsOf(user.name).length
            ? 'remove users from group'
            : undefined;
    if (held) throw new AwsFault('DeleteConflict', `Cannot delete entity, must ${held} first.`, 409);
    state.users.delete(user.name);
    return undefined;
  },
  ...inlinePolicyActions('User', userHolder),
  CreateGroup: ({ state, params, now }) => {
    const name = checkedName(params, 'GroupName', 128);
    if (state.groups.has(name)) throw new AwsFault('EntityAlreadyExists', `Group with name ${name} already exists.`, 409);
    const path = checkedPath(params);
    const group: Group = {
      name,
      path,
      id: newId('AGPA'),
      arn: state.arn('iam', `group${path}${name}`),
      created: new Date(now),
      members: new Set(),
      policies: new Map(),
    };
    state.groups.set(name, group);
    return { Group: groupXml(group) };
  },
  GetGroup: ({ state, params }) => {
    const group = state.group(required(params, 'GroupName'));
    const { items, ...more } = page([...group.members].map((name) => state.user(name)), params);
    return { Group: groupXml(group), Users: items.map(userXml), ...more };
  },
  AddUserToGroup: ({ state, params }) => {
    const group = state.group(required(params, 'GroupName'));
    group.members.add(state.user(required(params, 'UserName')).name);
    return undefined;
  },
  RemoveUserFromGroup: ({ state, params }) => {
    const group = state.group(required(params, 'GroupName'));
    const user = state.user(required(params, 'UserName'));
    if (!group.members.delete(user.name)) throw new AwsFault('NoSuchEntity', `The user with name ${user.name} cannot be found.`, 404);
    return undefined;
  },
  ListGroupsForUser: ({ state, params }) => {
    const user = state.user(required(params, 'UserName'));
    const { items, ...more } = page(state.groupsOf(user.name), params);
    return { Groups: items.map(groupXml), ...more };
  },
  ...inlinePolicyActions('Group', groupHolder),
  CreateAccessKey: (context) => {
    const { state, now } = context;
    const user = targetUser(context);
    if ([...state.keys.values()].filter((k) => k.userName === user.name).length >= MAX_KEYS_PER_USER) {
      throw new AwsFault('LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${MAX_KEYS_PER_USER}`, 409);
    }
    const key = state.addKey(user.name, now);
    return { AccessKey: { UserName: user.name, AccessKeyId: key.id, Status: 'Active', SecretAccessKey: key.secret, CreateDate: key.created } };
  },
  ListAccessKeys: (context) => {
    const user = targetUser(context);
    const keys = [...context.state.keys.values()].filter((k) => k.userName === user.name);
    const { items, ...more } = page(keys, context.params);
    return {
      AccessKeyMetadata: items.map((k) => ({ UserName: k.userName, AccessKeyId: k.id, Status: 'Active', CreateDate: k.created })),
      ...more,
    };
  },
  DeleteAccessKey: (context) => {
    const user = targetUser(context);
    const id = required(context.params, 'AccessKeyId');
    if (context.state.keys.get(id)?.userName !== user.name) {
      throw new AwsFault('NoSuchEntity', `The Access Key with id ${id} cannot be found.`, 404);
    }
    context.state.keys.delete(id);
    return undefined;
  },
  GetAccessKeyLastUsed: ({ state, caller, params }) => {
    const id = required(params, 'AccessKeyId');
    if (id.length < 16 || id.length > 128) {
      throw invalid('AccessKeyId', id, `Member must have length ${id.length < 16 ? 'greater' : 'less'} than or equal to ${id.length < 16 ? 16 : 128}`);
    }
    if (!/^\w+$/.test(id)) throw invalid('AccessKeyId', id, 'Member must satisfy regular expression pattern: [\\w]+');
    const key = state.keys.get(id);
    // NOTE: a key IAM does not hold (another account's, a deleted one, a session's) is not
    // said to be missing: AWS's reference lists no NoSuchEntity for this call (older editions
    // did), and AWS is seen to answer AccessDenied naming the key, even to an administrator
    // allowed everything. moto answers NoSuchEntity; the wizard takes either as "not told".
    if (!key) {
      throw new AwsFault('AccessDenied', `User: ${callerArn(state, caller)} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`, 403);
    }
    const used = key.lastUsed;
    // In the order of AWS's sample response.
    return {
      AccessKeyLastUsed: used ? { Region: used.region, LastUsedDate: used.date, ServiceName: used.service } : { Region: 'N/A', ServiceName: 'N/A' },
      UserName: key.userName,
    };
  },
  CreateRole: ({ state, params, now }) => {
    const name = checkedName(params, 'RoleName');
    required(params, 'AssumeRolePolicyDocument');
    if (state.roles.has(name)) throw new AwsFault('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
    const path = checkedPath(params);
    const role = {
      name,
      path,
      id: newId('AROA'),
      arn: state.arn('iam', `role${path}${name}`),
      created: new Date(now),
      maxSessionSeconds: Number(params.get('MaxSessionDuration') ?? 3600),
    };
    state.roles.set(name, role);
    return { Role: { Path: path, RoleName: name, RoleId: role.id, Arn: role.arn, CreateDate: role.created, MaxSessionDuration: role.maxSessionSeconds } };
  },
  CreateVirtualMFADevice: ({ state, params, now }) => {
    const name = checkedName(params, 'VirtualMFADeviceName');
    const serial = state.arn('iam', `mfa${checkedPath(params)}${name}`);
    if (state.devices.has(serial)) {
      throw new AwsFault('EntityAlreadyExists', 'MFADevice entity at the same path and name already exists.', 409);
    }
    const device: VirtualDevice = { serial, seed: newSeed(), created: new Date(now), driftWindows: 0, usableFrom: 0 };
    state.devices.set(serial, device);
    // NOTE: no QRCodePNG: drawing AWS's PNG would need a QR encoder here, and the wizard draws its own from the seed.
    return { VirtualMFADevice: { SerialNumber: serial, Base32StringSeed: Buffer.from(device.seed, 'ascii').toString('base64') } };
  },
  ListVirtualMFADevices: ({ state, params }) => {
    const status = params.get('AssignmentStatus') ?? 'Any';
    if (!['Assigned', 'Unassigned', 'Any'].includes(status)) {
      throw invalid('AssignmentStatus', status, 'Member must satisfy enum value set: [Unassigned, Any, Assigned]');
    }
    const devices = [...state.devices.values()].filter((d) => status === 'Any' || (status === 'Assigned') === (d.userName !== undefined));
    const { items, ...more } = page(devices, params);
    return {
      VirtualMFADevices: items.map((d) =>
        d.userName === undefined ? { SerialNumber: d.serial } : { SerialNumber: d.serial, User: userXml(state.user(d.userName)), EnableDate: d.enabled },
      ),
      ...more,
    };
  },
  ListMFADevices: (context) => {
    const user = targetUser(context);
    const { items, ...more } = page(context.state.devicesOf(user.name), context.params);
    return { MFADevices: items.map((d) => ({ UserName: user.name, SerialNumber: d.serial, EnableDate: d.enabled })), ...more };
  },
  EnableMFADevice: ({ state, params, now, consistencyDelayMs }) => {
    const user = state.user(required(params, 'UserName'));
    const device = state.device(required(params, 'SerialNumber'));
    const [code1, code2] = [authenticationCode(params, 'AuthenticationCode1'), authenticationCode(params, 'AuthenticationCode2')];
    if (device.userName !== undefined) {
      throw new AwsFault('EntityAlreadyExists', `MFA Device with serial number ${device.serial} is already in use.`, 409);
    }
    if (state.devicesOf(user.name).length >= MAX_DEVICES_PER_USER) {
      throw new AwsFault('LimitExceeded', `Cannot exceed quota for MFADevicesPerUser: ${MAX_DEVICES_PER_USER}`, 409);
    }
    device.lastCounter = checkEnableCodes(device, code1, code2, now);
    device.userName = user.name;
    device.enabled = new Date(now);
    device.usableFrom = now + consistencyDelayMs;
    return undefined;
  },
  ResyncMFADevice: ({ state, params, now }) => {
    const user = state.user(required(params, 'UserName'));
    const device = assignedDevice(state, user, required(params, 'SerialNumber'));
    resync(device, authenticationCode(params, 'AuthenticationCode1'), authenticationCode(params, 'AuthenticationCode2'), now);
    return undefined;
  },
  DeactivateMFADevice: (context) => {
    const device = assignedDevice(context.state, targetUser(context), required(context.params, 'SerialNumber'));
    // A deactivated virtual device is reset: enabling it again starts afresh.
    Object.assign(device, { userName: undefined, enabled: undefined, lastCounter: undefined, driftWindows: 0 });
    return undefined;
  },
  DeleteVirtualMFADevice: ({ state, params }) => {
    const device = state.device(required(params, 'SerialNumber'));
    if (device.userName !== undefined) throw new AwsFault('DeleteConflict', 'MFA Device is still in use', 409);
    state.devices.delete(device.serial);
    return undefined;
  },
  ListAccountAliases: ({ state }) => ({ AccountAliases: state.aliases, IsTruncated: false }),
  CreateAccountAlias: ({ state, params }) => {
    const alias = required(params, 'AccountAlias');
    if (!ALIAS_PATTERN.test(alias)) {
      throw invalid('AccountAlias', alias, 'Member must satisfy regular expression pattern: ^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$');
    }
    // An account has one alias: a new one takes the old one's place.
    state.aliases.splice(0, state.aliases.length, alias);
    return undefined;
  },
  DeleteAccountAlias: ({ state, params }) => {
    const alias = required(params, 'AccountAlias');
    if (!state.aliases.includes(alias)) throw new AwsFault('NoSuchEntity', `The account alias ${alias} cannot be found.`, 404);
    state.aliases.splice(0, state.aliases.length);
    return undefined;
  },
};
