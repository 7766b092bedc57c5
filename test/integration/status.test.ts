import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { addAdminProfile, adminIam, createUserWithKey } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { t } from '../../src/ui/messages/index.js';
import { useMotoWorld } from '../helpers/world.js';

describe('mfa-onboard status against moto', () => {
  const world = useMotoWorld();
  let serial: string;
  beforeEach(async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const iam = adminIam(world.moto);
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
    serial = device.SerialNumber!;
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: '111111', AuthenticationCode2: '222222' }));
    // An orphan left by an aborted run of a second device, and someone else's.
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-20261124' }));
    await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob' }));
    await fs.mkdir(`${world.box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(world.box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${serial}\n`, { mode: 0o600 });
  });

  it('a malformed --region is refused before any AWS call, as the wizard refuses it', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await runCli(['status', '--profile', 'alice', '--region', 'x y', '--endpoint-url', url], { env: world.box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(t('region.invalidFlag', { value: 'x y' }));
      expect(result.stderr).not.toContain('AWS refused');
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('--json: the user, devices, configured serial, session and orphans named after the user', async () => {
    await runCli(['session', '--profile', 'alice', '--endpoint-url', world.moto.url, '--codes-from-stdin'], { env: world.box.env, stdin: '123456\n' });
    const result = await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({
      account: '123456789012',
      user: 'alice',
      devices: [{ name: 'alice', serialNumber: serial }],
      configuredSerial: serial,
      configuredSerialIsCurrent: true,
      session: { profile: 'alice-mfa', valid: true },
      orphans: ['arn:aws:iam::123456789012:mfa/alice-20261124'],
    });
    expect(result.stdout).not.toMatch(/aws_secret_access_key|SecretAccessKey|SessionToken/);
  });

  // Issue 20, 2.4: what an earlier run left under way (the markers the wizard keeps in the
  // profile's config section), and what the next run will do about it.
  const unfinished = 'arn:aws:iam::123456789012:mfa/alice-20261124';
  it.each([
    {
      left: 'an enrolment whose device was enabled, no session saved',
      markers: () => `mfa_onboard_enrolling = ${serial}`,
      next: 'finish-enrolment',
      says: () => `enrolling ${serial}: enabled, no session saved yet`,
      then: () => 'The next run asks one code from that device and saves the session:\n    mfa-onboard --profile alice',
    },
    {
      left: 'an enrolment stopped before its device was enabled',
      markers: () => `mfa_onboard_enrolling = ${unfinished}`,
      next: 'start-afresh',
      says: () => `enrolling ${unfinished}: stopped before it was enabled`,
      then: () => 'The next run starts the enrolment afresh, removing the unfinished device if one is left:\n    mfa-onboard --profile alice',
    },
    {
      left: 'a replacement whose new device was never enabled (the old one still there)',
      markers: () => `mfa_onboard_replacing = ${serial}\nmfa_onboard_replacement = ${unfinished}`,
      next: 'replace-again',
      says: () => `replacing ${serial}: stopped before the new device was enabled`,
      then: () => `The next run with --replace makes a new device and retires ${serial}:\n    mfa-onboard --profile alice --replace`,
    },
  ])('$left: a row "Under way", the next run said, and --json says it too', async ({ markers, next, says, then }) => {
    await fs.appendFile(world.box.configFile, `${markers()}\n`);
    const shown = await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(new RegExp(`Under way\\s+${says().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(shown.stderr).toContain(then());
    const json = JSON.parse((await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env })).stdout);
    expect(json.underway).toMatchObject({ next, command: then().split('\n    ')[1] });
  });

  it('nothing under way: no such row, and no underway in --json', async () => {
    const shown = await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(shown.stderr).not.toContain('Under way');
    const json = JSON.parse((await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env })).stdout);
    expect(json).not.toHaveProperty('underway');
  });

  it('for a person: a table, with a stale mfa_serial and no session said plainly', async () => {
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\nmfa_serial = arn:aws:iam::123456789012:mfa/old-phone\n');
    const result = await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(serial);
    expect(result.stderr).toContain("not one of the user's devices any more");
    expect(result.stderr).toMatch(/MFA session\s+none/);
  });

  it('regression (issue 23.15): no mfa_serial says what records it; times are local; --json says null, not false', async () => {
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\n');
    const table = await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(table.code).toBe(0);
    expect(table.stderr).toMatch(/mfa_serial +none; a session records the device it uses:\n {4,}mfa-onboard session --profile alice\n/);
    expect(table.stderr).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    // Local time, and one pair of brackets: not "(enabled 14:50 (1 min ago))".
    expect(table.stderr).toMatch(new RegExp(`alice +${serial}, enabled [^()]*\\d\\d:\\d\\d \\(\\d+ (min|h) ago\\)\\n`));
    const json = JSON.parse((await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env })).stdout);
    expect(json.configuredSerialIsCurrent).toBeNull();
    expect(json).not.toHaveProperty('configuredSerial');
    expect(json.devices[0].enabled).toMatch(/^\d{4}-\d\d-\d\dT/);

    // After a session, the device it used is on record, and status says it is current.
    await runCli(['session', '--profile', 'alice', '--endpoint-url', world.moto.url, '--codes-from-stdin'], { env: world.box.env, stdin: '123456\n' });
    const after = JSON.parse((await runCli(['status', '--profile', 'alice', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env })).stdout);
    expect(after).toMatchObject({ configuredSerial: serial, configuredSerialIsCurrent: true });
  });

  it('--user shows another user (an admin looking at a hire)', async () => {
    await createUserWithKey(world.moto, 'carol');
    const result = await runCli(['status', '--profile', 'alice', '--user', 'carol', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ user: 'carol', devices: [] });
    expect(JSON.parse(result.stdout).localProfile).toBeUndefined();

    // As a table: the command the admin runs, and no admin's own mfa_serial shown as carol's.
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n');
    const table = await runCli(['status', '--profile', 'alice', '--user', 'carol', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(table.stderr).toMatch(/set one up with:\n {18,}mfa-onboard --profile alice --user carol\n/);
    expect(table.stderr).toMatch(/mfa_serial\s+not on this computer \(no profile named carol here\)/);
    expect(table.stderr).not.toContain('mfa/alice');

    // Once carol's profile is here (the admin imported her CSV), it is hers that is read.
    await fs.appendFile(world.box.configFile, '[profile carol]\nmfa_serial = arn:aws:iam::123456789012:mfa/carol\n');
    const withProfile = await runCli(['status', '--profile', 'alice', '--user', 'carol', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env });
    expect(JSON.parse(withProfile.stdout)).toMatchObject({ localProfile: 'carol', configuredSerial: 'arn:aws:iam::123456789012:mfa/carol', configuredSerialIsCurrent: false });

    // A carol of another account (an admin with several) is not this carol.
    await fs.writeFile(world.box.configFile, '[profile carol]\nmfa_serial = arn:aws:iam::999999999999:mfa/carol\n');
    const elsewhere = await runCli(['status', '--profile', 'alice', '--user', 'carol', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env });
    expect(JSON.parse(elsewhere.stdout)).not.toHaveProperty('localProfile');
    expect(JSON.parse(elsewhere.stdout)).not.toHaveProperty('configuredSerial');
  });

  it('issue 22: an administrator whose files hold hires\' profiles from an earlier version is told which sections they are, and nothing is touched', async () => {
    const kim = await createUserWithKey(world.moto, 'kim');
    const carol = await createUserWithKey(world.moto, 'carol');
    // The administrator's computer: what an earlier version's admin mode left for kim; carol's
    // key without the wizard's marks is not claimed.
    await fs.rm(world.box.credentialsFile);
    await addAdminProfile(world.box);
    await fs.appendFile(world.box.credentialsFile, [
      `[kim]\naws_access_key_id = ${kim.accessKeyId}\naws_secret_access_key = ${kim.secretAccessKey}\n`,
      `[kim-mfa]\naws_access_key_id = ASIAEXAMPLE000000000\naws_secret_access_key = ${'x'.repeat(40)}\naws_session_token = tok\nexpiration = 2026-12-01T00:00:00Z\nmfa_onboard_source_profile = kim\nmfa_onboard_serial = arn:aws:iam::123456789012:mfa/kim\n`,
      `[ci]\naws_access_key_id = ${carol.accessKeyId}\naws_secret_access_key = ${carol.secretAccessKey}\n`,
    ].join(''));
    await fs.writeFile(world.box.configFile, '[profile kim]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::123456789012:mfa/kim\n[profile kim-mfa]\nregion = eu-west-1\n');
    const before = [await fs.readFile(world.box.credentialsFile, 'utf8'), await fs.readFile(world.box.configFile, 'utf8')];
    const shown = await runCli(['status', '--profile', 'admin', '--user', 'alice', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('holds the access keys and MFA sessions of 1 other IAM user(s)');
    expect(shown.stderr).toContain(`  kim:\n    ${world.box.credentialsFile}: [kim], [kim-mfa]\n    ${world.box.configFile}: [profile kim], [profile kim-mfa]\n`);
    expect(shown.stderr).not.toMatch(/\[ci\]|\[alice\]|\[admin\]/);
    const json = await runCli(['status', '--profile', 'admin', '--user', 'alice', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env });
    expect(JSON.parse(json.stdout).othersProfiles).toEqual([{ profile: 'kim', user: 'kim', credentials: ['kim', 'kim-mfa'], config: ['profile kim', 'profile kim-mfa'] }]);
    // Without --user, as an administrator through a role (moto names its fixed caller user/moto
    // under sts:, not an IAM user): the sections are named all the same, then the way on.
    const noUser = await runCli(['status', '--profile', 'admin', '--endpoint-url', world.moto.url], { env: world.box.env });
    expect(noUser.code).toBe(1);
    expect(noUser.stderr).toMatch(/other IAM user\(s\)[\s\S]*\[kim\], \[kim-mfa\][\s\S]*pass --user NAME/);
    // Looked at with kim's own keys, kim's profile is hers: nothing to say.
    const own = await runCli(['status', '--profile', 'kim', '--endpoint-url', world.moto.url, '--json'], { env: world.box.env });
    expect(own.code).toBe(0);
    expect(JSON.parse(own.stdout)).not.toHaveProperty('othersProfiles');
    expect([await fs.readFile(world.box.credentialsFile, 'utf8'), await fs.readFile(world.box.configFile, 'utf8')]).toEqual(before);
    for (const secret of [kim.secretAccessKey, carol.secretAccessKey]) expect(shown.stderr + json.stdout).not.toContain(secret);
  });
});
