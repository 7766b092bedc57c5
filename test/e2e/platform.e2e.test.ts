import { execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { startEmbeddedEmulator, type EmbeddedEmulator } from '../../src/emulator/embedded/server.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { CLI, CLI_LINE } from '../helpers/built.js';
import { enrolledAlice } from '../helpers/embedded-world.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

const standalone = Boolean(process.env.MFA_ONBOARD_BIN);
const run = promisify(execFile);

/**
 * Runs the CLI under test with `args`, no terminal, stdin read from a file holding `stdin`;
 * resolves with its exit code and output. A file, not a pipe: under Wine, Bun's Windows
 * runtime cannot read a pipe as process.stdin (EBADF), which Windows itself can (RELEASING.md).
 */
async function cli(args: string[], box: Sandbox, stdin = '') {
  const input = await fs.open(await box.write('stdin.txt', stdin), 'r');
  try {
    return await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(CLI[0], [...CLI.slice(1), ...args], { env: box.env, stdio: [input.fd, 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk) => (stdout += chunk));
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
  } finally {
    await input.close();
  }
}

/**
 * What every platform's executable must do with no terminal at all, so that it can be checked
 * where no pseudo-terminal reaches it (Windows under Wine: `npm run release:check -- --target
 * windows-x64`): say what it is, print its help, make an MFA session from a code on stdin, save
 * it, and hand the saved one to an AWS tool as credential_process without asking again.
 */
describe('the executable on its platform (no terminal)', () => {
  let emulator: EmbeddedEmulator;
  let box: Sandbox;
  let seed: string;
  let serial: string;

  beforeAll(async () => {
    emulator = await startEmbeddedEmulator();
    const alice = await enrolledAlice(emulator);
    const { key } = alice;
    ({ seed, serial } = alice);
    box = await makeSandbox();
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, `[alice]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(box.configFile, `[profile alice]\nregion = eu-west-1\nmfa_serial = ${serial}\n`, { mode: 0o600 });
  });
  afterAll(async () => {
    await emulator?.stop();
    await box?.cleanup();
  });

  it('--version and --help', async () => {
    const version = await cli(['--version'], box);
    expect(version.code).toBe(0);
    if (standalone) expect(version.stdout).toMatch(new RegExp(`^${pkg.version.replaceAll('.', '\\.')} \\(standalone executable, Bun \\d+\\.\\d+\\.\\d+\\)\\n$`));
    else expect(version.stdout).toBe(`${pkg.version}\n`);
    const help = await cli(['--help'], box);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^mfa-onboard \d+\.\d+\.\d+: /);
    expect(help.stdout).toContain('\nUsage\n  mfa-onboard [setup] [CSV] [options]\n');
    expect(help.stdout).not.toContain('\r');
  });

  it('a session from a code on stdin is saved; credential_process then hands the saved one over, asking nothing, to the aws CLI too', async () => {
    const made = await cli(['session', '--profile', 'alice', '--endpoint-url', emulator.url, '--codes-from-stdin'], box, `${codeAt(seed, counterAt(Date.now()))}\n`);
    expect(made.code, made.stderr).toBe(0);
    const file = await fs.readFile(box.credentialsFile, 'utf8');
    const saved = /\[alice-mfa\]\naws_access_key_id = (ASIA\w+)\n/.exec(file);
    expect(saved, file.replace(/(secret_access_key|session_token) = .*/g, '$1 = …')).not.toBeNull();
    expect(file).not.toContain('\r');
    const files = await fs.readdir(`${box.home}/.aws`);
    expect(files.filter((name) => !['credentials', 'config', 'credentials.bak', 'config.bak'].includes(name)), 'no temporary or lock file left').toEqual([]);

    // Nothing on stdin: a prompt for a code would fail the run.
    const handed = await cli(['session', '--profile', 'alice', '--endpoint-url', emulator.url, '--credential-process'], box);
    expect(handed.code, handed.stderr).toBe(0);
    expect(handed.stderr).toBe('');
    const json = JSON.parse(handed.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ Version: 1, AccessKeyId: saved![1], Expiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/) });
    expect(Date.parse(json.Expiration as string)).toBeGreaterThan(Date.now());

    // And as an AWS tool runs it: the real aws CLI, through a profile's credential_process.
    await fs.appendFile(box.configFile, `[profile alice-cp]\nregion = eu-west-1\ncredential_process = ${CLI_LINE} session --profile alice --endpoint-url ${emulator.url} --credential-process\n`);
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-cp', '--endpoint-url', emulator.url, '--output', 'json'], { env: box.env });
    expect(JSON.parse(stdout)).toMatchObject({ Arn: 'arn:aws:iam::123456789012:user/alice' });
  });

  // The code program runs through /bin/sh on POSIX and cmd.exe on Windows: `echo` is in both.
  it('--force --mfa-process: a new session with the code a program prints (the platform\'s shell)', async () => {
    const before = await fs.readFile(box.credentialsFile, 'utf8');
    const code = codeAt(seed, counterAt(Date.now()) + 1); // the window after the first session's: AWS takes a code once
    const made = await cli(['session', '--profile', 'alice', '--endpoint-url', emulator.url, '--force', '--mfa-process', `echo ${code}`], box);
    expect(made.code, made.stderr).toBe(0);
    const after = await fs.readFile(box.credentialsFile, 'utf8');
    const keyOf = (text: string) => /\[alice-mfa\]\naws_access_key_id = (ASIA\w+)\n/.exec(text)?.[1];
    expect(keyOf(after)).toBeDefined();
    expect(keyOf(after)).not.toBe(keyOf(before));
  });
});
