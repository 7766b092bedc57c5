import { isIPv4, isIPv6 } from 'node:net';
import { UserError } from '../errors.js';

/** How far device names are pinned: to the user's own name, or any name. */
export type DeviceNameScope = 'user' | 'any';
export const DEVICE_NAME_SCOPES: readonly DeviceNameScope[] = ['user', 'any'];

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
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Statement[];
}

/** Checks one `--allow-ip` value: an IPv4 or IPv6 address, optionally with a prefix length. */
export function checkCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined) return false;
  const max = isIPv4(address) ? 32 : isIPv6(address) ? 128 : -1;
  if (max < 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
}

/**
 * The policy that lets each user list and manage only their own MFA devices and get an
 * MFA session, and denies everything else unless signed in with MFA (or, with `allowIps`,
 * calling from one of those ranges).
 */
export function mfaPolicy(options: { allowIps: string[]; scope: DeviceNameScope }): PolicyDocument {
  const wrong = options.allowIps.find((cidr) => !checkCidr(cidr));
  if (wrong !== undefined) throw new UserError('policy.badCidr', { value: wrong });
  const device = options.scope === 'user' ? 'arn:aws:iam::*:mfa/${aws:username}' : 'arn:aws:iam::*:mfa/*';
  const user = 'arn:aws:iam::*:user/${aws:username}';
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
        Resource: [device, user],
      },
      {
        // Taking a device away is what an attacker with stolen keys would do first: MFA only.
        Sid: 'AllowDeactivatingOwnMfaDeviceOnlyWithMfa',
        Effect: 'Allow',
        Action: ['iam:DeactivateMFADevice'],
        Resource: [device, user],
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      {
        // Deleting an *unassigned* device is harmless (an assigned one must be deactivated
        // first, which needs MFA): the wizard removes its own unfinished device this way.
        Sid: 'DenyEverythingElseWithoutMfa',
        Effect: 'Deny',
        NotAction: [...CALLS_WITHOUT_MFA, 'iam:ResyncMFADevice'],
        Resource: '*',
        Condition: withoutMfa,
      },
    ],
  };
}
