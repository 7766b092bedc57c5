import { promises as fs, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CreateAccessKeyCommand, CreateUserCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedEmulator, type EmbeddedEmulator } from '../../src/emulator/embedded/server.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { giveSelfServicePolicy } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

/** A terminal nobody has: a code asked on one fails the test loudly. */
const noTty = () => {
  throw new Error('no terminal here: the code was to come from mfa_process');
};

/**
 * Issue 21, item 4: codes from a program (aws-vault's `mfa_process`, or `--mfa-process`). The
 * programs are small shell scripts; the emulator checks the codes they print.
 */
describe.skipIf(process.platform === 'win32')('session with codes from a program (mfa_process)', () => {
  let box: Sandbox;
  let emulator: EmbeddedEmulator;
  let seed: string;
  const clock = fakeClock();
  beforeEach(async () => {
    box = await makeSandbox();
    emulator = await startEmbeddedEmulator({ now: () => clock.now() });
    const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin });
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await giveSelfServicePolicy(iam, 'alice');
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
    seed = Buffer.from(device.Base32StringSeed!).toString('ascii');
    const k = counterAt(clock.now());
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber!, AuthenticationCode1: codeAt(seed, k - 2), AuthenticationCode2: codeAt(seed, k - 1) }));
    await fs.mkdir(dirname(box.credentialsFile), { recursive: true, mode: 0o700 });
    await fs.writeFile(box.credentialsFile, `[alice]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${device.SerialNumber}\n`, { mode: 0o600 });
  });
  afterEach(async () => {
    await emulator.stop();
    await box.cleanup();
  });

  /** A script that does `body`; its path, as an mfa_process line. */
  const script = async (name: string, body: string) => {
    const path = join(box.dir, name);
    await fs.writeFile(path, `#!/bin/sh\n${body}\n`, { mode: 0o700 });
    return path;
  };
  const withProcess = async (line: string) => fs.appendFile(box.configFile, `mfa_process = ${line}\n`);
  const files = async () => ({ credentials: await fs.readFile(box.credentialsFile, 'utf8'), config: await fs.readFile(box.configFile, 'utf8') });
  const session = (extra: string[] = [], codeProcessTimeoutMs?: number) =>
    runCli(['session', '--profile', 'alice', '--endpoint-url', emulator.url, ...extra], {
      env: box.env,
      clock,
      openTty: noTty,
      ...(codeProcessTimeoutMs !== undefined ? { codeProcessTimeoutMs } : {}),
    });

  it('--credential-process with no terminal: the program gives the code, a session is written, stderr stays empty', async () => {
    // Chatter on its stderr and after the first line, as ykman and password managers print.
    const ykman = await script('ykman', `echo 'Touch your YubiKey...' >&2\necho '  ${codeAt(seed, counterAt(clock.now()))}  '\necho 'second line'`);
    await withProcess(`${ykman} oath accounts code --single "AWS:alice"`);
    const result = await session(['--credential-process']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toMatch(/\[alice-mfa\]\naws_access_key_id = ASIA/);
  });

  it('--mfa-process runs a program once, in place of the profile\'s', async () => {
    await withProcess('false');
    const program = await script('code', `echo ${codeAt(seed, counterAt(clock.now()))}`);
    const result = await session(['--mfa-process', program]);
    expect(result.code).toBe(0);
    expect(await fs.readFile(box.configFile, 'utf8')).not.toContain(program);
  });

  it.each([
    ['fails', 'echo "vault locked" >&2; exit 3', 'exited with status 3'],
    ['prints no six-digit code', `echo 12345 ; echo ${'1'.repeat(6)}`, 'is not a six-digit code'],
    ['cannot run its command', 'exec /nonexistent/op item get aws --otp', 'exited with status 127'],
  ])('a program that %s: one paragraph naming the profile and the command, never its output; nothing written', async (_what, body, says) => {
    const program = await script('code', body);
    await withProcess(program);
    const before = await files();
    const result = await session(['--credential-process']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(says);
    expect(result.stderr).toContain("profile alice's mfa_process");
    expect(result.stderr).toContain(`\n    ${program}\n`);
    expect(result.stderr).not.toMatch(/12345|111111|vault locked/);
    expect(await files()).toEqual(before);
    expect(await fs.readdir(dirname(box.credentialsFile))).toEqual(['config', 'credentials']);
  });

  it('a program that hangs is stopped at the time limit, with what it started; nothing written', async () => {
    const pids = join(box.dir, 'pids');
    const program = await script('code', `echo $$ > ${pids}; sleep 300 & echo $! >> ${pids}; wait`);
    await withProcess(program);
    const before = await files();
    const started = Date.now();
    const result = await session(['--credential-process'], 300);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('printed none within 0 s and was stopped');
    expect(result.stderr).toContain(`\n    ${program}\n`);
    expect(await files()).toEqual(before);
    // Killed at once; gone (reaped) within moments: a zombie still answers kill(pid, 0).
    const alive = () =>
      fs.readFile(pids, 'utf8').then((text) =>
        text.trim().split('\n').map(Number).filter((pid) => {
          try {
            process.kill(pid, 0);
            return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
          } catch {
            return false;
          }
        }),
      );
    await expect.poll(alive, { timeout: 3_000 }).toEqual([]);
  });

  it('the wizard picking up a device enabled already takes the code from the profile\'s mfa_process, with no prompt', async () => {
    const program = await script('code', `echo ${codeAt(seed, counterAt(clock.now()))}`);
    // As on the hire's computer after an administrator enrolled her: no mfa_serial here yet.
    await fs.writeFile(box.configFile, `[profile alice]\nregion = us-east-1\nmfa_process = ${program}\n`);
    const result = await runCli(['--profile', 'alice', '--endpoint-url', emulator.url], { env: box.env, clock, openTty: noTty });
    expect(result.stderr).not.toContain('MFA code for');
    expect(result.code).toBe(0);
    expect(await fs.readFile(box.credentialsFile, 'utf8')).toMatch(/\[alice-mfa\]\naws_access_key_id = ASIA/);
  });

  it('a code AWS refuses is not asked of the program again: one paragraph naming it and resync; nothing written', async () => {
    const runs = join(box.dir, 'runs');
    // A code from half an hour ago: six digits, the right shape, refused by AWS.
    const program = await script('code', `echo run >> ${runs}; echo ${codeAt(seed, counterAt(clock.now()) - 60)}`);
    await withProcess(program);
    const before = await files();
    const result = await session(['--credential-process']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("AWS refused the code profile alice's mfa_process printed");
    expect(result.stderr).toContain('\n    mfa-onboard resync --profile alice\n');
    expect(result.stderr).not.toContain(codeAt(seed, counterAt(clock.now()) - 60));
    expect((await fs.readFile(runs, 'utf8')).trim().split('\n')).toHaveLength(1);
    expect(await files()).toEqual(before);
  });
});
