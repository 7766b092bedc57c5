import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import {
  AddUserToGroupCommand, CreateGroupCommand, DeleteGroupCommand, GetGroupCommand, ListAccessKeysCommand,
  ListGroupsForUserCommand, ListUsersCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it, vi } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { addAdminProfile, adminIam, createUserWithKey, listDevices } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

describe('mfa-onboard admin create-user, against moto', () => {
  const world = useMotoWorld();

  const adminProfile = () => addAdminProfile(world.box);
  const createUser = (...args: string[]) =>
    runCli(['admin', 'create-user', ...args, '--profile', 'admin', '--out', world.box.dir, '--endpoint-url', world.moto.url], { env: world.box.env });

  it('creates the user in the group and a console-format CSV (0600) that the setup wizard then imports', async () => {
    await adminProfile();
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    const created = await createUser('carol', '--group', 'new-hires', '--path', '/eng/');
    expect(created.code).toBe(0);
    const csv = `${world.box.dir}/carol_accessKeys.csv`;
    expect((await fs.stat(csv)).mode & 0o777).toBe(0o600);
    const text = await fs.readFile(csv, 'utf8');
    expect(text).toMatch(/^Access key ID,Secret access key\r\nAKIA[A-Z0-9]{16},\S{40}\r\n$/);
    const secret = text.split('\r\n')[1]!.split(',')[1]!;
    expect(created.stderr + created.stdout).not.toContain(secret);
    expect(created.stderr).toContain('Created IAM user carol (arn:aws:iam::123456789012:user/eng/carol)');
    const group = await adminIam(world.moto).send(new GetGroupCommand({ GroupName: 'new-hires' }));
    expect(group.Users?.map((u) => u.UserName)).toEqual(['carol']);

    // carol runs the wizard on the file the admin handed her.
    const clock = fakeClock();
    const stdin = new PassThrough();
    const timer = setInterval(async () => {
      const seed = (await listDevices(world.moto)).find((d) => d.serialNumber.endsWith(':mfa/carol'))?.seed;
      if (!seed) return;
      clearInterval(timer);
      const start = counterAt(clock.now());
      stdin.write([0, 1, 2].map((i) => codeAt(seed, start + i)).join('\n') + '\n');
    }, 20);
    const wizard = await runCli(
      [csv, '--profile', 'carol', '--region', 'eu-west-1', '--keep-csv', '--codes-from-stdin', '--qr-png', `${world.box.dir}/qr.png`, '--endpoint-url', world.moto.url],
      { env: world.box.env, clock, stdin },
    );
    clearInterval(timer);
    expect(wizard.stderr).toContain('These keys belong to carol');
    expect(wizard.code).toBe(0);
    expect(await listDevices(world.moto)).toMatchObject([{ serialNumber: 'arn:aws:iam::123456789012:mfa/carol', user: 'carol' }]);
  });

  it('an existing user is refused unless --existing, and then only a key is made, up to two', async () => {
    await adminProfile();
    await createUserWithKey(world.moto, 'dave');
    const refused = await createUser('dave');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('IAM user dave exists already. To give that user a new access key (and a CSV), add --existing.');
    const keyed = await createUser('dave', '--existing');
    expect(keyed.code).toBe(0);
    expect(keyed.stderr).not.toContain('Created IAM user');
    await fs.rm(`${world.box.dir}/dave_accessKeys.csv`);
    const third = await createUser('dave', '--existing');
    expect(third.code).toBe(1);
    expect(third.stderr).toContain('dave already has two access keys');
  });

  it('regression: a missing group is found before anything is created (no CreateUser, nothing to take back)', async () => {
    await adminProfile();
    const result = await createUser('erin', '--group', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no IAM group nope');
    expect(result.stderr).not.toContain('Created IAM user');
    expect(result.stderr).not.toContain('Took back');
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
    await expect(fs.stat(`${world.box.dir}/erin_accessKeys.csv`)).rejects.toThrow();
  });

  /** Runs `action` as the CSV's temp file is opened, and lets the write go on. */
  function onCsvTempOpen(action: (handle: FileHandle) => Promise<void>) {
    const realOpen = fs.open.bind(fs);
    return vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      if (/_accessKeys\.csv\.tmp-/.test(String(args[0]))) await action(handle);
      return handle;
    });
  }
  /** The CSV's temp file fails half-way, as on a full disk. */
  const failCsvWrite = () =>
    onCsvTempOpen(async (handle) => {
      handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
        await handle.write(String(data).slice(0, 20));
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      };
    });
  const groupsOf = async (user: string) =>
    ((await adminIam(world.moto).send(new ListGroupsForUserCommand({ UserName: user }))).Groups ?? []).map((g) => g.GroupName);
  const keysOf = async (user: string) =>
    ((await adminIam(world.moto).send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? []).map((k) => k.AccessKeyId);

  it('regression: a failed CSV write (ENOSPC) leaves no file, no temp file, no key, no user, and a re-run works', async () => {
    await adminProfile();
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    const spy = failCsvWrite();
    const failed = await createUser('hana', '--group', 'new-hires');
    spy.mockRestore();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('hana_accessKeys.csv (ENOSPC)');
    expect(failed.stderr).toMatch(/Took back: key AKIA\w+[\s\S]*Took back: hana in new-hires[\s\S]*Took back: user hana/);
    expect((await fs.readdir(world.box.dir)).filter((f) => f.includes('accessKeys'))).toEqual([]);
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
    const again = await createUser('hana', '--group', 'new-hires');
    expect(again.code).toBe(0);
    expect(await fs.readFile(`${world.box.dir}/hana_accessKeys.csv`, 'utf8')).toMatch(/^Access key ID,/);
  });

  it('regression: --existing --group with a failed write leaves each membership as it was (added by nobody, kept if there before)', async () => {
    await adminProfile();
    const iam = adminIam(world.moto);
    await iam.send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    for (const [user, wasMember] of [['ivan', false], ['jane', true]] as const) {
      const before = await createUserWithKey(world.moto, user);
      if (wasMember) await iam.send(new AddUserToGroupCommand({ UserName: user, GroupName: 'new-hires' }));
      const spy = failCsvWrite();
      const result = await createUser(user, '--existing', '--group', 'new-hires');
      spy.mockRestore();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('(ENOSPC)');
      expect(result.stderr).not.toContain(`${user} in new-hires`);
      expect(await groupsOf(user)).toEqual(wasMember ? ['new-hires'] : []);
      expect(await keysOf(user)).toEqual([before.accessKeyId]);
      await expect(fs.stat(`${world.box.dir}/${user}_accessKeys.csv`)).rejects.toThrow();
    }
  });

  it('--existing --group: when AddUserToGroup fails (the group went away meanwhile), the key and its CSV are taken back', async () => {
    await adminProfile();
    const iam = adminIam(world.moto);
    await iam.send(new CreateGroupCommand({ GroupName: 'short-lived' }));
    const before = await createUserWithKey(world.moto, 'kim');
    onCsvTempOpen(async () => {
      await iam.send(new DeleteGroupCommand({ GroupName: 'short-lived' }));
    });
    const result = await createUser('kim', '--existing', '--group', 'short-lived');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no IAM group short-lived');
    expect(result.stderr).toMatch(/Took back: file .*kim_accessKeys\.csv[\s\S]*Took back: key AKIA/);
    expect(await keysOf('kim')).toEqual([before.accessKeyId]);
    expect((await fs.readdir(world.box.dir)).filter((f) => f.includes('accessKeys'))).toEqual([]);
  });

  it('a CSV of that name that appears while the key is made is kept, and the key and user are taken back', async () => {
    await adminProfile();
    const csv = `${world.box.dir}/lena_accessKeys.csv`;
    onCsvTempOpen(async () => {
      await fs.writeFile(csv, 'not yours');
    });
    const result = await createUser('lena');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('lena_accessKeys.csv exists already, and it is never overwritten');
    expect(result.stderr).toMatch(/Took back: key AKIA\w+[\s\S]*Took back: user lena/);
    expect(await fs.readFile(csv, 'utf8')).toBe('not yours');
    expect((await fs.readdir(world.box.dir)).filter((f) => f.includes('accessKeys'))).toEqual(['lena_accessKeys.csv']);
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  });

  it('an --out that is missing, a file, or not writable is refused before anything is created', async () => {
    await adminProfile();
    await fs.writeFile(`${world.box.dir}/plain-file`, '');
    const cases = [
      { out: `${world.box.dir}/missing`, expected: 'is not a folder. Create it first' },
      { out: `${world.box.dir}/plain-file`, expected: 'is not a folder. Create it first' },
      // Tests run as root, for whom permission bits do not stop writes: access() plays a read-only folder.
      { out: world.box.dir, expected: `You may not write to the folder --out ${world.box.dir} (EROFS), so nothing was created`, readOnly: true },
    ];
    for (const { out, expected, readOnly } of cases) {
      const spy = readOnly
        ? vi.spyOn(fs, 'access').mockRejectedValue(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' }))
        : undefined;
      const result = await runCli(
        ['admin', 'create-user', 'mona', '--profile', 'admin', '--out', out, '--endpoint-url', world.moto.url],
        { env: world.box.env },
      );
      spy?.mockRestore();
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(expected);
      expect(result.stderr).not.toContain('Created IAM user');
    }
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  });

  it('never writes over a CSV already there, and then creates nothing', async () => {
    await adminProfile();
    await fs.writeFile(`${world.box.dir}/frank_accessKeys.csv`, 'keep me');
    const result = await createUser('frank');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('frank_accessKeys.csv exists already, and it is never overwritten');
    expect(await fs.readFile(`${world.box.dir}/frank_accessKeys.csv`, 'utf8')).toBe('keep me');
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  });

  it('bad names and paths are named before anything is called', async () => {
    for (const [args, expected] of [
      [['bad name'], 'cannot be an IAM user name'],
      [['gina', '--path', 'eng'], '--path eng is not an IAM path'],
    ] as const) {
      const result = await runCli(['admin', 'create-user', ...args, '--endpoint-url', 'http://127.0.0.1:9'], { env: world.box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(expected);
    }
    const usage = await runCli(['admin', 'make-user', 'x'], { env: world.box.env });
    expect(usage.stderr).toContain('Usage:\n    mfa-onboard admin create-user NAME');
  });
});
