import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { ADMIN, createUserWithKey, enrolledDevice, listDevices } from '../helpers/moto.js';
import { enableWithPhone, enrolWithPhone, Phone } from '../helpers/phone.js';
import { pinningProxy } from '../helpers/pinning-proxy.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const serialOf = (name: string) => `arn:aws:iam::123456789012:mfa/${name}`;

describe('replaced phone, lost phone, an administrator with a hire: in a real terminal, two phones', () => {
  const world = useMotoWorld();
  const screens: Screen[] = [];
  let proxy: Awaited<ReturnType<typeof pinningProxy>> | undefined;
  afterEach(async () => {
    for (const s of screens.splice(0)) s.kill();
    await proxy?.close();
    proxy = undefined;
  });

  const start = (args: string[]) => {
    const s = new Screen([...args, '--endpoint-url', proxy?.url ?? world.moto.url], world.box.env);
    screens.push(s);
    // A failure shows what the person would have seen.
    onTestFailed(() => console.error(`--- mfa-onboard ${args.join(' ')}\n${s.lines().filter((l) => l.trim()).slice(-30).join('\n')}`));
    return s;
  };

  /** A profile in the sandbox's files, as `aws configure` would leave it. */
  async function profile(name: string, key: { accessKeyId: string; secretAccessKey: string }, config = '') {
    await fs.mkdir(`${world.box.home}/.aws`, { recursive: true, mode: 0o700 });
    await fs.appendFile(world.box.credentialsFile, `[${name}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    await fs.appendFile(world.box.configFile, `[profile ${name}]\nregion = us-east-1\n${config}`, { mode: 0o600 });
  }

  /** alice, enrolled long ago with her old phone: her profile, and that phone. */
  async function aliceWithOldPhone() {
    const key = await createUserWithKey(world.moto, 'alice');
    const old = await enrolledDevice(world.moto, 'alice', 'alice');
    await profile('alice', key, `mfa_serial = ${old.serial}\n`);
    return { key, old, oldPhone: new Phone(`otpauth://totp/AWS:alice?secret=${old.seed}`) };
  }

  /** After each story: the devices moto holds, the config, and the real aws CLI with the session profile. */
  async function assertOutcome(user: string, serial: string, phone: Phone, screen: Screen, secrets: string[]) {
    const devices = await listDevices(world.moto);
    expect(devices.map((d) => ({ serialNumber: d.serialNumber, user: d.user }))).toEqual([{ serialNumber: serial, user }]);
    expect(devices[0]!.seed).toBe(phone.secret);
    const { configFile, credentialsFile } = await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
    expect(configFile[user]?.mfa_serial).toBe(serial);
    expect(configFile[user]).not.toHaveProperty('mfa_onboard_replacing');
    const session = credentialsFile[`${user}-mfa`]!;
    expect(session.mfa_onboard_serial).toBe(serial);
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', `${user}-mfa`, '--endpoint-url', world.moto.url, '--output', 'json'], { env: world.box.env });
    expect(JSON.parse(stdout).Account).toBe('123456789012');
    expect(screen.raw).not.toMatch(/Warning|NodeVersionSupport|\n\s+at /);
    for (const secret of [...secrets, session.aws_secret_access_key!, session.aws_session_token!, phone.secret]) expect(screen.raw).not.toContain(secret);
  }

  it('new phone, old one at hand (path a): the old phone proves it, the new one is added and checked, then the old one goes', async () => {
    const { key, old, oldPhone } = await aliceWithOldPhone();
    const s = start(['--profile', 'alice', '--replace']);
    let at = await s.waitFor(`MFA code for ${old.serial}`);
    s.answer(oldPhone.code());
    const { phone, at: after } = await enrolWithPhone(s, at);
    expect(phone.secret).not.toBe(old.seed);
    at = await s.waitFor('Done: alice is protected by MFA', after);
    expect(await s.exited).toBe(0);
    const newName = decodeURIComponent(phone.uri.pathname).match(/:(alice-\d{8})@/)?.[1];
    expect(newName).toBeDefined();
    expect(s.plain()).toContain(`Removed the MFA device ${old.serial} from alice`);
    await assertOutcome('alice', serialOf(newName!), phone, s, [key.secretAccessKey, old.seed]);
  }, 120_000);

  it('path b: a policy pinning mfa/${aws:username} refuses the second name, the wizard says so, removes the old device first, then enrols', async () => {
    const { key, old, oldPhone } = await aliceWithOldPhone();
    proxy = await pinningProxy(world.moto.url, ['alice']);
    const s = start(['--profile', 'alice', '--replace']);
    let at = await s.waitFor(`MFA code for ${old.serial}`);
    s.answer(oldPhone.code());
    at = await s.waitFor('Remove the old device', at);
    expect(s.plain()).toContain('is without MFA from then until the new phone is enabled');
    s.answer('');
    const { phone, at: after } = await enrolWithPhone(s, at);
    await s.waitFor('Done: alice is protected by MFA', after);
    expect(await s.exited).toBe(0);
    expect(proxy.denied).toHaveLength(1);
    await assertOutcome('alice', serialOf('alice'), phone, s, [key.secretAccessKey, old.seed]);
  }, 120_000);

  it('lost phone: the wizard says alice is set up, --replace with no old code stops with the admin command; the admin resets; alice enrols her new phone', async () => {
    const { key, old } = await aliceWithOldPhone();
    await profile('admin', ADMIN);
    // Set up already (issue 20 item 9): the wizard says so, and what to run for a new or lost phone.
    const again = start(['--profile', 'alice']);
    await again.waitFor('alice is set up on this computer');
    expect(await again.exited).toBe(0);
    expect(again.plain()).toMatch(/New or lost phone\s+mfa-onboard --profile alice --replace/);
    const lost = start(['--profile', 'alice', '--replace']);
    await lost.waitFor(`MFA code for ${old.serial}`);
    lost.answer(''); // the old phone is gone: no code
    expect(await lost.exited).toBe(1);
    expect(lost.plain()).toContain('mfa-onboard reset --profile ADMIN --user alice');
    expect((await listDevices(world.moto)).map((d) => d.serialNumber)).toEqual([old.serial]);

    const reset = start(['reset', '--profile', 'admin', '--user', 'alice']);
    let at = await reset.waitFor('Remove 1 device(s)');
    reset.answer('');
    at = await reset.waitFor('Enrol a new device for alice now', at);
    reset.answer('n');
    expect(await reset.exited).toBe(0);
    expect(await listDevices(world.moto)).toEqual([]);

    const enrol = start(['--profile', 'alice']);
    const { phone, at: after } = await enrolWithPhone(enrol);
    await enrol.waitFor('Done: alice is protected by MFA', after);
    expect(await enrol.exited).toBe(0);
    await assertOutcome('alice', serialOf('alice'), phone, enrol, [key.secretAccessKey]);
  }, 150_000);

  it('an administrator with a hire without her CSV: IAM\'s listing is the check; later the hire gets her session on her computer', async () => {
    await profile('admin', ADMIN);
    const key = await createUserWithKey(world.moto, 'bob');
    const s = start(['--profile', 'admin', '--user', 'bob']);
    const { phone, at, k } = await enableWithPhone(s);
    await s.waitFor('Done: bob is protected by MFA', at);
    expect(await s.exited).toBe(0);
    expect(s.plain()).toContain(`IAM lists ${serialOf('bob')} as enabled for bob`);
    expect(s.plain()).toMatch(/Checked +IAM lists the device as bob's/);

    // On bob's computer: his keys, and his phone for the day's session.
    await profile('bob', key);
    const day = start(['session', '--profile', 'bob']);
    await day.waitFor(`MFA code for ${serialOf('bob')}`);
    day.answer(phone.code(k + 1)); // the next window's code: AWS takes each code once
    expect(await day.exited).toBe(0);
    const devices = await listDevices(world.moto);
    expect(devices).toEqual([{ serialNumber: serialOf('bob'), user: 'bob', seed: phone.secret }]);
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'bob-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], { env: world.box.env });
    expect(JSON.parse(stdout).Account).toBe('123456789012');
    expect(s.raw + day.raw).not.toContain(key.secretAccessKey);
  }, 120_000);
});
