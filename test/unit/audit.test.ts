import { describe, expect, it } from 'vitest';
import { audited, auditedMfaDevices, auditedUserAdmin, type AuditEntry, type AuditTrail } from '../../src/aws/audit.js';
import type { MfaDevices, UserAdmin } from '../../src/aws/client.js';
import { AwsError } from '../../src/errors.js';
import { identityOf } from '../../src/aws/names.js';

const ADMIN = 'arn:aws:iam::123456789012:user/admin';
const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';

function trail(user = 'alice') {
  const entries: AuditEntry[] = [];
  const log: AuditTrail = {
    write: async (entry) => void entries.push(entry),
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    admin: ADMIN,
    user: () => user,
  };
  return { log, entries };
}

/** Users as IAM would keep them; `fail` makes that call throw. */
function userAdmin(fail: Partial<Record<keyof UserAdmin, Error>> = {}): UserAdmin & { made: string[] } {
  const made: string[] = [];
  const call = async <R>(name: keyof UserAdmin, result: R): Promise<R> => {
    made.push(name);
    if (fail[name]) throw fail[name];
    return result;
  };
  return {
    made,
    getUser: (userName) => call('getUser', identityOf(`arn:aws:iam::123456789012:user/${userName}`)!),
    createUser: (userName) => call('createUser', { arn: `arn:aws:iam::123456789012:user/${userName}` }),
    deleteUser: () => call('deleteUser', undefined),
    addUserToGroup: () => call('addUserToGroup', undefined),
    removeUserFromGroup: () => call('removeUserFromGroup', undefined),
    createAccessKey: () => call('createAccessKey', { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 's'.repeat(40) }),
    deleteAccessKey: () => call('deleteAccessKey', undefined),
    listAccessKeys: () => call('listAccessKeys', ['AKIAEXAMPLE000000001']),
    accessKeyOwner: () => call('accessKeyOwner', 'alice'),
  };
}

function mfaDevices(): MfaDevices & { readonly calls: number } {
  let calls = 0;
  const counted = async <R>(result: R): Promise<R> => {
    calls++;
    return result;
  };
  return {
    get calls() {
      return calls;
    },
    listMfaDevices: () => counted([{ serialNumber: SERIAL }]),
    listUnassignedVirtualMfaDevices: () => counted([]),
    createVirtualMfaDevice: (name) => counted({ serialNumber: `arn:aws:iam::123456789012:mfa/${name}`, seed: 'A'.repeat(64) }),
    deleteVirtualMfaDevice: () => counted(undefined),
    enableMfaDevice: () => counted(undefined),
    resyncMfaDevice: () => counted(undefined),
    deactivateMfaDevice: () => counted(undefined),
  };
}

describe('the audit decorator', () => {
  it('writes one entry per change to a user, none per read', async () => {
    const { log, entries } = trail();
    const users = userAdmin();
    const aws = auditedUserAdmin(users, log);
    await aws.getUser('alice');
    await aws.listAccessKeys('alice');
    await aws.createUser('alice', '/');
    await aws.addUserToGroup('alice', 'staff');
    const key = await aws.createAccessKey('alice');
    await aws.deleteAccessKey('alice', key.accessKeyId);
    await aws.removeUserFromGroup('alice', 'staff');
    await aws.deleteUser('alice');
    expect(users.made).toEqual(['getUser', 'listAccessKeys', 'createUser', 'addUserToGroup', 'createAccessKey', 'deleteAccessKey', 'removeUserFromGroup', 'deleteUser']);
    expect(entries.map((e) => e.action)).toEqual([
      'iam:CreateUser',
      'iam:AddUserToGroup',
      'iam:CreateAccessKey',
      'iam:DeleteAccessKey',
      'iam:RemoveUserFromGroup',
      'iam:DeleteUser',
    ]);
    expect(entries[0]).toEqual({ time: '2026-01-02T03:04:05.000Z', admin: ADMIN, action: 'iam:CreateUser', user: 'alice', result: 'ok' });
    // The secret key comes back to the caller, and is never written.
    expect(key.secretAccessKey).toBe('s'.repeat(40));
    expect(JSON.stringify(entries)).not.toContain('s'.repeat(40));
  });

  it('names the device: the one created, the one enabled (never the codes), not a hardware serial', async () => {
    const { log, entries } = trail();
    const aws = auditedMfaDevices(mfaDevices(), log);
    await aws.listMfaDevices('alice');
    await aws.listUnassignedVirtualMfaDevices();
    await aws.createVirtualMfaDevice('alice', '/');
    await aws.enableMfaDevice('alice', SERIAL, '271828', '314159');
    await aws.deactivateMfaDevice('alice', 'GAHT12345678');
    await aws.deleteVirtualMfaDevice(SERIAL);
    expect(entries.map(({ time: _, admin: __, ...rest }) => rest)).toEqual([
      { action: 'iam:CreateVirtualMFADevice', user: 'alice', device: SERIAL, result: 'ok' },
      { action: 'iam:EnableMFADevice', user: 'alice', device: SERIAL, result: 'ok' },
      { action: 'iam:DeactivateMFADevice', user: 'alice', result: 'ok' },
      { action: 'iam:DeleteVirtualMFADevice', user: 'alice', device: SERIAL, result: 'ok' },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/271828|314159/);
  });

  it('records a failure with its AWS error code (or "error"), and still throws it', async () => {
    const { log, entries } = trail();
    const denied = new AwsError('AccessDenied', 'iam:CreateUser', 'not allowed', 403);
    const broken = new Error('socket hang up');
    const aws = auditedUserAdmin(userAdmin({ createUser: denied, deleteUser: broken }), log);
    await expect(aws.createUser('alice', '/')).rejects.toBe(denied);
    await expect(aws.deleteUser('alice')).rejects.toBe(broken);
    expect(entries.map((e) => [e.action, e.result])).toEqual([
      ['iam:CreateUser', 'AccessDenied'],
      ['iam:DeleteUser', 'error'],
    ]);
  });

  it('stamps each entry with the trail\'s clock and the user it is on at the time of the call', async () => {
    let user = 'alice';
    let now = Date.parse('2026-01-02T03:04:05Z');
    const entries: AuditEntry[] = [];
    const log: AuditTrail = { write: async (e) => void entries.push(e), now: () => new Date(now), admin: ADMIN, user: () => user };
    const aws = auditedUserAdmin(userAdmin(), log);
    await aws.createUser('alice', '/');
    user = 'bob';
    now += 60_000;
    await aws.createUser('bob', '/');
    expect(entries.map((e) => [e.user, e.time])).toEqual([
      ['alice', '2026-01-02T03:04:05.000Z'],
      ['bob', '2026-01-02T03:05:05.000Z'],
    ]);
  });

  it('leaves the rest of the client as it is: reads, and the live call count', async () => {
    const { log, entries } = trail();
    const devices = mfaDevices();
    const aws = audited({ ...userAdmin(), ...devices, get calls() { return devices.calls; } }, log);
    expect((await aws.getUser('alice')).userName).toBe('alice');
    await aws.listMfaDevices('alice');
    await aws.createVirtualMfaDevice('alice', '/');
    expect(aws.calls).toBe(2);
    expect(entries.map((e) => e.action)).toEqual(['iam:CreateVirtualMFADevice']);
  });
});
