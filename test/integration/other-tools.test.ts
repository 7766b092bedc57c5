import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand } from '@aws-sdk/client-iam';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { fakeClock } from '../helpers/clock.js';
import { adminIam, createUserWithKey } from '../helpers/moto.js';
import { CLI, CLI_LINE } from '../helpers/built.js';
import { runCli } from '../helpers/run.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const [cli, ...cliArgs] = CLI;
const noTty = () => {
  throw new UserError('session.noTty');
};

/** Issue 14, group 7: what other tools (the aws CLI, Terraform, broamski/aws-mfa) expect of us. */
describe('what other tools expect', () => {
  const world = useMotoWorld();
  let serial: string;
  const savedTz = process.env.TZ;
  beforeEach(async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const iam = adminIam(world.moto);
    const device = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice' }))).VirtualMFADevice!;
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: device.SerialNumber, AuthenticationCode1: '111111', AuthenticationCode2: '222222' }));
    serial = device.SerialNumber!;
    await fs.mkdir(`${world.box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    // No region for the session profile, and none in the environment: the export must carry it.
    await fs.writeFile(world.box.configFile, `[profile alice]\nregion = eu-west-1\nmfa_serial = ${serial}\n`, { mode: 0o600 });
  });
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });
  const session = (...extra: string[]) => ['session', '--profile', 'alice', '--endpoint-url', world.moto.url, ...extra];
  const bin = (args: string[], input?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(cli, [...cliArgs, ...args], { env: { ...world.box.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } }, (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
      child.stdin!.end(input ?? '');
    });

  // Fixed instants, so the test means the same at any hour: at 05:30 UTC "an hour ago" is
  // yesterday evening in New York (the product then names the day), at 17:00 UTC it is today.
  it.each([
    { at: '2026-01-15T05:30:00Z', day: 'the day before in New York', said: /ended at Wed.*14.*23:30 \(60 min ago\): getting a new one/ },
    { at: '2026-01-15T17:00:00Z', day: 'the same day in New York', said: /ended at 11:00 \(60 min ago\): getting a new one/ },
  ])('a zone-less expiration (broamski/aws-mfa: "YYYY-MM-DD HH:MM:SS", UTC) that ended an hour ago is not reused in New York ($at: $day)', async ({ at, said }) => {
    process.env.TZ = 'America/New_York';
    expect(new Date(Date.UTC(2026, 0, 1, 12)).getHours()).toBe(7); // the zone took effect
    const now = Date.parse(at);
    const clock = fakeClock(now);
    expect((await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n', clock })).code).toBe(0);
    const text = await fs.readFile(world.box.credentialsFile, 'utf8');
    const zoneless = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
    await fs.writeFile(world.box.credentialsFile, text.replace(/expiration = .*/, `expiration = ${zoneless(now - 3600_000)}`));
    // Read as New York time it would end in four hours and be reused without a code.
    const result = await runCli(session(), { env: world.box.env, openTty: noTty, clock });
    // Said in New York's local time, an hour ago: read as UTC, not as local time.
    expect(result.stderr).toMatch(said);
    expect(result.code).toBe(1); // a code is needed, and there is no terminal to ask on
    // The same, two hours ahead in UTC: alive, reused.
    await fs.writeFile(world.box.credentialsFile, text.replace(/expiration = .*/, `expiration = ${zoneless(now + 2 * 3600_000)}`));
    const reused = await runCli(session(), { env: world.box.env, openTty: noTty, clock });
    expect(reused.code).toBe(0);
    expect(reused.stderr).toMatch(/using it/);
  });

  it('--credential-process is silent on success (stderr empty: Terraform prints it every run), fresh or reused', async () => {
    const fresh = await bin([...session('--credential-process', '--codes-from-stdin')], '123456\n');
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toBe('');
    expect(JSON.parse(fresh.stdout)).toMatchObject({ Version: 1 });
    const reused = await bin([...session('--credential-process')]);
    expect(reused.code).toBe(0);
    expect(reused.stderr).toBe('');
    expect(JSON.parse(reused.stdout).SessionToken).toBe(JSON.parse(fresh.stdout).SessionToken);
    // An error still says so on stderr.
    const failed = await bin(['session', '--profile', 'nobody-here', '--credential-process', '--endpoint-url', world.moto.url]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).not.toBe('');
  });

  it('the real aws CLI, with no region configured anywhere, works from eval of --export sh (AWS_DEFAULT_REGION)', async () => {
    await runCli(session('--codes-from-stdin'), { env: world.box.env, stdin: '123456\n' });
    // An empty config: nothing but the exported lines can give the aws CLI a region.
    await fs.writeFile(world.box.configFile, '');
    const script =
      `eval "$(${CLI_LINE} session --profile alice --export sh --region eu-west-1 --endpoint-url ${world.moto.url})" && ` +
      `printf '%s %s\\n' "$AWS_REGION" "$AWS_DEFAULT_REGION" && aws sts get-caller-identity --endpoint-url ${world.moto.url} --output json`;
    const { stdout } = await run('bash', ['-c', script], { env: world.box.env });
    const [regions, ...json] = stdout.split('\n');
    expect(regions).toBe('eu-west-1 eu-west-1');
    expect(JSON.parse(json.join('\n')).Account).toBe('123456789012');
    // Without the lines the aws CLI refuses: the test can fail.
    await expect(run('aws', ['sts', 'get-caller-identity', '--profile', 'alice', '--endpoint-url', world.moto.url], { env: world.box.env })).rejects.toThrow(/must specify a region/);
  });
});
