import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { PassThrough } from 'node:stream';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { messagePattern } from '../helpers/phone.js';
import { adminIam, consoleCsv, createUserWithKey, enrolledDevice, listDevices, startMoto, type Moto } from '../helpers/moto.js';
import { catalogs } from '../../src/ui/messages/index.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { useMotoWorld } from '../helpers/world.js';

describe('setup wizard against world.moto, in-process', () => {
  const world = useMotoWorld();

  async function seedOf(user: string): Promise<string> {
    const device = (await listDevices(world.moto)).find((d) => d.serialNumber.endsWith(`:mfa/${user}`));
    if (!device?.seed) throw new Error('no device yet');
    return device.seed;
  }

  /** A stdin that gets three good codes (now, next, the one after) once the device exists. */
  function codesOnStdin(clock: ReturnType<typeof fakeClock>, user = 'alice', start = counterAt(clock.now())) {
    const stdin = new PassThrough();
    const timer = setInterval(async () => {
      const seed = await seedOf(user).catch(() => undefined);
      if (!seed) return;
      clearInterval(timer);
      stdin.write([0, 1, 2].map((i) => codeAt(seed, start + i)).join('\n') + '\n');
    }, 20);
    return { stdin, stop: () => clearInterval(timer) };
  }

  /** No terminal to draw on here: the QR goes to a PNG, as the wizard asks. */
  const png = () => ['--qr-png', `${world.box.dir}/qr.png`];
  const flags = (csv: string) => [csv, '--endpoint-url', world.moto.url, '--profile', 'alice', '--region', 'eu-west-1', '--keep-csv', '--codes-from-stdin', ...png()];

  it('runs with no terminal when every answer is a flag and codes come on stdin', async () => {
    const key = await createUserWithKey(world.moto, 'alice', '/eng/');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const codes = codesOnStdin(clock);
    const result = await runCli(flags(csv), { env: world.box.env, clock, stdin: codes.stdin });
    codes.stop();
    expect(result.stderr).toContain('These keys belong to alice in account 123456789012 (arn:aws:iam::123456789012:user/eng/alice)');
    expect(result.code).toBe(0);
    // The wizard waited for each next window instead of asking early.
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(30_000);
    const { configFile } = await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
    expect(configFile.alice).toMatchObject({ mfa_serial: 'arn:aws:iam::123456789012:mfa/alice', region: 'eu-west-1' });
    expect(configFile['alice-mfa']).toMatchObject({ region: 'eu-west-1' });
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toContain(key.secretAccessKey);
    await expect(fs.stat(csv)).resolves.toBeTruthy();
  });

  it('speaks Japanese from start to end with LANG=ja_JP.UTF-8 (the summary and the session check too)', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const codes = codesOnStdin(clock);
    const result = await runCli(flags(csv), { env: { ...world.box.env, LANG: 'ja_JP.UTF-8' }, clock, stdin: codes.stdin });
    codes.stop();
    expect(result.code).toBe(0);
    const say = (id: Parameters<typeof messagePattern>[1]) => messagePattern('ja', id);
    for (const id of ['enable.done', 'session.verified', 'summary.heading'] as const) expect(result.stderr).toMatch(say(id));
    expect(result.stderr).not.toMatch(/\b(Profile name|Code shown|Done:|The MFA session works)\b/);
  });

  it('removes an orphan device left by an aborted run, then enrols', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    await adminIam(world.moto).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }));
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    // The orphan's seed is what seedOf finds first: wait until the wizard has replaced it.
    const orphanSeed = await seedOf('alice');
    const stdin = new PassThrough();
    const timer = setInterval(async () => {
      const seed = await seedOf('alice').catch(() => undefined);
      if (!seed || seed === orphanSeed) return;
      clearInterval(timer);
      const start = counterAt(clock.now());
      stdin.write([0, 1, 2].map((i) => codeAt(seed, start + i)).join('\n') + '\n');
    }, 20);
    const result = await runCli(flags(csv), { env: world.box.env, clock, stdin });
    clearInterval(timer);
    expect(result.stderr).toContain('Found an unfinished MFA device from an earlier attempt (arn:aws:iam::123456789012:mfa/alice)');
    expect(result.code).toBe(0);
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
  });

  it('stops with the way forward when the user already has a device', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const iam = adminIam(world.moto);
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-old' }))).VirtualMFADevice!;
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber, AuthenticationCode1: '123456', AuthenticationCode2: '234567' }));
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    // No terminal, and stdin ends before a code could pick the device up.
    const result = await runCli(flags(csv), { env: world.box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('alice already has 1 MFA device(s), such as arn:aws:iam::123456789012:mfa/alice-old');
    expect(result.stderr).toContain('or with --codes-from-stdin, and give one code from it');
    expect(result.stderr).toContain('run the wizard again with --replace');
    expect(result.stderr).toContain('mfa-onboard reset --profile ADMIN --user alice');
    expect(await listDevices(world.moto)).toHaveLength(1);
  });

  it('regression: an administrator who forgets --user (own profile, a device already, no CSV) is told how to act for someone else', async () => {
    const key = await createUserWithKey(world.moto, 'boss');
    await enrolledDevice(world.moto, 'boss', 'boss');
    await fs.mkdir(dirname(world.box.credentialsFile), { recursive: true });
    await fs.writeFile(world.box.credentialsFile, `[boss]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    for (const lang of ['en', 'ja'] as const) {
      const result = await runCli(['--profile', 'boss', '--region', 'eu-west-1', '--endpoint-url', world.moto.url], { env: { ...world.box.env, MFA_ONBOARD_LANG: lang }, clock: fakeClock() });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(catalogs[lang]['replace.forAnother'].split('\n')[0]);
      expect(result.stderr).toContain('\n    mfa-onboard --profile boss --user NAME\n');
    }
    expect(await listDevices(world.moto)).toHaveLength(1);
  });

  it('an administrator without a device who forgets --user is told, before a device is made for the keys\' own user', async () => {
    const key = await createUserWithKey(world.moto, 'boss');
    await fs.mkdir(dirname(world.box.credentialsFile), { recursive: true });
    await fs.writeFile(world.box.credentialsFile, `[boss]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    // No codes come: the run stops at the first, and takes its device back.
    const result = await runCli(['--profile', 'boss', '--region', 'eu-west-1', '--endpoint-url', world.moto.url, '--codes-from-stdin', ...png()], { env: world.box.env, clock: fakeClock(), stdin: '' });
    expect(result.code).not.toBe(0);
    const hint = result.stderr.indexOf('\n    mfa-onboard --profile boss --user NAME\n');
    expect(hint).toBeGreaterThan(0);
    expect(hint).toBeLessThan(result.stderr.indexOf('Created virtual MFA device'));
    expect(await listDevices(world.moto)).toHaveLength(0);
  });

  it('a CSV typed at the prompt is a user\'s own keys: no hint about acting for someone else', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const prompter = scriptedPrompter([{ flag: 'CSV (the file argument) or --profile', answer: csv }, { flag: '--profile', answer: 'alice' }]);
    const result = await runCli(['--region', 'eu-west-1', '--keep-csv', '--endpoint-url', world.moto.url, '--codes-from-stdin', ...png()], { env: world.box.env, clock: fakeClock(), stdin: '', prompter });
    expect(result.stderr).toContain('These keys belong to alice');
    expect(result.stderr).toContain('Created virtual MFA device');
    expect(result.stderr).not.toContain('--user NAME');
  });

  it('names a phone clock that is off, lets the person decline, and takes a good code after', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const start = counterAt(clock.now());
    const code = (offset: number) => async () => codeAt(await seedOf('alice'), counterAt(clock.now()) + offset);
    const prompter = scriptedPrompter([
      { flag: '--yes', answer: 'continue' }, // "Added it to your app?"
      { flag: '--codes-from-stdin', answer: code(-4) }, // phone 2 minutes behind
      { flag: '--allow-clock-drift', answer: false },
      { flag: '--codes-from-stdin', answer: 'abc123' },
      { flag: '--codes-from-stdin', answer: code(0) },
      { flag: '--codes-from-stdin', answer: async () => codeAt(await seedOf('alice'), start) }, // the same code again
      { flag: '--codes-from-stdin', answer: code(0) },
      { flag: '--codes-from-stdin', answer: code(0) },
    ]);
    const args = [csv, '--endpoint-url', world.moto.url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', '--no-backup', ...png()];
    const result = await runCli(args, { env: world.box.env, clock, prompter });
    expect(result.stderr).toContain("your phone's clock is about 2 minutes behind");
    expect(result.stderr).toContain('A code is six digits');
    expect(result.stderr).toContain('That is the same code again');
    expect(result.code).toBe(0);
    prompter.assertDone();
  });

  it('keeps comments, other profiles and CRLF of existing files byte for byte', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const credentialsBefore = '# my keys\r\n[work]\r\naws_access_key_id = AKIAWORK000000000000\r\naws_secret_access_key = ' + 'w'.repeat(40) + '\r\n; end\r\n';
    const configBefore = '[default]\nregion = us-west-2\n\n[profile work]\nregion = eu-central-1 # inline\n\n[services local]\niam =\n  endpoint_url = http://localhost\n';
    await fs.mkdir(world.box.home + '/.aws', { mode: 0o755 });
    await fs.writeFile(world.box.credentialsFile, credentialsBefore, { mode: 0o644 });
    await fs.writeFile(world.box.configFile, configBefore);
    const clock = fakeClock();
    const codes = codesOnStdin(clock);
    const result = await runCli(flags(csv), { env: world.box.env, clock, stdin: codes.stdin });
    codes.stop();
    expect(result.code).toBe(0);
    const credentials = await fs.readFile(world.box.credentialsFile, 'utf8');
    const config = await fs.readFile(world.box.configFile, 'utf8');
    expect(credentials.startsWith(credentialsBefore)).toBe(true);
    expect(credentials.slice(credentialsBefore.length)).toMatch(/^\r\n\[alice\]\r\n/);
    expect(credentials).not.toMatch(/[^\r]\n/);
    expect(config.startsWith(configBefore)).toBe(true);
    expect(result.stderr).toMatch(/was readable by others \(mode 644\)/);
    expect((await fs.stat(world.box.credentialsFile)).mode & 0o777).toBe(0o600);
    // One backup: the file exactly as it was before this run.
    expect(await fs.readFile(world.box.credentialsFile + '.bak', 'utf8')).toBe(credentialsBefore);
  });

  it('uses an existing profile instead of a CSV (AWS_PROFILE)', async () => {
    const key = await createUserWithKey(world.moto, 'bob');
    await fs.mkdir(world.box.home + '/.aws', { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, `[bob]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    const clock = fakeClock();
    const codes = codesOnStdin(clock, 'bob');
    const result = await runCli(['--endpoint-url', world.moto.url, '--region', 'us-east-1', '--codes-from-stdin', ...png()], {
      env: { ...world.box.env, AWS_PROFILE: 'bob' },
      clock,
      stdin: codes.stdin,
    });
    codes.stop();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('These keys belong to bob');
    const { credentialsFile } = await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
    expect(credentialsFile['bob-mfa']?.aws_session_token).toBeTruthy();
  });

  it('honours AWS_ENDPOINT_URL_IAM and AWS_ENDPOINT_URL_STS without --endpoint-url', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const codes = codesOnStdin(clock);
    const env = { ...world.box.env, AWS_ENDPOINT_URL_IAM: world.moto.url, AWS_ENDPOINT_URL_STS: world.moto.url };
    const result = await runCli([csv, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', '--codes-from-stdin', ...png()], { env, clock, stdin: codes.stdin });
    codes.stop();
    expect(result.code).toBe(0);
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
  });

  it('picks a user from an old credentials.csv holding several (--user)', async () => {
    const alice = await createUserWithKey(world.moto, 'alice');
    const bob = await createUserWithKey(world.moto, 'bob');
    const rows = [alice, bob].map((k, i) => `${['alice', 'bob'][i]},,${k.accessKeyId},${k.secretAccessKey},https://123456789012.signin.aws.amazon.com/console`);
    const csv = await world.box.write('credentials.csv', ['User name,Password,Access key ID,Secret access key,Console login link', ...rows].join('\n'));
    const clock = fakeClock();
    const codes = codesOnStdin(clock, 'bob');
    const result = await runCli([csv, '--user', 'bob', '--profile', 'bob', '--region', 'us-east-1', '--keep-csv', '--codes-from-stdin', '--endpoint-url', world.moto.url, ...png()], { env: world.box.env, clock, stdin: codes.stdin });
    codes.stop();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('These keys belong to bob');
    const { credentialsFile } = await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
    expect(credentialsFile.bob?.aws_access_key_id).toBe(bob.accessKeyId);
    expect(credentialsFile.alice).toBeUndefined();
  });

  it('refuses a profile holding temporary credentials', async () => {
    await fs.mkdir(world.box.home + '/.aws', { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, '[temp]\naws_access_key_id = ASIATEMPTEMPTEMP0000\naws_secret_access_key = ' + 't'.repeat(40) + '\naws_session_token = token\n', { mode: 0o600 });
    const result = await runCli(['--profile', 'temp', '--endpoint-url', world.moto.url], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Profile temp holds temporary credentials');
  });

  it("corrects a computer clock that is minutes off AWS's, and says so", async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock(Math.floor(Date.now() / 30_000) * 30_000 + 5_000 - 600_000); // 10 minutes slow
    // The phone is right: its codes follow AWS's time, which world.moto's Date header reports.
    const codes = codesOnStdin(clock, 'alice', counterAt(Date.now()));
    const result = await runCli(flags(csv), { env: world.box.env, clock, stdin: codes.stdin });
    codes.stop();
    // 600 s, plus how far into its window the real clock was (the fake one starts 5 s in).
    const seconds = Number(/This computer's clock is (\d+) seconds behind AWS's/.exec(result.stderr)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(595);
    expect(seconds).toBeLessThanOrEqual(626);
    expect(result.stderr).not.toContain("your phone's clock");
    expect(result.code).toBe(0);
  });

  it('gives up on codes that are never digits, and leaves no device', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const result = await runCli(flags(csv), { env: world.box.env, clock: fakeClock(), stdin: 'abcdef\n'.repeat(10) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A code is six digits');
    expect(result.stderr).toContain('Too many codes could not be used');
    expect(await listDevices(world.moto)).toEqual([]);
  });

  it('issue 23 item 4: the rerun after an enrolment that stopped asks for the earlier code to be deleted from the app, and tags the new one', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const failed = await runCli(flags(csv), { env: world.box.env, clock: fakeClock(), stdin: 'abcdef\n'.repeat(10) });
    expect(failed.code).toBe(1);
    expect(await listDevices(world.moto)).toEqual([]);
    const clock = fakeClock();
    const started = clock.now();
    const codes = codesOnStdin(clock);
    const again = await runCli(flags(csv), { env: world.box.env, clock, stdin: codes.stdin });
    codes.stop();
    expect(again.code).toBe(0);
    const text = again.stderr.replace(/\s*\n\s*/g, ' ');
    expect(text).toContain("An earlier attempt's code, AWS:alice@123456789012, is probably still in your authenticator app, but its device was removed");
    // The tag: the local month, day, hour and minute on the run's clock when the code was made,
    // some minute of the run (which waits for windows) whatever the hour: a run that started at
    // 16:59 made its code then and ended at 17:00.
    const tag = /The new code shows as AWS:alice\.(\d{4}-\d{4})@123456789012\./.exec(text)?.[1];
    const two = (n: number) => String(n).padStart(2, '0');
    const minutes = new Set<string>();
    for (let at = started; at < clock.now() + 60_000; at += 60_000) {
      const when = new Date(at);
      minutes.add(`${two(when.getMonth() + 1)}${two(when.getDate())}-${two(when.getHours())}${two(when.getMinutes())}`);
    }
    expect(minutes).toContain(tag);
    // Once enrolled, nothing is left to say on the next run.
    const { configFile } = await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_abandoned_qr');
  });

  it('refuses to prompt without a terminal, naming the flag', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const result = await runCli([csv, '--endpoint-url', world.moto.url], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Pass --profile');
    await expect(fs.stat(world.box.credentialsFile)).rejects.toThrow();
  });

  it('--qr-png (it holds the seed): a file already there is kept and refused; a PNG that cannot be written leaves no part of it; the device is taken back', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const qr = `${world.box.dir}/qr.png`;
    await fs.writeFile(qr, 'not yours');
    const taken = await runCli(flags(csv), { env: world.box.env, clock: fakeClock() });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('qr.png already exists, and the QR code is never written over a file');
    expect(await fs.readFile(qr, 'utf8')).toBe('not yours');
    expect(await listDevices(world.moto)).toEqual([]);

    await fs.rm(qr);
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      if (/qr\.png\.tmp-/.test(String(args[0]))) {
        handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
          await handle.write(Buffer.from(data as Uint8Array).subarray(0, 100));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    const full = await runCli(flags(csv), { env: world.box.env, clock: fakeClock() });
    vi.restoreAllMocks();
    expect(full.code).toBe(1);
    expect(full.stderr).toContain('qr.png (ENOSPC)');
    expect((await fs.readdir(world.box.dir)).filter((name) => name.includes('qr.png'))).toEqual([]);
    expect(await listDevices(world.moto)).toEqual([]);
  });
});

describe('wrong secret against moto with authentication on', () => {
  let moto: Moto;
  let box: Sandbox;
  beforeAll(async () => {
    // The first two actions (create user, create key) pass unauthenticated; then moto checks signatures.
    moto = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '2' } });
    box = await makeSandbox();
  });
  afterAll(async () => {
    await moto?.stop();
    await box?.cleanup();
  });

  it('says the CSV secret is wrong, exits 1, writes nothing', async () => {
    const key = await createUserWithKey(moto, 'alice');
    const wrong = { ...key, secretAccessKey: key.secretAccessKey.slice(0, -4) + 'AAAA' };
    const csv = await box.write('alice_accessKeys.csv', consoleCsv(wrong));
    const result = await runCli([csv, '--endpoint-url', moto.url, '--profile', 'alice'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AWS rejected the secret access key in');
    expect(result.stderr).not.toContain(wrong.secretAccessKey);
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });

  it('regression (issue 23.3): --export to a terminal is refused before anything is done, with the line that does it after', async () => {
    // No AWS call is made: a key of the right shape is enough (this moto counts its unsigned calls).
    const csv = await box.write('alice_accessKeys.csv', consoleCsv({ accessKeyId: 'AKIAALICEALICEALICE0', secretAccessKey: 'a'.repeat(40) }));
    const result = await runCli([csv, '--endpoint-url', moto.url, '--profile', 'alice', '--export', 'fish'], { env: box.env, stdoutTTY: true });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('\n    mfa-onboard session --profile alice --export fish | source\n');
    // Refused before the CSV's keys were written or AWS was called.
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });

  it('says an unknown access key is unknown', async () => {
    const csv = await box.write('ghost.csv', consoleCsv({ accessKeyId: 'AKIAGHOSTGHOSTGHOST0', secretAccessKey: 'g'.repeat(40) }));
    const result = await runCli([csv, '--endpoint-url', moto.url, '--profile', 'ghost'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AWS does not know the access key in');
  });
});
