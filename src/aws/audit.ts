import type { MfaDevices, UserAdmin } from './client.js';
import { AwsError } from '../errors.js';
import { isVirtualDeviceSerial } from './names.js';

/** One line of the audit log: when, who, which change, for whom, on which device, how it went. */
export interface AuditEntry {
  time: string;
  /** The administrator's ARN. */
  admin: string;
  /** The IAM action (`iam:CreateUser`), or what the batch did (`skip`). */
  action: string;
  user: string;
  device?: string;
  /** `ok`, or the AWS error code (`error` for anything else). */
  result: string;
}

/** Where changes are written down, and as whom. */
export interface AuditTrail {
  /** Appends one entry to the log. */
  write(entry: AuditEntry): Promise<void>;
  /** The time an entry is stamped with. */
  now(): Date;
  /** The administrator's ARN. */
  admin: string;
  /** The user the changes are for (the hire a batch is on). */
  user(): string;
}

/**
 * Wraps one change: an entry when it is done, or the error code when it failed (the error
 * still thrown). Only a virtual device's serial is written, never another argument (codes
 * are secrets); `made` names the device a call created.
 */
function recorder(trail: AuditTrail) {
  return async <R>(action: string, serial: string | undefined, change: () => Promise<R>, made?: (result: R) => string): Promise<R> => {
    const device = serial !== undefined && isVirtualDeviceSerial(serial) ? serial : undefined;
    const entry = { time: trail.now().toISOString(), admin: trail.admin, action, user: trail.user(), ...(device ? { device } : {}) };
    try {
      const result = await change();
      await trail.write({ ...entry, ...(made ? { device: made(result) } : {}), result: 'ok' });
      return result;
    } catch (error) {
      await trail.write({ ...entry, result: error instanceof AwsError ? error.code : 'error' });
      throw error;
    }
  };
}

/** `client` with `changes` in place of its own methods; everything else (reads, `calls`) is the client's. */
function decorate<T extends object>(client: T, changes: Partial<T>): T {
  return Object.assign(Object.create(client) as T, changes);
}

/** The user administration calls, each change (not a read) written to the audit trail. */
export function auditedUserAdmin<T extends UserAdmin>(users: T, trail: AuditTrail): T {
  const record = recorder(trail);
  return decorate<UserAdmin>(users, {
    createUser: (userName, path) => record('iam:CreateUser', undefined, () => users.createUser(userName, path)),
    deleteUser: (userName) => record('iam:DeleteUser', undefined, () => users.deleteUser(userName)),
    addUserToGroup: (userName, group) => record('iam:AddUserToGroup', undefined, () => users.addUserToGroup(userName, group)),
    removeUserFromGroup: (userName, group) => record('iam:RemoveUserFromGroup', undefined, () => users.removeUserFromGroup(userName, group)),
    createAccessKey: (userName) => record('iam:CreateAccessKey', undefined, () => users.createAccessKey(userName)),
    deleteAccessKey: (userName, keyId) => record('iam:DeleteAccessKey', undefined, () => users.deleteAccessKey(userName, keyId)),
  }) as T;
}

/** The MFA device calls, each change (not a read) written to the audit trail. */
export function auditedMfaDevices<T extends MfaDevices>(devices: T, trail: AuditTrail): T {
  const record = recorder(trail);
  return decorate<MfaDevices>(devices, {
    createVirtualMfaDevice: (name, path) =>
      record('iam:CreateVirtualMFADevice', undefined, () => devices.createVirtualMfaDevice(name, path), (made) => made.serialNumber),
    deleteVirtualMfaDevice: (serial) => record('iam:DeleteVirtualMFADevice', serial, () => devices.deleteVirtualMfaDevice(serial)),
    enableMfaDevice: (userName, serial, code1, code2) =>
      record('iam:EnableMFADevice', serial, () => devices.enableMfaDevice(userName, serial, code1, code2)),
    resyncMfaDevice: (userName, serial, code1, code2) =>
      record('iam:ResyncMFADevice', serial, () => devices.resyncMfaDevice(userName, serial, code1, code2)),
    deactivateMfaDevice: (userName, serial) => record('iam:DeactivateMFADevice', serial, () => devices.deactivateMfaDevice(userName, serial)),
  }) as T;
}

/**
 * An administrator's client whose every change to users and MFA devices is written to the
 * audit trail, one entry per call; reads go through unrecorded.
 */
export function audited<T extends UserAdmin & MfaDevices>(aws: T, trail: AuditTrail): T {
  return auditedMfaDevices(auditedUserAdmin(aws, trail), trail);
}
