import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityOf } from '../../src/aws/names.js';
import { AwsError, UserError } from '../../src/errors.js';
import { createUserWithKey, type CreateUserAws } from '../../src/wizard/create-user.js';
import { createFileWriter } from '../../src/credentials/files.js';
import { systemClock } from '../../src/totp/clock.js';
import { recordingOutput } from '../helpers/output.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/**
 * IAM as an administrator sees it, for the refusals moto does not make: `denied` refuses
 * that call, `broken` makes that call fail otherwise. Every call is recorded.
 */
function iam(options: { denied?: keyof CreateUserAws; broken?: keyof CreateUserAws; users?: string[] } = {}) {
  const calls: string[] = [];
  const users = new Set(options.users ?? []);
  const call = async <R>(name: keyof CreateUserAws, result: () => R): Promise<R> => {
    calls.push(name);
    if (name === options.denied) throw new AwsError('AccessDenied', `iam:${name[0]!.toUpperCase()}${name.slice(1)}`, 'not authorized', 403);
    if (name === options.broken) throw new AwsError('ServiceFailure', `iam:${name}`, 'try again', 500);
    return result();
  };
  const noSuchUser = () => new AwsError('NoSuchEntity', 'iam:GetUser', 'The user with name x cannot be found.', 404);
  const aws: CreateUserAws = {
    groupExists: (group) => call('groupExists', () => group === 'staff'),
    getUser: (name) =>
      call('getUser', () => {
        if (!users.has(name)) throw noSuchUser();
        return identityOf(`arn:aws:iam::123456789012:user/${name}`)!;
      }),
    createUser: (name) => call('createUser', () => (users.add(name), { arn: `arn:aws:iam::123456789012:user/${name}` })),
    deleteUser: (name) => call('deleteUser', () => void users.delete(name)),
    addUserToGroup: () => call('addUserToGroup', () => undefined),
    removeUserFromGroup: () => call('removeUserFromGroup', () => undefined),
    createAccessKey: () => call('createAccessKey', () => ({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET })),
    deleteAccessKey: () => call('deleteAccessKey', () => undefined),
    listAccessKeys: () => call('listAccessKeys', () => []),
    accessKeyOwner: () => call('accessKeyOwner', () => undefined),
  };
  return { aws, calls, users };
}

describe('createUserWithKey (user admin calls faked: the refusals moto does not make)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'create-user-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const request = () => ({ profile: 'admin', name: 'alice', path: '/', group: 'staff', outDir: dir, existing: false });

  it('AccessDenied at CreateAccessKey: the membership, then the user, are taken back; the error names the profile and the call', async () => {
    const { aws, calls, users } = iam({ denied: 'createAccessKey' });
    const { out, text } = recordingOutput();
    const error = await createUserWithKey(aws, request(), { out, writer: createFileWriter({ clock: systemClock }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).id).toBe('admin.createDenied');
    expect((error as UserError).params).toMatchObject({ profile: 'admin', action: 'iam:CreateAccessKey' });
    expect(calls).toEqual(['groupExists', 'getUser', 'createUser', 'addUserToGroup', 'createAccessKey', 'removeUserFromGroup', 'deleteUser']);
    expect(users.size).toBe(0);
    expect(text()).toMatch(/Took back: alice in staff[\s\S]*Took back: user alice/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('a take-back that fails is said (remove it by hand), and the first error is the one thrown', async () => {
    const { aws } = iam({ denied: 'createAccessKey', broken: 'deleteUser' });
    const { out, text } = recordingOutput();
    const error = await createUserWithKey(aws, request(), { out, writer: createFileWriter({ clock: systemClock }) }).catch((e: unknown) => e);
    expect((error as UserError).id).toBe('admin.createDenied');
    expect(text()).toContain('Took back: alice in staff');
    expect(text()).toContain('Could not take back user alice: remove it by hand');
  });

  it('an administrator not allowed GetGroup still gets on: the group is taken to exist', async () => {
    const { aws, calls } = iam({ denied: 'groupExists' });
    const { out, text } = recordingOutput();
    await createUserWithKey(aws, { ...request(), announceNext: false }, { out, writer: createFileWriter({ clock: systemClock }) });
    expect(calls).toEqual(['groupExists', 'getUser', 'createUser', 'addUserToGroup', 'createAccessKey']);
    expect(await fs.readFile(join(dir, 'alice_accessKeys.csv'), 'utf8')).toBe(`Access key ID,Secret access key\r\nAKIAIOSFODNN7EXAMPLE,${SECRET}\r\n`);
    expect(text()).not.toContain(SECRET);
    expect(text()).not.toContain('Next, with');
  });
});
