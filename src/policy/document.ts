import { isIPv6 } from 'node:net';
import { UserError } from '../errors.js';
import type { DeviceNameScope } from './choices.js';

// NOTE: the choices are their own small module so that the flags (loaded for --help) can check
// them without loading node:net.
export type { DeviceNameScope, Partition } from './choices.js';

/**
 * What the wizard calls before the user has MFA (and the rollback of an unfinished device):
 * the policy must let these through, or the wizard cannot work under it.
 */
export const CALLS_WITHOUT_MFA = [
  'sts:GetCallerIdentity',
  'sts:GetSessionToken',
  'iam:ListMFADevices',
  'iam:ListVirtualMFADevices',
  'iam:ListAccountAliases',
  'iam:CreateVirtualMFADevice',
  'iam:EnableMFADevice',
  'iam:DeleteVirtualMFADevice',
] as const;

interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action?: string[];
  NotAction?: string[];
  Resource?: string | string[];
  NotResource?: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}


/**
 * What a console user needs before they have MFA: the forced password change at first sign-in
 * (or after expiry) reads the password policy and changes the password; the console reads
 * the user. AWS's own samples list these for the same reason (and iam:GetUser in the deny's
 * exemptions). ChangePassword asks for the current password: stolen keys alone cannot use it.
 */
export const CONSOLE_CALLS_WITHOUT_MFA = ['iam:ChangePassword', 'iam:GetAccountPasswordPolicy', 'iam:GetUser'] as const;

/** A decimal 0–max written without leading zeros (`08` and `010` are refused, not guessed at). */
function decimalUpTo(text: string, max: number): boolean {
  return /^(0|[1-9]\d{0,2})$/.test(text) && Number(text) <= max;
}

/** Dotted-quad IPv4, each octet 0–255 without leading zeros (not left to node:net, whose rules vary by version). */
function isPlainIPv4(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) => decimalUpTo(octet, 255));
}

/** Checks one `--allow-ip` value: an IPv4 or IPv6 address, optionally with a prefix length. */
export function checkCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  // A zone (`fe80::1%eth0`) means nothing to aws:SourceIp.
  const max = isPlainIPv4(address) ? 32 : !address.includes('%') && isIPv6(address) ? 128 : -1;
  if (max < 0) return false;
  return prefix === undefined || decimalUpTo(prefix, max);
}

/**
 * The policy that lets each user list and manage only their own MFA devices and get an
 * MFA session, and denies everything else unless signed in with MFA (or, with `allowIps`,
 * calling from one of those ranges). `partition` is the ARNs' (default `aws`).
 */
export function mfaPolicy(options: { allowIps: string[]; scope: DeviceNameScope; partition?: string }): PolicyDocument {
  const wrong = options.allowIps.find((cidr) => !checkCidr(cidr));
  if (wrong !== undefined) throw new UserError('policy.badCidr', { value: wrong });
  const iam = `arn:${options.partition ?? 'aws'}:iam::*`;
  // The wizard creates devices at path / (mfa/NAME), whatever the user's path.
  const device = options.scope === 'user' ? `${iam}:mfa/\${aws:username}` : `${iam}:mfa/*`;
  // A user's ARN carries its path (user/eng/bob): `*` matches any path, and user names are
  // unique in an account whatever the path, so these match the caller's own user only.
  const user = [`${iam}:user/\${aws:username}`, `${iam}:user/*/\${aws:username}`];
  const withoutMfa: Record<string, Record<string, string | string[]>> = {
    BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' },
    ...(options.allowIps.length ? { NotIpAddress: { 'aws:SourceIp': options.allowIps } } : {}),
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowListingMfaDevicesAndAliases',
        Effect: 'Allow',
        Action: ['iam:ListVirtualMFADevices', 'iam:ListAccountAliases'],
        Resource: '*',
      },
      {
        Sid: 'AllowListingOwnMfaDevices',
        Effect: 'Allow',
        Action: ['iam:ListMFADevices'],
        Resource: user,
      },
      {
        Sid: 'AllowManagingOwnVirtualMfaDevice',
        Effect: 'Allow',
        Action: ['iam:CreateVirtualMFADevice', 'iam:DeleteVirtualMFADevice'],
        Resource: device,
      },
      {
        Sid: 'AllowEnablingOwnMfaDevice',
        Effect: 'Allow',
        Action: ['iam:EnableMFADevice', 'iam:ResyncMFADevice'],
        Resource: [device, ...user],
      },
      {
        // Taking a device away is what an attacker with stolen keys would do first: MFA only.
        Sid: 'AllowDeactivatingOwnMfaDeviceOnlyWithMfa',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice'],
        Resource: [device, ...user],
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      {
        // A console user whose first sign-in demands a new password has no MFA yet.
        Sid: 'AllowChangingOwnPasswordAndViewingOwnUser',
        Effect: 'Allow',
        Action: ['iam:ChangePassword', 'iam:GetUser'],
        Resource: user,
      },
      {
        // Account-wide: this action takes no resource.
        Sid: 'AllowReadingPasswordPolicy',
        Effect: 'Allow',
        Action: ['iam:GetAccountPasswordPolicy'],
        Resource: '*',
      },
      {
        // The exemption below is for the user's own password and user only: without MFA, keys
        // that may read other users elsewhere (ReadOnlyAccess, say) still may not here.
        Sid: 'DenyOtherUsersPasswordAndUserWithoutMfa',
        Effect: 'Deny',
        Action: ['iam:ChangePassword', 'iam:GetUser'],
        NotResource: user,
        Condition: withoutMfa,
      },
      {
        // Deleting an *unassigned* device is harmless (an assigned one must be deactivated
        // first, which needs MFA): the wizard removes its own unfinished device this way.
        Sid: 'DenyEverythingElseWithoutMfa',
        Effect: 'Deny',
        NotAction: [...CALLS_WITHOUT_MFA, 'iam:ResyncMFADevice', ...CONSOLE_CALLS_WITHOUT_MFA],
        Resource: '*',
        Condition: withoutMfa,
      },
    ],
  };
}
