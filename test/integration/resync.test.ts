import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, DeleteUserPolicyCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedEmulator, type EmbeddedEmulator } from '../../src/emulator/embedded/server.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { giveSelfServicePolicy } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

/**
 * Issue 21, item 3: a device enabled with codes typed minutes late is out of step (AWS's
 * EnableMFADevice reference); `session` then fails with current codes and names
 * `mfa-onboard resync`, which sets it right with two codes. On the embedded emulator and
 * one fake clock, in-process.
 */
describe('resync: a device enabled with late codes, set right', () => {
  let box: Sandbox;
  let emulator: EmbeddedEmulator;
  const clock = fakeClock();
  beforeEach(async () => {
    box = await makeSandbox();
    emulator = await startEmbeddedEmulator({ now: () => clock.now() });
  });
  afterEach(async () => {
    await emulator.stop();
    await box.cleanup();
  });

  /** alice with her keys in profile alice and a device enabled with codes `late` windows old. */
  async function aliceEnabledLate(late: number) {
    const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await giveSelfServicePolicy(iam, 'alice');
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
    const seed = Buffer.from(device.Base32StringSeed!).toString('ascii');
    const k = counterAt(clock.now());
    const [code1, code2] = [codeAt(seed, k - late - 1), codeAt(seed, k - late)];
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber!, AuthenticationCode1: code1, AuthenticationCode2: code2 }));
    await fs.mkdir(dirname(box.credentialsFile), { recursive: true, mode: 0o700 });
    await fs.writeFile(box.credentialsFile, `[alice]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${device.SerialNumber}\n`, { mode: 0o600 });
    return { seed, serial: device.SerialNumber! };
  }

  const lines = (...codes: string[]) => {
    const stdin = new PassThrough();
    stdin.end(codes.map((c) => `${c}\n`).join(''));
    return stdin;
  };
  const run = (argv: string[], stdin: PassThrough) =>
    runCli([...argv, '--profile', 'alice', '--endpoint-url', emulator.url, '--codes-from-stdin'], { env: box.env, clock, stdin });

  it('session refuses current codes and names resync; resync with two codes fixes it; session then works', async () => {
    // Eight windows (four minutes) late: within what the emulator's EnableMFADevice takes.
    const { seed, serial } = await aliceEnabledLate(8);
    expect(emulator.state.devices.get(serial)).toMatchObject({ userName: 'alice', driftWindows: -8 });
    const before = { credentials: await fs.readFile(box.credentialsFile, 'utf8'), config: await fs.readFile(box.configFile, 'utf8') };

    const k = () => counterAt(clock.now());
    const refused = await run(['session'], lines(codeAt(seed, k())));
    expect(refused.stderr).toContain('\n    mfa-onboard resync --profile alice\n');
    expect(refused.code).not.toBe(0);
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toBe(before.credentials);
    expect(await fs.readFile(box.configFile, 'utf8')).toBe(before.config);

    // The code typed a window ago, then the one the phone shows now.
    clock.advance(30_000);
    const resynced = await run(['resync'], lines(codeAt(seed, k() - 1), codeAt(seed, k())));
    expect(resynced.stderr).toContain(`${serial} is in step with AWS again`);
    expect(resynced.code).toBe(0);
    expect(emulator.state.devices.get(serial)).toMatchObject({ driftWindows: 0, lastCounter: k() });
    // resync writes nothing here.
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toBe(before.credentials);

    clock.advance(30_000);
    const session = await run(['session'], lines(codeAt(seed, k())));
    expect(session.code).toBe(0);
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toMatch(/\[alice-mfa\]\naws_access_key_id = ASIA/);
  });

  it('resync checks what it can without the seed: six digits, not the same code twice; AWS refusing a pair asks again', async () => {
    const { seed, serial } = await aliceEnabledLate(8);
    const k = counterAt(clock.now());
    const result = await run(['resync'], lines('12345', codeAt(seed, k - 1), codeAt(seed, k - 1), '000000', codeAt(seed, k - 1), codeAt(seed, k)));
    expect(result.stderr).toContain('six digits');
    expect(result.stderr).toContain('same code again');
    expect(result.stderr).toContain('AWS did not take those codes as two consecutive ones');
    expect(result.code).toBe(0);
    expect(emulator.state.devices.get(serial)).toMatchObject({ driftWindows: 0, lastCounter: k });
  });

  it('codes later than the emulator takes at enabling are refused: the device stays unassigned', async () => {
    await expect(aliceEnabledLate(21)).rejects.toMatchObject({ name: 'InvalidAuthenticationCodeException' });
  });

  it('a device that is not hers, and a policy that does not allow resync, each get their paragraph', async () => {
    const { seed } = await aliceEnabledLate(8);
    const k = counterAt(clock.now());
    const pair = () => lines(codeAt(seed, k - 1), codeAt(seed, k));
    const other = await run(['resync', '--mfa-serial', 'arn:aws:iam::123456789012:mfa/bob'], pair());
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('AWS knows no device arn:aws:iam::123456789012:mfa/bob for alice');
    const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin });
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'alice', PolicyName: 'mfa-onboard-require-mfa' }));
    const denied = await run(['resync'], pair());
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('AWS refused to resync arn:aws:iam::123456789012:mfa/alice');
    expect(denied.stderr).toContain('iam:ResyncMFADevice');
  });
});
