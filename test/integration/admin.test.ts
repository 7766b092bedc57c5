import { promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import { CreateGroupCommand, GetGroupCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { adminIam, createUserWithKey, listDevices } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

describe('mfa-onboard admin create-user, against moto', () => {
  const world = useMotoWorld();

  async function adminProfile() {
    await fs.mkdir(`${world.box.home}/.aws`, { recursive: true });
    await fs.writeFile(world.box.credentialsFile, `[admin]\naws_access_key_id = AKIATESTADMIN0000000\naws_secret_access_key = ${'a'.repeat(40)}\n`, { mode: 0o600 });
  }
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

  it('a missing group takes back the user it created, and writes no file', async () => {
    await adminProfile();
    const result = await createUser('erin', '--group', 'nope');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no IAM group nope');
    expect(result.stderr).toContain('Took back: user erin');
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
    await expect(fs.stat(`${world.box.dir}/erin_accessKeys.csv`)).rejects.toThrow();
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
    expect(usage.stderr).toContain('Usage: mfa-onboard admin create-user NAME');
  });
});
