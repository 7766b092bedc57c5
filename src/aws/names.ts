/**
 * IAM's names and ARNs, in one place: the patterns IAM checks names against (from the IAM
 * and STS service models), the ARNs we read (who a set of keys is) and the ones we build
 * (a virtual device's serial), and the one identity type of the program.
 */

/** IAM's pattern for user names (`userNameType`). */
export const USER_NAME = /^[\w+=,.@-]{1,64}$/;
/** IAM's pattern for group names (`groupNameType`). */
export const GROUP_NAME = /^[\w+=,.@-]{1,128}$/;
/** IAM's pattern for inline policy names (`policyNameType`). */
export const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
/** IAM's pattern for VirtualMFADeviceName. */
export const DEVICE_NAME = /^[\w+=,.@-]{1,226}$/;
/** An IAM path: `/` or `/…/`. */
export const IAM_PATH = /^\/([\x21-\x7e]*\/)?$/;
/** What a region name looks like (us-east-1, cn-north-1, us-gov-west-1…). */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** STS's pattern for RoleSessionName. */
export const ROLE_SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * The role session name when none is given: `mfa-onboard-<profile>`, what CloudTrail shows.
 * A profile name may be longer than STS takes (64): the name is cut there, as AWS tools cut
 * theirs, and any character STS refuses becomes `-`.
 */
export function defaultRoleSessionName(profile: string): string {
  return `mfa-onboard-${profile}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
/** A role's ARN, in any partition. */
export const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@\/-]+$/;

/** An IAM user, as IAM and its ARN name it: the user the wizard enrols or an administrator acts for. */
export interface Identity {
  arn: string;
  account: string;
  partition: string;
  userName: string;
  /** IAM path of the user (`/` or `/eng/`). */
  path: string;
}

/** Who a set of keys belongs to, read from the caller ARN: an IAM user (with name and path), or not one. */
export type ParsedIdentity =
  | ({ kind: 'user' } & Omit<Identity, 'arn'>)
  | {
      kind: 'root' | 'assumed-role' | 'federated-user' | 'other';
      partition: string;
      account: string;
      userName?: undefined;
      path?: undefined;
    };

/** Parses `arn:aws:iam::123456789012:user/eng/alice` and its root, role and federated siblings. */
export function parseCallerArn(arn: string): ParsedIdentity {
  const [, partition = 'aws', service = '', , account = '', resource = ''] = arn.split(':');
  const base = { partition, account };
  if (service === 'iam' && resource === 'root') return { ...base, kind: 'root' };
  if (service === 'iam' && resource.startsWith('user/')) {
    const parts = resource.slice('user/'.length).split('/');
    const userName = parts.pop() ?? '';
    const path = parts.length ? `/${parts.join('/')}/` : '/';
    return { ...base, kind: 'user', userName, path };
  }
  if (service === 'sts' && resource.startsWith('assumed-role/')) return { ...base, kind: 'assumed-role' };
  if (service === 'sts' && resource.startsWith('federated-user/')) return { ...base, kind: 'federated-user' };
  return { ...base, kind: 'other' };
}

/** The IAM user an ARN names; undefined when it names something else (root, a role's session…). */
export function identityOf(arn: string): Identity | undefined {
  const parsed = parseCallerArn(arn);
  if (parsed.kind !== 'user') return undefined;
  return { arn, account: parsed.account, partition: parsed.partition, userName: parsed.userName, path: parsed.path };
}

/** The account an ARN is in (its fifth field); undefined for what is not an ARN (a hardware token's serial). */
export function accountOfArn(arn: string): string | undefined {
  return arn.split(':')[4];
}

/** The serial (ARN) IAM gives a virtual device: `arn:<partition>:iam::<account>:mfa<path><name>`. */
export function virtualDeviceSerial(partition: string, account: string, path: string, name: string): string {
  return `arn:${partition}:iam::${account}:mfa${path}${name}`;
}

/** Virtual devices are `arn:…:mfa/…`; hardware tokens (a bare serial) and passkeys (`u2f/`) can only be deactivated. */
export function isVirtualDeviceSerial(serial: string): boolean {
  return /^arn:[^:]+:iam::\d+:mfa\//.test(serial);
}

/** A device's name: the last part of its serial ARN (or the serial of a hardware token). */
export function deviceNameOf(serial: string): string {
  return serial.slice(serial.lastIndexOf('/') + 1);
}

/** The region STS is called in when none is configured: the partition's usual one. */
export function defaultRegionFor(partition: string): string {
  if (partition === 'aws-cn') return 'cn-north-1';
  if (partition === 'aws-us-gov') return 'us-gov-west-1';
  return 'us-east-1';
}
