import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { CreateRoleCommand, CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { fastSession } from '../../src/fast-session.js';
import { sayReused } from '../../src/session-reused.js';
import { adminIam, createUserWithKey } from '../helpers/moto.js';
import { CLI, CLI_LINE } from '../helpers/built.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const [cli, ...cliArgs] = CLI;
const noTty = () => {
  throw new UserError('session.noTty');
};

describe('mfa-onboard session against world.moto', () => {
  const world = useMotoWorld();
  let serial: string;
  beforeEach(async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    serial = await enrolDevice('alice-phone');
    await fs.mkdir(`${world.box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(world.box.configFile, `[profile alice]\nregion = us-east-1\nmfa_serial = ${serial}\n`, { mode: 0o600 });
  });

  async function enrolDevice(name: string): Promise<string> {
    const iam = adminIam(world.moto);
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!;
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber, AuthenticationCode1: '111111', AuthenticationCode2: '222222' }));
    return device.SerialNumber!;
  }
  const session = (...extra: string[]) => ['session', '--profile', 'alice', '--endpoint-url', world.moto.url, ...extra];
  const saved = async () =>
    (await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true })).credentialsFile['alice-mfa'];

  it('gets a session with a code, saves it with its expiry, then reuses it without asking', async () => {
    const first = await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`MFA code for ${serial}`);
    const stored = await saved();
    expect(stored?.aws_session_token).toBeTruthy();
    expect(Date.parse(stored!.expiration!)).toBeGreaterThan(Date.now() + 11 * 3600_000);

    const again = await runCli(session(), { env: world.box.env, openTty: noTty });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/lasts until .* using it/);
    expect(again.stderr).not.toContain('MFA code for');
  });

  it('regression: "or for other tools: mfa-onboard session --export sh" left out the profile; the line to paste names it, whole', async () => {
    const result = await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('\n    eval "$(mfa-onboard session --profile alice --export sh)"\n');
  });

  it('regression (issue 23.3): --export to a terminal prints no secret, says how to run it, exits 1; piped it is unchanged', async () => {
    // No session yet: refused before any code is asked.
    const before = await runCli(session('--export', 'sh'), { env: world.box.env, stdoutTTY: true, openTty: noTty });
    expect(before.code).toBe(1);
    expect(before.stdout).toBe('');
    expect(before.stderr).toContain('nothing was printed');
    expect(before.stderr).toContain('\n    eval "$(mfa-onboard session --profile alice --export sh)"\n');
    expect(before.stderr).not.toContain('MFA code for');

    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const stored = (await saved())!;
    for (const [shell, line] of [
      ['sh', 'eval "$(mfa-onboard session --profile alice --export sh)"'],
      ['fish', 'mfa-onboard session --profile alice --export fish | source'],
      ['powershell', 'mfa-onboard session --profile alice --export powershell | Invoke-Expression'],
    ]) {
      const shown = await runCli(session('--export', shell!), { env: world.box.env, stdoutTTY: true });
      expect(shown.code, shell).toBe(1);
      expect(shown.stdout, shell).toBe('');
      expect(shown.stderr, shell).toContain(`\n    ${line}\n`);
      expect(shown.stderr, shell).not.toContain(stored.aws_secret_access_key!);
    }
    const cp = await runCli(session('--credential-process'), { env: world.box.env, stdoutTTY: true });
    expect(cp.code).toBe(1);
    expect(cp.stdout).toBe('');
    expect(cp.stderr).toContain('\n    credential_process = mfa-onboard session --profile alice --credential-process\n');

    // The launcher's fast path leaves a terminal to the whole CLI, and serves a pipe at once.
    const written: string[] = [];
    const fast = (isTTY: boolean) =>
      fastSession(['session', '--profile', 'alice', '--export', 'sh'], {
        env: world.box.env,
        stdout: { write: (text: string) => written.push(text), isTTY },
        stderr: { write: () => true },
        now: Date.now(),
        said: () => sayReused,
      });
    expect(fast(true)).toBeUndefined();
    expect(written).toEqual([]);
    expect(fast(false)).toBe(0);
    expect(written.join('')).toContain(`export AWS_SESSION_TOKEN='${stored.aws_session_token}'`);

    const piped = await runCli(session('--export', 'sh'), { env: world.box.env });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain(`export AWS_SESSION_TOKEN='${stored.aws_session_token}'`);
  });

  it('regression (issue 23.15): --min-remaining 13h says how long the session lasts against what was asked, without nested brackets', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const result = await runCli(session('--codes-from-stdin', '--min-remaining', '13h'), { env: world.box.env, stdin: '234567\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/lasts until [^()]*\d\d:\d\d \(in 12 h\), less than the 13 h it must still last \(--min-remaining\): getting a new one/);
    expect(result.stderr).not.toContain('ends soon');
  });

  it('regression (issue 23.15): with no terminal, a missing code names --codes-from-stdin, not "the wizard"', async () => {
    const result = await runCli(session(), { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A code from your authenticator app is needed');
    expect(result.stderr).toContain('Give it on standard input with --codes-from-stdin');
    expect(result.stderr).not.toContain('wizard');
  });

  it('regression (issue 23.15): session --mfa-serial records the serial when none is, and never overwrites one', async () => {
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\n');
    const other = await enrolDevice('alice-yubi');
    const first = await runCli(session('--codes-from-stdin', '--mfa-serial', serial), { env: world.box.env, stdin: '123456\n' });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Recorded the device as mfa_serial of profile alice');
    const config = async () => (await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true })).configFile.alice;
    expect((await config())?.mfa_serial).toBe(serial);

    const second = await runCli(session('--codes-from-stdin', '--mfa-serial', other, '--force'), { env: world.box.env, stdin: '234567\n' });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`This session used ${other} (--mfa-serial); the mfa_serial of profile alice stays ${serial}.`);
    expect((await config())?.mfa_serial).toBe(serial);

    // What status suggests for a missing mfa_serial works with a saved session too: no code asked.
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\n');
    const reused = await runCli(session(), { env: world.box.env, openTty: noTty });
    expect(reused.code).toBe(0);
    expect(reused.stderr).not.toContain('MFA code for');
    expect((await config())?.mfa_serial).toBe(other);
  });

  it('--force, an expired session, or one ending within --min-remaining each get a new one', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const text = await fs.readFile(world.box.credentialsFile, 'utf8');
    for (const [label, expiration, extra] of [
      ['force', undefined, ['--force']],
      ['expired', '2020-01-01T00:00:00.000Z', []],
      ['ending soon', new Date(Date.now() + 5 * 60_000).toISOString(), []],
      ['ending within --min-remaining 2h', new Date(Date.now() + 90 * 60_000).toISOString(), ['--min-remaining', '2h']],
    ] as [string, string | undefined, string[]][]) {
      if (expiration) await fs.writeFile(world.box.credentialsFile, text.replace(/expiration = .*/, `expiration = ${expiration}`));
      const result = await runCli(session('--codes-from-stdin', ...extra), { env: world.box.env, stdin: '234567\n' });
      expect(result.code, label).toBe(0);
      expect(result.stderr, label).toContain('MFA code for');
      expect(Date.parse((await saved())!.expiration!), label).toBeGreaterThan(Date.now() + 11 * 3600_000);
    }
  });

  it('with no saved session and no terminal, --credential-process fails clearly and prints nothing on stdout', async () => {
    const result = await runCli(session('--credential-process'), { env: world.box.env, openTty: noTty });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('there is no terminal to ask on');
  });

  it('the real aws CLI and boto3 use it as credential_process, and eval of --export sh works in bash', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const command = `${CLI_LINE} session --profile alice --credential-process --endpoint-url ${world.moto.url}`;
    await fs.appendFile(world.box.configFile, `\n[profile alice-cp]\nregion = us-east-1\ncredential_process = ${command}\n`);
    const viaProcess = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-cp', '--endpoint-url', world.moto.url, '--output', 'json'], { env: world.box.env });
    expect(JSON.parse(viaProcess.stdout).Account).toBe('123456789012');
    // boto3 runs it too, and gets the saved session's key.
    const boto = `import boto3; s = boto3.Session(profile_name='alice-cp'); s.client('sts', endpoint_url='${world.moto.url}').get_caller_identity(); print(s.get_credentials().get_frozen_credentials().token)`;
    const viaBoto3 = await run('python3', ['-c', boto], { env: world.box.env });
    expect(viaBoto3.stdout.trim()).toBe((await saved())!.aws_session_token);

    const script = `eval "$(${CLI_LINE} session --profile alice --export sh --endpoint-url ${world.moto.url})" && printf '%s' "$AWS_SESSION_TOKEN" && aws sts get-caller-identity --endpoint-url ${world.moto.url} --region us-east-1 --output json >/dev/null`;
    const viaEval = await run('bash', ['-c', script], { env: world.box.env });
    expect(viaEval.stdout).toBe((await saved())!.aws_session_token);
  });

  it('several devices and no mfa_serial: asks which without a terminal by naming --serial; --serial picks', async () => {
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\n');
    const second = await enrolDevice('alice-tablet');
    const refused = await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Pass --mfa-serial');
    const picked = await runCli(session('--codes-from-stdin', '--serial', second), { env: world.box.env, stdin: '123456\n' });
    expect(picked.code).toBe(0);
    expect(picked.stderr).toContain(`MFA code for ${second}`);
  });

  it('no mfa_serial and one device: uses it', async () => {
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = us-east-1\n');
    const result = await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`MFA code for ${serial}`);
  });

  it("a saved session ending further off than any session lasts means this computer's clock is behind: get a new one", async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const twoDaysAgo = { now: () => Date.now() - 48 * 3600_000, sleep: async () => undefined };
    const result = await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '234567\n', clock: twoDaysAgo });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("this computer's clock is behind");
    expect(result.stderr).toContain('MFA code for');
  });

  it('regression: a session made for another device is not reused for --serial', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const other = await enrolDevice('alice-tablet');
    const result = await runCli(session('--codes-from-stdin', '--serial', other), { env: world.box.env, stdin: '234567\n' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('was made for another profile, role or device');
    expect(result.stderr).toContain(`MFA code for ${other}`);
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toContain(`mfa_onboard_serial = ${other}`);
  });

  it('regression: AWS_PROFILE naming the session profile refreshes it from its source', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const result = await runCli(['session', '--endpoint-url', world.moto.url, '--force', '--codes-from-stdin'], {
      env: { ...world.box.env, AWS_PROFILE: 'alice-mfa' },
      stdin: '234567\n',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Saved the session as profile alice-mfa');
  });

  it('regression: a profile that runs credential_process (no --profile in the line) is refused, not recursed into', async () => {
    await fs.appendFile(world.box.configFile, '\n[default]\ncredential_process = mfa-onboard session --credential-process\n');
    const result = await runCli(['session', '--credential-process', '--endpoint-url', world.moto.url], { env: world.box.env, openTty: noTty });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Profile default is not a profile of long-term keys (it sets credential_process');
    const nested = await runCli(session('--credential-process'), { env: { ...world.box.env, MFA_ONBOARD_SESSION_RUNNING: '1' }, openTty: noTty });
    expect(nested.code).toBe(1);
    expect(nested.stderr).toContain('was started by itself');
  });

  it('regression: a saved value that is not base64 is never printed for a shell', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    const text = await fs.readFile(world.box.credentialsFile, 'utf8');
    await fs.writeFile(world.box.credentialsFile, text.replace(/aws_session_token = .*/, "aws_session_token = abc'; rm -rf ~; '"));
    const result = await runCli(session('--export', 'sh'), { env: world.box.env, openTty: noTty });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is not printed');
  });

  it('regression: two refreshes at once ask for one code; the other waits and reuses the session', async () => {
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = execFile(cli, [...cliArgs, ...session('--codes-from-stdin')], { env: world.box.env }, (_error, _stdout, stderr) =>
          done({ code: child.exitCode, stderr }),
        );
        // Slow down the first one's code so the second finds the lock held.
        setTimeout(() => child.stdin?.end('123456\n'), 300);
      });
    const results = await Promise.all([start(), start()]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const asked = results.filter((r) => r.stderr.includes('Saved the session')).length;
    const reused = results.filter((r) => r.stderr.includes('using it')).length;
    expect([asked, reused]).toEqual([1, 1]);
  });

  it('refuses a session profile that would overwrite the long-term keys', async () => {
    const result = await runCli(session('--session-profile', 'alice'), { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot be alice itself');
  });

  describe('assuming a role with MFA', () => {
    let roleArn: string;
    beforeEach(async () => {
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }],
      });
      roleArn = (await adminIam(world.moto).send(new CreateRoleCommand({ RoleName: 'Admin', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    });

    it('--role-arn: assumes the role with the code and writes <profile>-<role> for the aws CLI', async () => {
      const result = await runCli(session('--role-arn', roleArn, '--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
      expect(result.code).toBe(0);
      const { credentialsFile } = await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
      expect(credentialsFile['alice-Admin']?.aws_session_token).toBeTruthy();
      // One hour by default for a role.
      const ends = Date.parse(credentialsFile['alice-Admin']!.expiration!);
      expect(ends).toBeGreaterThan(Date.now() + 50 * 60_000);
      expect(ends).toBeLessThan(Date.now() + 70 * 60_000);
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-Admin', '--endpoint-url', world.moto.url, '--region', 'us-east-1', '--output', 'json'], { env: world.box.env });
      expect(JSON.parse(stdout).Arn).toContain('assumed-role/Admin/mfa-onboard-alice');
    });

    it('a config profile with role_arn + source_profile + mfa_serial: its session goes to <profile>-mfa', async () => {
      await fs.appendFile(world.box.configFile, `\n[profile admin]\nrole_arn = ${roleArn}\nsource_profile = alice\nmfa_serial = ${serial}\n`);
      const result = await runCli(['session', '--profile', 'admin', '--endpoint-url', world.moto.url, '--codes-from-stdin', '--role-session-name', 'alice-at-work'], { env: world.box.env, stdin: '123456\n' });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`MFA code for ${serial}`);
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'admin-mfa', '--endpoint-url', world.moto.url, '--region', 'us-east-1', '--output', 'json'], { env: world.box.env });
      expect(JSON.parse(stdout).Arn).toContain('assumed-role/Admin/alice-at-work');
    });

    it('regression: a session profile holding one role\'s session is not served for another role', async () => {
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] });
      const other = (await adminIam(world.moto).send(new CreateRoleCommand({ RoleName: 'TeamAdmin', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
      await runCli(session('--role-arn', roleArn, '--codes-from-stdin', '--session-profile', 'alice-admin'), { env: world.box.env, stdin: '123456\n' });
      const result = await runCli(session('--role-arn', other, '--codes-from-stdin', '--session-profile', 'alice-admin'), { env: world.box.env, stdin: '234567\n' });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('was made for another profile, role or device');
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-admin', '--endpoint-url', world.moto.url, '--region', 'us-east-1', '--output', 'json'], { env: world.box.env });
      expect(JSON.parse(stdout).Arn).toContain('assumed-role/TeamAdmin/');
    });

    it('regression: a source_profile that is itself a role is refused plainly', async () => {
      await fs.appendFile(world.box.configFile, `\n[profile base]\nrole_arn = ${roleArn}\nsource_profile = alice\n\n[profile chained]\nrole_arn = ${roleArn}\nsource_profile = base\n`);
      const result = await runCli(['session', '--profile', 'chained', '--endpoint-url', world.moto.url, '--codes-from-stdin'], { env: world.box.env, stdin: '123456\n' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('which is itself a role');
    });

    it('regression (issue 20, 2.2): a profile name over 52 characters still makes a valid role session name', async () => {
      const long = 'alice-with-a-rather-long-profile-name-for-the-platform-team';
      expect(long.length).toBeGreaterThan(52);
      const keys = (await fs.readFile(world.box.credentialsFile, 'utf8')).replace('[alice]', `[${long}]`);
      await fs.writeFile(world.box.credentialsFile, keys);
      const result = await runCli(['session', '--profile', long, '--endpoint-url', world.moto.url, '--role-arn', roleArn, '--mfa-serial', serial, '--codes-from-stdin'], {
        env: world.box.env,
        stdin: '123456\n',
      });
      expect(result.stderr).not.toContain('RoleSessionName');
      expect(result.code).toBe(0);
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', `${long}-Admin`, '--endpoint-url', world.moto.url, '--region', 'us-east-1', '--output', 'json'], { env: world.box.env });
      const name = /assumed-role\/Admin\/(.*)$/.exec(JSON.parse(stdout).Arn)![1]!;
      expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
      expect(name.startsWith('mfa-onboard-alice-with')).toBe(true);
    });

    it('refuses more than 12 hours for a role before calling AWS', async () => {
      const result = await runCli(session('--role-arn', roleArn, '--duration', '13h', '--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('A role session lasts at most 12 hours');
    });
  });
});

describe('regression (issue 20, 2.1): session on a computer with no ~/.aws folder', () => {
  const world = useMotoWorld();

  it.each([[[]], [['--credential-process']], [['--export', 'sh']]])('session %j says there is no profile yet and how to make one, and leaves nothing', async (extra) => {
    const argv = ['session', '--profile', 'alice', '--endpoint-url', world.moto.url, ...extra];
    const inProcess = await runCli(argv, { env: world.box.env, openTty: noTty });
    const built = await run(cli, [...cliArgs, ...argv], { env: world.box.env }).then(
      () => ({ code: 0, stdout: 'ran', stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    for (const result of [inProcess, built]) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('There is no profile alice');
      expect(result.stderr).toContain('mfa-onboard ACCESS-KEYS.csv --profile alice');
      expect(result.stderr).not.toMatch(/ENOENT|unexpected/);
    }
    await expect(fs.readdir(world.box.home)).resolves.toEqual([]);
  });

  it.each([['status'], ['reset', '--user', 'bob'], ['policy', '--attach-group', 'staff'], ['admin', 'create-user', 'bob'], ['setup', '--profile', 'alice']])(
    'every other command that reads the files first (%s …) says so too, and writes nothing',
    async (...argv) => {
      const result = await runCli([...argv, '--endpoint-url', world.moto.url], { env: world.box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/there is no profile (default|alice)\b/i);
      expect(result.stderr).not.toMatch(/ENOENT|unexpected/);
      await expect(fs.readdir(world.box.home)).resolves.toEqual([]);
    },
  );
});
