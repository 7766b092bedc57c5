import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { t } from '../../src/ui/messages/index.js';
import { CLI } from '../helpers/built.js';
import { scan } from '../helpers/camera.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

/** `mfa-onboard emulator` as a child process, its URL read off its first stdout line. */
interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const QUIET = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

function startEmulator(args: string[], env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(CLI[0], [...CLI.slice(1), 'emulator', ...args], { env: { ...env, ...QUIET }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Ready when the URL line is out and the instructions after it too (stderr may trail stdout).
  const ready = () => stdout.includes('\n') && stderr.includes('admin create-user');
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ready()) resolve({ child, url: stdout.split('\n')[0]!, stderr: () => stderr, exited });
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr!.on('data', check);
    void exited.then((code) => reject(new Error(`the emulator exited (${code}) before its URL:\n${stderr}`)));
  });
}

/** Runs a program to its end: exit code and output. */
function runTool(file: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(file, args, { env: { ...env, ...QUIET } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe('mfa-onboard emulator: the aws CLI and our commands against it, from another process', () => {
  let box: Sandbox;
  let emulator: Running | undefined;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(async () => {
    // A test that failed half-way: stopped as a person would, so that it removes its folder too.
    if (emulator && emulator.child.exitCode === null) {
      emulator.child.kill('SIGTERM');
      const timer = setTimeout(() => emulator?.child.kill('SIGKILL'), 5000);
      await emulator.exited;
      clearTimeout(timer);
    }
    emulator = undefined;
    await box.cleanup();
  });

  it('prints its URL first, writes the admin CSV (0600); the MFA policy denies the hire ListUsers without a session and allows it with one; SIGTERM exits 0', async () => {
    const dir = join(box.dir, 'rehearsal');
    emulator = await startEmulator(['--dir', dir], box.env);
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const csv = await fs.readFile(join(dir, 'admin_accessKeys.csv'), 'utf8');
    expect(csv).toMatch(/^Access key ID,Secret access key\r\nAKIA[A-Z2-7]{16},\S{40}\r\n$/);
    expect((await fs.stat(join(dir, 'admin_accessKeys.csv'))).mode & 0o777).toBe(0o600);
    // The admin's secret is in the files only, never on the screen.
    const secret = csv.split('\r\n')[1]!.split(',')[1]!;
    expect(emulator.stderr()).not.toContain(secret);
    expect(emulator.stderr()).toContain(`export AWS_ENDPOINT_URL=${emulator.url}`);

    // The other terminal, as the emulator tells it to set up (the sandbox HOME has no ~/.aws).
    const env: NodeJS.ProcessEnv = {
      ...box.env,
      AWS_ENDPOINT_URL: emulator.url,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_CONFIG_FILE: join(dir, 'config'),
    };
    const aws = (...args: string[]) => runTool('aws', [...args, '--output', 'json'], env);
    const ours = (...args: string[]) => runTool(CLI[0], [...CLI.slice(1), ...args], env);

    const bob = await aws('iam', 'create-user', '--user-name', 'bob', '--path', '/eng/', '--profile', 'admin');
    expect(bob.stderr).toBe('');
    expect(JSON.parse(bob.stdout).User.Arn).toBe('arn:aws:iam::123456789012:user/eng/bob');
    expect((await ours('policy', '--attach-group', 'hires', '--create-group', '--profile', 'admin')).code).toBe(0);
    const listUsers = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] });
    expect((await aws('iam', 'put-group-policy', '--group-name', 'hires', '--policy-name', 'list-users', '--policy-document', listUsers, '--profile', 'admin')).code).toBe(0);
    const created = await ours('admin', 'create-user', 'hana', '--group', 'hires', '--out', dir, '--profile', 'admin');
    expect(created.code).toBe(0);
    expect(JSON.parse((await aws('iam', 'list-groups-for-user', '--user-name', 'hana', '--profile', 'admin')).stdout).Groups.map((g: { GroupName: string }) => g.GroupName)).toEqual(['hires']);

    // hana's long-term keys: the group's MFA policy denies ListUsers, in AWS's words.
    const [id, key] = (await fs.readFile(join(dir, 'hana_accessKeys.csv'), 'utf8')).split(/\r?\n/)[1]!.split(',');
    const asHana = { ...env, AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: key };
    const refused = await runTool('aws', ['iam', 'list-users'], asHana);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      'An error occurred (AccessDenied) when calling the ListUsers operation: User: arn:aws:iam::123456789012:user/hana is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::123456789012:user/ with an explicit deny in an identity-based policy',
    );

    // The wizard enrols hana with her CSV; her phone scans the PNG and types the next codes.
    const png = join(box.dir, 'qr.png');
    const wizard = spawn(CLI[0], [...CLI.slice(1), join(dir, 'hana_accessKeys.csv'), '--profile', 'hana', '--keep-csv', '--codes-from-stdin', '--qr-png', png, '--yes'], {
      env: { ...env, ...QUIET },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let wizardErr = '';
    wizard.stderr!.on('data', (chunk: Buffer) => (wizardErr += chunk.toString()));
    wizard.stdout!.resume();
    const phone = setInterval(() => {
      void fs.readFile(png).then((bytes) => {
        clearInterval(phone);
        const picture = PNG.sync.read(bytes);
        const seed = new URL(scan({ pixels: new Uint8ClampedArray(picture.data), width: picture.width, height: picture.height })!).searchParams.get('secret')!;
        const k = counterAt(Date.now());
        wizard.stdin!.end([k - 1, k, k + 1].map((w) => codeAt(seed, w)).join('\n') + '\n');
      }, () => undefined);
    }, 50);
    const wizardCode = await new Promise<number | null>((resolve) => wizard.once('exit', resolve));
    clearInterval(phone);
    expect(wizardErr).toContain('Saved the session as profile hana-mfa');
    expect(wizardCode).toBe(0);

    // With the MFA session, the same call is allowed; a second device name is not (mfa/${aws:username}).
    const allowed = await aws('iam', 'list-users', '--profile', 'hana-mfa');
    expect(allowed.stderr).toBe('');
    expect(JSON.parse(allowed.stdout).Users.map((u: { UserName: string }) => u.UserName).sort()).toEqual(['admin', 'bob', 'hana']);
    const second = await aws('iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'hana-2', '--outfile', join(box.dir, 'seed.txt'), '--bootstrap-method', 'Base32StringSeed', '--profile', 'hana-mfa');
    expect(second.stderr).toContain(
      'is not authorized to perform: iam:CreateVirtualMFADevice on resource: arn:aws:iam::123456789012:mfa/hana-2 because no identity-based policy allows the iam:CreateVirtualMFADevice action',
    );
    // `session` reuses the live session (no code asked) and hands it to a tool.
    const session = await ours('session', '--profile', 'hana', '--credential-process');
    expect(session.code).toBe(0);
    expect(JSON.parse(session.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });

    // The lost phone: the administrator resets hana; IAM then lists no device for her.
    const reset = await ours('reset', '--profile', 'admin', '--user', 'hana', '--all', '--yes', '--no-enrol');
    expect(reset.code).toBe(0);
    expect(JSON.parse((await aws('iam', 'list-mfa-devices', '--user-name', 'hana', '--profile', 'admin')).stdout).MFADevices).toEqual([]);
    // Whose key this is and when it was last used (what `status` asks of profiles left behind), read by botocore.
    const lastUsed = await aws('iam', 'get-access-key-last-used', '--access-key-id', id!, '--profile', 'admin');
    expect(lastUsed.stderr).toBe('');
    expect(JSON.parse(lastUsed.stdout)).toEqual({
      UserName: 'hana',
      AccessKeyLastUsed: { LastUsedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|\+00:00)$/), ServiceName: expect.stringMatching(/^(iam|sts)$/), Region: 'us-east-1' },
    });

    emulator.child.kill('SIGTERM');
    expect(await emulator.exited).toBe(0);
    expect(emulator.stderr()).toContain(t('emulator.keptDir', { dir }));
    // Its own folder stays (it was named with --dir); nothing of the emulator is left listening.
    await expect(fs.stat(join(dir, 'admin_accessKeys.csv'))).resolves.toBeTruthy();
    await expect(fetch(emulator.url)).rejects.toThrow();
  }, 60_000);

  it('without --dir: a temporary folder it names, removed at Ctrl-C (exit 0); a port in use is refused in one paragraph', async () => {
    emulator = await startEmulator([], box.env);
    const folder = /(\/\S*mfa-onboard-emulator-\w+)\/admin_accessKeys\.csv/.exec(emulator.stderr().replace(/\s*\n\s*/g, ' '))?.[1];
    expect(folder).toBeTruthy();
    await expect(fs.stat(join(folder!, 'admin_accessKeys.csv'))).resolves.toBeTruthy();

    const port = new URL(emulator.url).port;
    const second = await runTool(CLI[0], [...CLI.slice(1), 'emulator', '--port', port], box.env);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(`✖ ${t('emulator.portInUse', { port })}`);

    emulator.child.kill('SIGINT');
    expect(await emulator.exited).toBe(0);
    expect(emulator.stderr()).toContain(t('emulator.removedDir', { dir: folder! }));
    await expect(fs.stat(folder!)).rejects.toThrow();
  });

  it('takes the demo\'s rehearsal flags: says what it rehearses, and the aws CLI meets the throttling once', async () => {
    emulator = await startEmulator(['--rehearse-fault', 'iam:ListUsers=throttle', '--rehearse-consistency', '5s'], box.env);
    expect(emulator.stderr()).toContain(t('demo.rehearseFault', { action: 'ListUsers', kind: 'throttle' }));
    expect(emulator.stderr()).toContain(t('demo.rehearseConsistency', { seconds: 5 }));
    const dir = /(\/\S*mfa-onboard-emulator-\w+)\/admin_accessKeys\.csv/.exec(emulator.stderr().replace(/\s*\n\s*/g, ' '))![1]!;
    const env = { ...box.env, AWS_ENDPOINT_URL: emulator.url, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config'), AWS_MAX_ATTEMPTS: '2' };
    const first = await runTool('aws', ['iam', 'list-users', '--profile', 'admin'], env);
    expect(first.stderr).toMatch(/\(Throttling\) when calling the ListUsers operation.*Rate exceeded/);
    const second = await runTool('aws', ['iam', 'list-users', '--profile', 'admin', '--output', 'json'], env);
    expect(JSON.parse(second.stdout).Users).toHaveLength(1);
  });

  it('never writes over a file that is there: refused, nothing changed, exit 1', async () => {
    const dir = join(box.dir, 'downloads');
    await fs.mkdir(dir);
    await fs.writeFile(join(dir, 'admin_accessKeys.csv'), 'a real admin key\n');
    const result = await runTool(CLI[0], [...CLI.slice(1), 'emulator', '--dir', dir], box.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(t('emulator.fileExists', { path: join(dir, 'admin_accessKeys.csv') }).slice(0, 60));
    expect(await fs.readFile(join(dir, 'admin_accessKeys.csv'), 'utf8')).toBe('a real admin key\n');
    expect(await fs.readdir(dir)).toEqual(['admin_accessKeys.csv']);
  });
});
