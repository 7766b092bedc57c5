import { promises as fs } from 'node:fs';
import { CreateGroupCommand, ListAccessKeysCommand, ListUsersCommand } from '@aws-sdk/client-iam';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faultProxy, type FaultProxy, type FaultRule } from '../helpers/fault-proxy.js';
import { addAdminProfile, adminIam, createUserWithKey, listDevices } from '../helpers/moto.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

/**
 * Issue 20, item 2.3: `admin create-user` (and `batch --create`, which makes users the same
 * way) when the answer to CreateAccessKey is lost after AWS made the key: a key whose secret
 * never arrived is found, deleted, and replaced; never two keys for one CSV.
 */
describe('admin create-user: CreateAccessKey done, its answer lost', () => {
  const world = useMotoWorld();
  let proxy: FaultProxy;
  beforeEach(async () => {
    proxy = await faultProxy(world.moto.url);
    await addAdminProfile(world.box);
  });
  afterEach(async () => {
    await proxy.close();
  });

  const createUser = (rules: FaultRule[], ...args: string[]) => {
    proxy.setRules(rules);
    return runCli(['admin', 'create-user', ...args, '--profile', 'admin', '--out', world.box.dir, '--endpoint-url', proxy.url], {
      env: world.box.env,
      patience: { slowMs: 5_000, attemptMs: 2_000 },
    });
  };
  /** create-user USER with AWS doing ACTION but its first answer stalling, and Ctrl-C while it is waited for. */
  const createUserStopped = async (action: string, user: string) => {
    proxy.setRules([{ action, fault: 'stall', when: 'after', times: 1 }]);
    const controller = new AbortController();
    const stopped = (async () => {
      while (!proxy.faulted[action]) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
    })();
    const result = await runCli(['admin', 'create-user', user, '--profile', 'admin', '--out', world.box.dir, '--endpoint-url', proxy.url], {
      env: world.box.env,
      signal: controller.signal,
      patience: { slowMs: 5_000, attemptMs: 300 },
    });
    await stopped;
    return result;
  };
  const keysOf = async (user: string) =>
    ((await adminIam(world.moto).send(new ListAccessKeysCommand({ UserName: user }))).AccessKeyMetadata ?? []).map((k) => k.AccessKeyId);
  const csvKeyOf = async (user: string) => (await fs.readFile(`${world.box.dir}/${user}_accessKeys.csv`, 'utf8')).split(/[,\r\n]+/)[2];

  for (const fault of ['reset', '500'] as const) {
    it(`a new user, the first answer lost (${fault} after moto, once): the undeliverable key is deleted, the CSV holds the one left — exit 0, 1 key`, async () => {
      const result = await createUser([{ action: 'CreateAccessKey', fault, when: 'after', times: 1 }], 'carol');
      expect(proxy.seen.CreateAccessKey).toBe(2);
      expect(result.code).toBe(0);
      const keys = await keysOf('carol');
      expect(keys).toHaveLength(1);
      expect(await csvKeyOf('carol')).toBe(keys[0]);
      expect(result.stderr).toMatch(/AWS made access key AKIA\w{16} for carol, but its answer \(with the secret\) was lost on the way back/);
      expect(result.stderr).toContain(`The CSV holds ${keys[0]}: the key whose answer arrived.`);
    });
  }

  it('an existing user with one key (--existing), the first answer lost: the retry meets the limit of two; the lost key is deleted and a new one made — exit 0, 2 keys', async () => {
    const before = await createUserWithKey(world.moto, 'dave');
    const result = await createUser([{ action: 'CreateAccessKey', fault: 'reset', when: 'after', times: 1 }], 'dave', '--existing');
    expect(result.code).toBe(0);
    // The lost one, the SDK's retries (LimitExceeded: two keys then), and the one made in its place.
    expect(proxy.seen.CreateAccessKey).toBeGreaterThanOrEqual(3);
    const keys = await keysOf('dave');
    expect(keys).toHaveLength(2);
    expect(keys).toContain(before.accessKeyId);
    expect(keys).toContain(await csvKeyOf('dave'));
    expect(result.stderr).toMatch(/AWS made access key AKIA\w{16} for dave, but its answer \(with the secret\) was lost on the way back/);
    expect(result.stderr).toContain('Making another key for dave in its place');
    expect(result.stderr).not.toContain('already has two access keys');
  });

  it('every answer lost (500 after moto, every try): the keys made are deleted, and so is the user — exit 1, no user, no CSV', async () => {
    const result = await createUser([{ action: 'CreateAccessKey', fault: '500', when: 'after' }], 'erin');
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('Something unexpected');
    expect(result.stderr).toContain('was lost on the way back');
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
    await expect(fs.stat(`${world.box.dir}/erin_accessKeys.csv`)).rejects.toThrow();
  });

  it('batch --create makes its users the same way: the lost key deleted, the hire enrolled and her session checked with the key in her CSV — exit 0, 1 key', async () => {
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    const users = await world.box.write('users.csv', 'User,Group\r\nalice,new-hires\r\n');
    proxy.setRules([{ action: 'CreateAccessKey', fault: 'reset', when: 'after', times: 1 }]);
    const clock = fakeClock();
    const phone = async () => codeAt((await listDevices(world.moto)).find((d) => d.serialNumber.endsWith(':mfa/alice'))!.seed!, counterAt(clock.now()));
    const prompter = scriptedPrompter([
      { flag: '--yes', answer: 'enrol' },
      { flag: '--yes', answer: 'continue' },
      { flag: '--codes-from-stdin', answer: phone },
      { flag: '--codes-from-stdin', answer: phone },
      { flag: '--codes-from-stdin', answer: phone },
      // The administrator takes the keyboard back (the batch's profile typed) and goes on.
      { flag: '--profile', answer: 'admin' },
      { flag: '--yes', answer: 'next' },
    ]);
    const result = await runCli(
      ['batch', users, '--profile', 'admin', '--create', '--region', 'eu-west-1', '--qr-png', `${world.box.dir}/qr.png`, '--endpoint-url', proxy.url],
      { env: world.box.env, clock, prompter, patience: { slowMs: 5_000, attemptMs: 2_000 } },
    );
    expect(result.stderr).toMatch(/AWS made access key AKIA\w{16} for alice, but its answer \(with the secret\) was lost on the way back/);
    expect(result.code).toBe(0);
    prompter.assertDone();
    const keys = await keysOf('alice');
    expect(keys).toHaveLength(1);
    expect(await csvKeyOf('alice')).toBe(keys[0]);
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
  });

  it('Ctrl-C while CreateAccessKey stalls (AWS made the key): said at once; the key whose answer never came is still found and deleted, and what was made is taken back — exit 2, no user', async () => {
    const result = await createUserStopped('CreateAccessKey', 'fay');
    expect(result.stderr).toContain("Stopping. Waiting first for AWS's answer to iam:CreateAccessKey");
    expect(result.stderr).toMatch(/AWS made access key AKIA\w{16} for fay, but its answer \(with the secret\) was lost on the way back/);
    expect(result.stderr).not.toContain('Something unexpected');
    expect(result.code).toBe(2);
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
    await expect(fs.stat(`${world.box.dir}/fay_accessKeys.csv`)).rejects.toThrow();
  });

  it('Ctrl-C while CreateUser stalls (AWS made the user): said at once; no key is made after it, and the user is taken back — exit 2', async () => {
    const result = await createUserStopped('CreateUser', 'gus');
    expect(result.stderr).toContain("Stopping. Waiting first for AWS's answer to iam:CreateUser");
    expect(result.code).toBe(2);
    expect(proxy.seen.CreateAccessKey ?? 0).toBe(0);
    expect((await adminIam(world.moto).send(new ListUsersCommand({}))).Users ?? []).toEqual([]);
  });

  it('CreateUser done, its first answer lost (reset after moto, once): the retry meets the user this run made, and it goes on with it — exit 0, 1 key', async () => {
    const result = await createUser([{ action: 'CreateUser', fault: 'reset', when: 'after', times: 1 }], 'hana');
    expect(result.stderr).toContain('The answer to creating IAM user hana was lost on the way back, and the retry found the user that first try had made');
    expect(result.stderr).toContain('Created IAM user hana (arn:aws:iam::123456789012:user/hana)');
    expect(result.code).toBe(0);
    expect(await keysOf('hana')).toEqual([await csvKeyOf('hana')]);
  });
});
