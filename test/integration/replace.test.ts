import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { CreateVirtualMFADeviceCommand, DeactivateMFADeviceCommand } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { replacementName } from '../../src/wizard/devices.js';
import { t } from '../../src/ui/messages/index.js';
import { fakeClock } from '../helpers/clock.js';
import { addAdminProfile, adminIam, consoleCsv, createUserWithKey, enrolledDevice, listDevices } from '../helpers/moto.js';
import { pinningProxy } from '../helpers/pinning-proxy.js';
import { scriptedPrompter, type Answer } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox } from '../helpers/sandbox.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const ACCOUNT = 'arn:aws:iam::123456789012';
const serialOf = (name: string) => `${ACCOUNT}:mfa/${name}`;
/** moto takes any key when authentication is off: this one is nobody's user, so it acts as an administrator. */

describe('re-enrolment, admin mode and reset, against moto', () => {
  const world = useMotoWorld();
  let proxy: Awaited<ReturnType<typeof pinningProxy>> | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  /** alice, set up earlier: her keys in [alice], her old device in the config. */
  async function aliceEnrolled(oldName = 'alice') {
    const key = await createUserWithKey(world.moto, 'alice');
    const old = await enrolledDevice(world.moto, 'alice', oldName);
    await fs.mkdir(`${world.box.home}/.aws`, { recursive: true });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(world.box.configFile, `[profile alice]\nregion = eu-west-1\nmfa_serial = ${old.serial}\n`, { mode: 0o600 });
    return { key, old };
  }

  async function seedOf(serial: string): Promise<string> {
    const device = (await listDevices(world.moto)).find((d) => d.serialNumber === serial);
    if (!device?.seed) throw new Error(`no device ${serial}`);
    return device.seed;
  }

  /** The code a phone holding `serial` shows now (by the wizard's clock). */
  const phone = (serial: string | (() => string), clock: ReturnType<typeof fakeClock>) => async () =>
    codeAt(await seedOf(typeof serial === 'string' ? serial : serial()), counterAt(clock.now()));

  const code = (answer: Answer['answer']): Answer => ({ flag: '--codes-from-stdin', answer });
  const scanned: Answer = { flag: '--yes', answer: 'continue' };
  const png = () => ['--qr-png', `${world.box.dir}/qr-${Math.random().toString(36).slice(2)}.png`];
  const base = () => ['--endpoint-url', proxy?.url ?? world.moto.url, ...png()];
  const cancel = (): never => {
    throw new CancelledError();
  };

  async function config() {
    return loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
  }

  /** Devices of a user in moto, and every device assigned to nobody. */
  async function devices(user = 'alice') {
    const all = await listDevices(world.moto);
    return { mine: all.filter((d) => d.user === user).map((d) => d.serialNumber).sort(), orphans: all.filter((d) => !d.user).map((d) => d.serialNumber) };
  }

  /** The whole replacement with the old phone at hand: old code, QR, two codes, session code. */
  function replaceScript(oldSerial: string, newSerial: string, clock: ReturnType<typeof fakeClock>): Answer[] {
    return [code(phone(oldSerial, clock)), scanned, code(phone(newSerial, clock)), code(phone(newSerial, clock)), code(phone(newSerial, clock))];
  }

  it('with the old phone: the new device is added and verified, then the old one removed with the new session', async () => {
    const { old, key } = await aliceEnrolled();
    const clock = fakeClock();
    const newSerial = serialOf(replacementName('alice', [], clock.now()));
    const prompter = scriptedPrompter(replaceScript(old.serial, newSerial, clock));
    const result = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.stderr).toContain('First, a code from the OLD phone');
    expect(result.code).toBe(0);
    expect(await devices()).toEqual({ mine: [newSerial], orphans: [] });
    const { configFile, credentialsFile } = await config();
    expect(configFile.alice?.mfa_serial).toBe(newSerial);
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
    expect(credentialsFile['alice-mfa']).toMatchObject({ mfa_onboard_serial: newSerial, mfa_onboard_source_profile: 'alice' });
    // The removal came after the session check, and the summary says what went.
    expect(result.stderr.indexOf(`Removed the MFA device ${old.serial} from alice`)).toBeGreaterThan(result.stderr.indexOf('MFA session works'));
    expect(result.stderr).toMatch(new RegExp(`Removed\\s+${old.serial}`));
    for (const secret of [key.secretAccessKey, old.seed, await seedOf(newSerial)]) expect(result.stderr).not.toContain(secret);
    // The real aws CLI uses the session the replacement saved.
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], { env: world.box.env });
    expect(JSON.parse(stdout).Account).toBe('123456789012');
  });

  it('with the old phone, from a device with a dated name: the new one takes the user\'s own name (what pinning policies allow)', async () => {
    const clock = fakeClock();
    const today = replacementName('alice', [], clock.now());
    const { old } = await aliceEnrolled(today);
    const newSerial = serialOf('alice');
    const prompter = scriptedPrompter(replaceScript(old.serial, newSerial, clock));
    const result = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
    expect(result.code).toBe(0);
    expect(await devices()).toEqual({ mine: [newSerial], orphans: [] });
  });

  it('a name-pinning policy refuses the second device, so the old one goes first (said before), then alice re-enrols under her name', async () => {
    const { old } = await aliceEnrolled();
    proxy = await pinningProxy(world.moto.url, ['alice']);
    const clock = fakeClock();
    const newSerial = serialOf('alice');
    // The dated name the wizard tries first, named by its clock when it starts (not after the run's waits).
    const dated = replacementName('alice', [], clock.now());
    let oldSeedGone = false;
    // The old and the new device share a serial here: the new phone's seed is the one that differs.
    const newPhone = async () => {
      const seed = await seedOf(newSerial);
      oldSeedGone ||= seed !== old.seed;
      return codeAt(seed, counterAt(clock.now()));
    };
    const prompter = scriptedPrompter([
      code(phone(old.serial, clock)),
      { flag: '--yes', answer: (message) => (expect(message).toContain(`Remove the old device ${old.serial} of alice now`), true) },
      scanned,
      code(newPhone),
      code(newPhone),
      code(newPhone),
    ]);
    const result = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(proxy.denied).toEqual([dated]);
    expect(result.stderr).toContain('a policy allows only a device named after the user (mfa/alice)');
    expect(result.stderr).toContain('alice is without MFA from then until the new phone is enabled');
    expect(result.code).toBe(0);
    expect(oldSeedGone).toBe(true);
    expect(await devices()).toEqual({ mine: [newSerial], orphans: [] });
    expect((await config()).configFile.alice?.mfa_serial).toBe(newSerial);
    expect((await config()).configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
  });

  it('a name-pinning policy, interrupted after the old device went: nothing half-made stays, and the next run simply enrols', async () => {
    const { old } = await aliceEnrolled();
    proxy = await pinningProxy(world.moto.url, ['alice']);
    let clock = fakeClock();
    const first = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter([code(phone(old.serial, clock)), { flag: '--yes', answer: true }, { flag: '--yes', answer: cancel }]),
    });
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('alice has no MFA device now. Enrol the new phone by running again:\n    mfa-onboard --profile alice\n');
    expect(await devices()).toEqual({ mine: [], orphans: [] });
    // Zero devices is itself the record: the next run enrols without being told anything.
    expect((await config()).configFile.alice).not.toHaveProperty('mfa_onboard_replacing');

    clock = fakeClock();
    const second = await runCli(['--profile', 'alice', '--no-backup', ...base()], {
      env: world.box.env,
      clock,
      // The QR code of the device that went is still in the app: deleted first (issue 23 item 4).
      prompter: scriptedPrompter([{ flag: '--yes', answer: true }, scanned, code(phone(serialOf('alice'), clock)), code(phone(serialOf('alice'), clock)), code(phone(serialOf('alice'), clock))]),
    });
    expect(second.stderr).toContain("An earlier attempt's code, AWS:alice@123456789012, is probably still in your authenticator app");
    expect(second.code).toBe(0);
    expect(await devices()).toEqual({ mine: [serialOf('alice')], orphans: [] });
    expect((await config()).configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
  });

  // Ctrl-C at each question of a replacement with the old phone; then `--replace` again finishes the job.
  const stops = [
    { at: 'the old phone\'s code', index: 0 },
    { at: 'the QR code', index: 1 },
    { at: 'the first code', index: 2 },
    { at: 'the second code', index: 3 },
    { at: 'the session code (new device enabled, old not yet removed)', index: 4 },
  ];
  for (const stop of stops) {
    it(`Ctrl-C at ${stop.at}: a consistent state, and the next run finishes`, async () => {
      const { old } = await aliceEnrolled();
      let clock = fakeClock();
      const newSerial = serialOf(replacementName('alice', [], clock.now()));
      const script = replaceScript(old.serial, newSerial, clock).slice(0, stop.index);
      const first = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], {
        env: world.box.env,
        clock,
        prompter: scriptedPrompter([...script, { flag: stop.index === 1 ? '--yes' : '--codes-from-stdin', answer: cancel }]),
      });
      expect(first.code).toBe(2);
      const after = await devices();
      // Never a device assigned to nobody, never zero devices.
      expect(after.orphans).toEqual([]);
      expect(after.mine).toContain(old.serial);
      expect(after.mine).toEqual(stop.index === 4 ? [old.serial, newSerial].sort() : [old.serial]);

      clock = fakeClock();
      // The enabled new device only needs its session code; otherwise the replacement starts over.
      const rest = stop.index === 4 ? [code(phone(newSerial, clock))] : replaceScript(old.serial, newSerial, clock);
      // Issue 23 item 4: a QR code was shown for the device that went: first, its entry is to be deleted from the app.
      if (stop.index >= 1 && stop.index <= 3) rest.splice(1, 0, { flag: '--yes', answer: true });
      const prompter = scriptedPrompter(rest);
      const second = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
      prompter.assertDone();
      if (stop.index === 4) expect(second.stderr).toContain(`An earlier replacement enabled ${newSerial} but did not remove the old device ${old.serial}`);
      expect(second.code).toBe(0);
      expect(await devices()).toEqual({ mine: [newSerial], orphans: [] });
      const { configFile, credentialsFile } = await config();
      expect(configFile.alice?.mfa_serial).toBe(newSerial);
      expect(configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
      expect(credentialsFile['alice-mfa']?.mfa_onboard_serial).toBe(newSerial);
    });
  }

  /** A replacement a crashed run left behind: recorded in the config, in the state given. */
  async function leftBehind(state: { deactivateOld?: boolean; serialWritten: boolean }) {
    const { old } = await aliceEnrolled();
    const clock = fakeClock();
    const added = await enrolledDevice(world.moto, 'alice', replacementName('alice', [], clock.now()));
    if (state.deactivateOld) await adminIam(world.moto).send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: old.serial }));
    await fs.writeFile(
      world.box.configFile,
      `[profile alice]\nregion = eu-west-1\nmfa_serial = ${state.serialWritten ? added.serial : old.serial}\nmfa_onboard_replacing = ${old.serial}\nmfa_onboard_replacement = ${added.serial}\n` +
        `[profile admin-role]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = alice\nmfa_serial = ${old.serial}\n`,
    );
    return { old, added, clock };
  }

  it('regression: a run that died between enabling and writing mfa_serial is finished, not started again', async () => {
    const { added, clock } = await leftBehind({ serialWritten: false });
    const prompter = scriptedPrompter([code(phone(added.serial, clock))]);
    const result = await runCli(['--profile', 'alice', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.code).toBe(0);
    expect(await devices()).toEqual({ mine: [added.serial], orphans: [] });
    const { configFile } = await config();
    expect(configFile.alice?.mfa_serial).toBe(added.serial);
    // A role profile that used the old device now names the new one.
    expect(configFile['admin-role']?.mfa_serial).toBe(added.serial);
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_replacement');
  });

  it('regression: an old device deactivated but not deleted is deleted by the next run (no orphan left)', async () => {
    const { old, added, clock } = await leftBehind({ deactivateOld: true, serialWritten: true });
    expect((await devices()).orphans).toEqual([old.serial]);
    const prompter = scriptedPrompter([code(phone(added.serial, clock))]);
    const result = await runCli(['--profile', 'alice', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
    expect(result.code).toBe(0);
    expect(await devices()).toEqual({ mine: [added.serial], orphans: [] });
  });

  it('regression: a recorded replacement whose old device is gone never retires another device', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const work = await enrolledDevice(world.moto, 'alice', 'alice-work');
    await fs.mkdir(`${world.box.home}/.aws`, { recursive: true });
    await fs.writeFile(world.box.credentialsFile, `[alice]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`);
    await fs.writeFile(world.box.configFile, `[profile alice]\nregion = eu-west-1\nmfa_onboard_replacing = ${serialOf('alice')}\n`);
    const clock = fakeClock();
    const prompter = scriptedPrompter([scanned, code(phone(serialOf('alice'), clock)), code(phone(serialOf('alice'), clock)), code(phone(serialOf('alice'), clock))]);
    const result = await runCli(['--profile', 'alice', '--no-backup', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.stderr).toContain(`An earlier replacement removed the old device ${serialOf('alice')}`);
    expect(result.code).toBe(0);
    expect(await devices()).toEqual({ mine: [serialOf('alice'), work.serial].sort(), orphans: [] });
  });

  it('regression: a replacement whose old device went first, stopped at the session code leaves no replacement recorded, so the next run finishes the new device (one code), never replaces it', async () => {
    const { old } = await aliceEnrolled();
    proxy = await pinningProxy(world.moto.url, ['alice']);
    const clock = fakeClock();
    const newPhone = phone(serialOf('alice'), clock);
    const first = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter([code(phone(old.serial, clock)), { flag: '--yes', answer: true }, scanned, code(newPhone), code(newPhone), code(cancel)]),
    });
    expect(first.code).toBe(2);
    const { configFile } = await config();
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
    expect(configFile.alice?.mfa_serial).toBe(serialOf('alice'));
    // The next run finishes the enrolment this computer started: one code from the new phone, no question.
    const second = await runCli(['--profile', 'alice', '--no-backup', ...base()], { env: world.box.env, clock, prompter: scriptedPrompter([code(newPhone)]) });
    expect(second.stderr).toContain('An earlier run on this computer enabled');
    expect(second.code).toBe(0);
    expect((await devices()).mine).toEqual([serialOf('alice')]);
    expect((await config()).credentialsFile['alice-mfa']).toMatchObject({ mfa_onboard_serial: serialOf('alice') });
  });

  it('declining to remove the old device first (a name-pinning policy) changes nothing and records nothing', async () => {
    const { old } = await aliceEnrolled();
    proxy = await pinningProxy(world.moto.url, ['alice']);
    const clock = fakeClock();
    const result = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter([code(phone(old.serial, clock)), { flag: '--yes', answer: false }]),
    });
    expect(result.code).toBe(2);
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
    expect((await config()).configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
  });

  it('issue 20 item 9: set up already, the wizard run again says so, with the next commands, and exits 0 changing nothing', async () => {
    const { old } = await aliceEnrolled();
    const before = [await fs.readFile(world.box.credentialsFile, 'utf8'), await fs.readFile(world.box.configFile, 'utf8')];
    const result = await runCli(['--profile', 'alice', '--no-backup', ...base()], { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('alice is set up on this computer: nothing to do');
    expect(result.stderr).toContain(old.serial);
    expect(result.stderr).toContain('profile alice-mfa (none saved yet)');
    expect(result.stderr).toMatch(/A fresh session\s+mfa-onboard session --profile alice --endpoint-url \S+\n/);
    expect(result.stderr).toMatch(/New or lost phone\s+mfa-onboard --profile alice --replace --endpoint-url \S+\n/);
    expect(result.stderr).not.toContain('already has');
    expect(result.stderr).toContain('Enrolling a device for someone else? An administrator names the user with --user:\n    mfa-onboard --profile alice --user NAME\n');
    expect([await fs.readFile(world.box.credentialsFile, 'utf8'), await fs.readFile(world.box.configFile, 'utf8')]).toEqual(before);
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
  });

  it('lost phone: a device not on record here, no code for it (Enter), then "lost": says plainly that an administrator must remove it, changes nothing', async () => {
    const { old } = await aliceEnrolled();
    await fs.writeFile(world.box.configFile, '[profile alice]\nregion = eu-west-1\n');
    const prompter = scriptedPrompter([{ flag: '--codes-from-stdin', answer: '' }, { flag: '--replace', answer: 'lost' }]);
    const result = await runCli(['--profile', 'alice', '--no-backup', ...base()], { env: world.box.env, clock: fakeClock(), prompter });
    prompter.assertDone();
    expect(result.stderr).toContain(`alice has an MFA device already: ${old.serial}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Without the old phone, alice cannot remove its MFA device');
    expect(result.stderr).toContain('mfa-onboard reset --profile ADMIN --user alice');
    expect(result.stderr).toContain(`aws iam deactivate-mfa-device --user-name alice --serial-number ${old.serial}`);
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
  });

  it('--replace without the old phone after all: Enter without a code gives the same plain stop, with the device to remove', async () => {
    const { old } = await aliceEnrolled();
    const prompter = scriptedPrompter([{ flag: '--codes-from-stdin', answer: '' }]);
    const result = await runCli(['--profile', 'alice', '--replace', '--no-backup', ...base()], { env: world.box.env, clock: fakeClock(), prompter });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The old phone is lost? Press Enter without a code.');
    expect(result.stderr).toContain('Without the old phone, alice cannot remove its MFA device');
    expect(result.stderr).toContain(`mfa-onboard reset --profile ADMIN --user alice --remove-serial ${old.serial}`);
    expect(result.stderr).not.toContain('A code is six digits');
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
    expect((await config()).configFile.alice).not.toHaveProperty('mfa_onboard_replacing');
  });

  /** An administrator's profile beside alice's, as on the admin's own computer. */
  const adminProfile = () => addAdminProfile(world.box);

  it.each([
    ['setup --replace', (serial: string) => ['--profile', 'alice', '--replace', '--old-serial', serial], '--old-serial'],
    ['setup --replace (the old spelling)', (serial: string) => ['--profile', 'alice', '--replace', '--serial', serial], '--old-serial'],
    ['reset', (serial: string) => ['reset', '--profile', 'admin', '--user', 'alice', '--remove-serial', serial], '--remove-serial'],
  ] as const)('%s with a device not the user\'s: the error names the flag this command takes', async (_label, argv, flag) => {
    const { old } = await aliceEnrolled();
    await adminProfile();
    const nope = serialOf('nope');
    const result = await runCli([...argv(nope), ...base()], { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${nope} is not one of this user's MFA devices (${old.serial}). Pass one of those with ${flag}.`);
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
  });

  it('reset by an administrator: lists, removes every device and orphan, then enrols a new one for alice at once', async () => {
    const { old } = await aliceEnrolled();
    const second = await enrolledDevice(world.moto, 'alice', 'alice-yubi');
    await adminIam(world.moto).send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-20200101' })); // an orphan
    await adminProfile();
    const clock = fakeClock();
    const prompter = scriptedPrompter([
      { flag: '--remove-serial / --all', answer: '*' },
      { flag: '--yes', answer: (message) => (expect(message).toContain('Remove 2 device(s) and 1 unfinished one(s) of alice?'), true) },
      { flag: '--enrol', answer: true },
      scanned,
      code(phone(serialOf('alice'), clock)),
      code(phone(serialOf('alice'), clock)),
    ]);
    const result = await runCli(['reset', '--profile', 'admin', '--user', 'alice', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.stderr).toContain(`${old.serial}, virtual, enabled`);
    expect(result.stderr).toContain(`${serialOf('alice-20200101')}, unfinished`);
    expect(result.stderr).toContain(`Removed the MFA device ${second.serial} from alice`);
    expect(result.code).toBe(0);
    expect(await devices()).toEqual({ mine: [serialOf('alice')], orphans: [] });
    // Without alice's keys there is no session to try: IAM's listing is the check, and the summary says so.
    expect(result.stderr).toContain(`IAM lists ${serialOf('alice')} as enabled for alice`);
    expect(result.stderr).toMatch(/Checked +IAM lists the device as alice's \(no session was tried: that needs alice's keys\)/);
    const { credentialsFile } = await config();
    expect(Object.keys(credentialsFile).sort()).toEqual(['admin', 'alice']);
  });

  /** A scripted prompter that also notes the default each yes/no question offered. */
  function notingDefaults(script: Answer[]) {
    const scripted = scriptedPrompter(script);
    const defaults: (boolean | undefined)[] = [];
    return { prompter: { ...scripted, confirm: (q: Parameters<typeof scripted.confirm>[0]) => (defaults.push(q.default), scripted.confirm(q)) }, scripted, defaults };
  }

  it('reset\'s offer to enrol: Yes by default when no device is left (it says why), No when the user keeps one; declined, the command for later', async () => {
    const { old } = await aliceEnrolled();
    const yubi = await enrolledDevice(world.moto, 'alice', 'alice-yubi');
    await adminProfile();
    const kept = notingDefaults([{ flag: '--enrol', answer: false }]);
    const some = await runCli(['reset', '--profile', 'admin', '--user', 'alice', '--remove-serial', yubi.serial, '--yes', ...base()], { env: world.box.env, clock: fakeClock(), prompter: kept.prompter });
    kept.scripted.assertDone();
    expect(some.code).toBe(0);
    expect(kept.scripted.asked).toEqual([t('reset.enrolAskKept', { user: 'alice', count: 1 })]);
    expect(kept.defaults).toEqual([false]);
    expect(some.stderr).toContain(t('reset.next', { user: 'alice', command: 'mfa-onboard --profile admin --user alice' }));
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });

    const none = notingDefaults([{ flag: '--enrol', answer: false }]);
    const all = await runCli(['reset', '--profile', 'admin', '--user', 'alice', '--all', '--yes', ...base()], { env: world.box.env, clock: fakeClock(), prompter: none.prompter });
    none.scripted.assertDone();
    expect(all.code).toBe(0);
    expect(none.scripted.asked).toEqual([t('reset.enrolAsk', { user: 'alice' })]);
    expect(none.scripted.asked[0]).toContain('signs in without MFA');
    expect(none.defaults).toEqual([true]);
    expect(all.stderr).toContain(t('reset.next', { user: 'alice', command: 'mfa-onboard --profile admin --user alice' }));
    expect(await devices()).toEqual({ mine: [], orphans: [] });
  });

  it('reset, then an enrolment begun without the phone after all: Ctrl-C at the QR code removes its device, prints the command for later, exit 2', async () => {
    await aliceEnrolled();
    await adminProfile();
    const prompter = scriptedPrompter([{ flag: '--enrol', answer: true }, { flag: '--yes', answer: cancel }]);
    const result = await runCli(['reset', '--profile', 'admin', '--user', 'alice', '--all', '--yes', ...base()], { env: world.box.env, clock: fakeClock(), prompter });
    prompter.assertDone();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(t('rollback.removed', { serial: serialOf('alice') }));
    const later = result.stderr.indexOf(t('reset.next', { user: 'alice', command: 'mfa-onboard --profile admin --user alice' }));
    expect(later).toBeGreaterThan(result.stderr.indexOf(t('rollback.removed', { serial: serialOf('alice') })));
    expect(result.stderr.slice(later)).toContain(t('reset.enrolCancelled'));
    expect(result.stderr).not.toContain(t('error.cancelled'));
    expect(await devices()).toEqual({ mine: [], orphans: [] });
  });

  it('reset with no terminal: --all --yes removes, and the next command is printed instead of asking', async () => {
    await aliceEnrolled();
    await adminProfile();
    const result = await runCli(['reset', '--profile', 'admin', '--user', 'alice', '--all', '--yes', ...base()], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('enrol it with:\n    mfa-onboard --profile admin --user alice');
    expect(await devices()).toEqual({ mine: [], orphans: [] });
  });

  it('regression (issue 23.15): reset asks No by default; with no terminal it says to pass --yes, once; dates are local, not ISO', async () => {
    const { old } = await aliceEnrolled();
    await adminProfile();
    const refused = await runCli(['reset', '--profile', 'admin', '--user', 'alice', '--all', ...base()], { env: world.box.env, clock: fakeClock() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('but there is no terminal to ask on. Pass --yes.');
    expect(refused.stderr).not.toContain('(or --yes');
    expect(refused.stderr).not.toMatch(/enabled \d{4}-\d\d-\d\dT/);
    expect(refused.stderr).toMatch(/virtual, enabled .*\((\d+ (min|h) ago|in \d+)/);
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });

    let offered: boolean | undefined;
    const no = scriptedPrompter([{ flag: '--yes', answer: false }]);
    const prompter = { ...no, confirm: (q: Parameters<typeof no.confirm>[0]) => ((offered = q.default), no.confirm(q)) };
    const declined = await runCli(['reset', '--profile', 'admin', '--user', 'alice', '--all', ...base()], { env: world.box.env, clock: fakeClock(), prompter });
    expect(offered).toBe(false);
    expect(no.asked[0]).toMatch(/^Remove 1 device\(s\) of alice\? /);
    expect(declined.code).toBe(2);
    expect(declined.stderr).toContain('Nothing was removed: the user keeps every device.');
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
  });

  it('reset refuses to remove every device of the caller\'s own user (a lock-out), and names --replace', async () => {
    const { old } = await aliceEnrolled();
    const result = await runCli(['reset', '--profile', 'alice', '--user', 'alice', '--all', '--yes', ...base()], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Refusing to remove every MFA device of alice');
    expect(result.stderr).toContain('mfa-onboard --profile alice --replace');
    expect(await devices()).toEqual({ mine: [old.serial], orphans: [] });
  });

  it('reset of a user that does not exist says so', async () => {
    await adminProfile();
    const result = await runCli(['reset', '--profile', 'admin', '--user', 'nobody', '--all', '--yes', ...base()], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no IAM user nobody in account 123456789012');
  });

  it('an administrator enrols a hire without her keys: the device is hers, and nothing of hers is written locally', async () => {
    await createUserWithKey(world.moto, 'bob');
    await adminProfile();
    const clock = fakeClock();
    const prompter = scriptedPrompter([scanned, code(phone(serialOf('bob'), clock)), code(phone(serialOf('bob'), clock))]);
    const result = await runCli(['--profile', 'admin', '--user', 'bob', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.stderr).toContain('Acting for bob (arn:aws:iam::123456789012:user/bob)');
    expect(result.code).toBe(0);
    expect(await devices('bob')).toEqual({ mine: [serialOf('bob')], orphans: [] });
    const { credentialsFile, configFile } = await config();
    expect(Object.keys(credentialsFile)).toEqual(['admin']);
    expect(Object.keys(configFile)).toEqual([]);
  });

  it('after an administrator enrolled a hire without her keys, she gets her session on her own computer: her keys, one code', async () => {
    const key = await createUserWithKey(world.moto, 'bob');
    await adminProfile();
    const clock = fakeClock();
    const enrol = scriptedPrompter([scanned, code(phone(serialOf('bob'), clock)), code(phone(serialOf('bob'), clock))]);
    expect((await runCli(['--profile', 'admin', '--user', 'bob', ...base()], { env: world.box.env, clock, prompter: enrol })).code).toBe(0);
    enrol.assertDone();
    // Bob's computer: another HOME, his keys and his device in his profile; the next window's code (AWS takes each once).
    const bobs = await makeSandbox();
    try {
      await fs.mkdir(`${bobs.home}/.aws`, { mode: 0o700 });
      await fs.writeFile(bobs.credentialsFile, `[bob]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`, { mode: 0o600 });
      await fs.writeFile(bobs.configFile, `[profile bob]\nregion = us-east-1\nmfa_serial = ${serialOf('bob')}\n`, { mode: 0o600 });
      clock.advance(30_000);
      const seed = await seedOf(serialOf('bob'));
      const day = await runCli(['session', '--profile', 'bob', '--codes-from-stdin', '--endpoint-url', world.moto.url], { env: bobs.env, clock, stdin: `${codeAt(seed, counterAt(clock.now()))}\n` });
      expect(day.code).toBe(0);
      expect(day.stderr).not.toContain(key.secretAccessKey);
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'bob-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], { env: bobs.env });
      expect(JSON.parse(stdout).Account).toBe('123456789012');
      expect(await listDevices(world.moto)).toEqual([{ serialNumber: serialOf('bob'), user: 'bob', seed }]);
    } finally {
      await bobs.cleanup();
    }
  });

  it('an administrator\'s endpoint from AWS_ENDPOINT_URL, not --endpoint-url: what the hire runs on her own computer (no such variable there) carries it', async () => {
    const key = await createUserWithKey(world.moto, 'bob');
    await adminProfile();
    const csv = await world.box.write('bob_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const prompter = scriptedPrompter([scanned, code(phone(serialOf('bob'), clock)), code(phone(serialOf('bob'), clock)), code(phone(serialOf('bob'), clock))]);
    const result = await runCli([csv, '--profile', 'admin', '--user', 'bob', '--region', 'eu-west-1', ...png()], { env: { ...world.box.env, AWS_ENDPOINT_URL: world.moto.url }, clock, prompter });
    prompter.assertDone();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`bob runs\\s+mfa-onboard bob_accessKeys\\.csv --endpoint-url ${world.moto.url.replace(/\./g, '\\.')}\n`));
  });

  it('issue 22: an administrator enrols a hire with her CSV: the session is checked in memory, nothing of hers is written, the CSV is handed over; on her own computer one code sets her up', async () => {
    const key = await createUserWithKey(world.moto, 'bob');
    await adminProfile();
    const csv = await world.box.write('bob_accessKeys.csv', consoleCsv(key));
    const before = await fs.readFile(world.box.credentialsFile, 'utf8');
    const clock = fakeClock();
    // No question about deleting the CSV: the prompter fails on any prompt it was not given.
    const prompter = scriptedPrompter([scanned, code(phone(serialOf('bob'), clock)), code(phone(serialOf('bob'), clock)), code(phone(serialOf('bob'), clock))]);
    const result = await runCli([csv, '--profile', 'admin', '--user', 'bob', '--region', 'eu-west-1', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.code).toBe(0);
    expect(await devices('bob')).toEqual({ mine: [serialOf('bob')], orphans: [] });
    // The administrator's files: exactly as they were; no config file made.
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toBe(before);
    await expect(fs.stat(world.box.configFile)).rejects.toThrow();
    expect(result.stderr).toContain('The MFA session works');
    expect(result.stderr).toMatch(/Checked +a session with bob's keys and this device works/);
    expect(result.stderr).toContain(`give ${csv} to bob (in person, or however your organisation moves secrets), then delete it here`);
    expect(result.stderr).toMatch(/bob runs\s+mfa-onboard bob_accessKeys\.csv --endpoint-url \S+\n/);
    expect(result.stderr).not.toMatch(/Every day|Saved the|Recorded the device|Delete .*bob_accessKeys/);
    expect(result.stderr).not.toContain(key.secretAccessKey);
    expect(await fs.readFile(csv, 'utf8')).toBe(consoleCsv(key));

    // bob, on his own computer (another HOME) with the CSV: one code from the phone.
    const own = await makeSandbox();
    try {
      const handed = await own.write('bob_accessKeys.csv', consoleCsv(key));
      const later = fakeClock();
      const bobs = scriptedPrompter([code(phone(serialOf('bob'), later)), { flag: '--backup', answer: false }, { flag: '--delete-csv / --keep-csv', answer: true }]);
      const picked = await runCli([handed, '--profile', 'bob', '--region', 'eu-west-1', ...base()], { env: own.env, clock: later, prompter: bobs });
      bobs.assertDone();
      expect(picked.code).toBe(0);
      expect(picked.stderr).toContain(`bob has an MFA device already: ${serialOf('bob')}`);
      const files = await loadSharedConfigFiles({ filepath: own.credentialsFile, configFilepath: own.configFile, ignoreCache: true });
      expect(files.credentialsFile.bob).toMatchObject({ aws_access_key_id: key.accessKeyId, aws_secret_access_key: key.secretAccessKey });
      expect(files.credentialsFile['bob-mfa']).toMatchObject({ aws_session_token: expect.any(String), mfa_onboard_serial: serialOf('bob'), mfa_onboard_source_profile: 'bob' });
      expect(files.configFile.bob).toMatchObject({ mfa_serial: serialOf('bob'), region: 'eu-west-1' });
      await expect(fs.stat(handed)).rejects.toThrow();
      expect(await devices('bob')).toEqual({ mine: [serialOf('bob')], orphans: [] });
      expect(picked.stderr).not.toContain(key.secretAccessKey);
    } finally {
      await own.cleanup();
    }
  });

  it.each([['--session-profile', 'bob-mfa'], ['--export', 'sh'], ['--delete-csv']])('issue 22: admin mode refuses %s before anything is created: nothing of the hire\'s is kept or deleted here', async (flag, ...value) => {
    const key = await createUserWithKey(world.moto, 'bob');
    await adminProfile();
    const csv = await world.box.write('bob_accessKeys.csv', consoleCsv(key));
    const result = await runCli([csv, '--profile', 'admin', '--user', 'bob', flag, ...value, ...base()], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${flag} is about the hire's own session or CSV, and an administrator keeps nothing of the hire's`);
    expect(await listDevices(world.moto)).toEqual([]);
    await expect(fs.stat(csv)).resolves.toBeTruthy();
  });

  it('issue 22: a hire with two devices picks up the one on her phone: asked which, or --mfa-serial; one not hers is refused, naming hers', async () => {
    const key = await createUserWithKey(world.moto, 'bob');
    const phoneDevice = await enrolledDevice(world.moto, 'bob', 'bob');
    const spare = await enrolledDevice(world.moto, 'bob', 'bob-spare');
    const csv = await world.box.write('bob_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const asked = scriptedPrompter([
      { flag: '--mfa-serial', answer: (message) => (expect(message).toContain('You have 2 MFA devices. Which one is on your phone?'), phoneDevice.serial) },
      code(async () => codeAt(phoneDevice.seed, counterAt(clock.now()))),
    ]);
    const result = await runCli([csv, '--profile', 'bob', '--region', 'eu-west-1', '--keep-csv', ...base()], { env: world.box.env, clock, prompter: asked });
    asked.assertDone();
    expect(result.code).toBe(0);
    expect((await config()).configFile.bob).toMatchObject({ mfa_serial: phoneDevice.serial });

    const wrong = await runCli([csv, '--profile', 'bob2', '--mfa-serial', serialOf('carol'), '--region', 'eu-west-1', '--keep-csv', ...base()], { env: world.box.env, clock: fakeClock(), prompter: scriptedPrompter([]) });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`${serialOf('carol')} is not one of this user's MFA devices (${phoneDevice.serial}, ${spare.serial}). Pass one of those with --mfa-serial.`);
    const flagged = await runCli([csv, '--profile', 'bob3', '--mfa-serial', spare.serial, '--region', 'eu-west-1', '--keep-csv', ...base()], {
      env: world.box.env,
      clock,
      prompter: scriptedPrompter([code(async () => codeAt(spare.seed, counterAt(clock.now()) + 1))]),
    });
    expect(flagged.code).toBe(0);
    expect((await config()).configFile.bob3).toMatchObject({ mfa_serial: spare.serial });
  });

  it('an administrator given someone else\'s CSV for the hire is stopped before anything is created', async () => {
    await createUserWithKey(world.moto, 'bob');
    const carol = await createUserWithKey(world.moto, 'carol');
    await adminProfile();
    const csv = await world.box.write('carol_accessKeys.csv', consoleCsv(carol));
    const result = await runCli([csv, '--profile', 'admin', '--user', 'bob', '--keep-csv', ...base()], { env: world.box.env, clock: fakeClock() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('belong to arn:aws:iam::123456789012:user/carol, not to bob');
    expect(await listDevices(world.moto)).toEqual([]);
  });

  it('an administrator replacing a hire\'s device: the new one first, then the old one, with the admin\'s keys', async () => {
    await createUserWithKey(world.moto, 'bob');
    const old = await enrolledDevice(world.moto, 'bob', 'bob');
    await adminProfile();
    const clock = fakeClock();
    const newSerial = serialOf(replacementName('bob', [], clock.now()));
    const prompter = scriptedPrompter([{ flag: '--replace', answer: 'replace' }, scanned, code(phone(newSerial, clock)), code(phone(newSerial, clock))]);
    const result = await runCli(['--profile', 'admin', '--user', 'bob', ...base()], { env: world.box.env, clock, prompter });
    prompter.assertDone();
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Removed the MFA device ${old.serial} from bob`);
    expect(await devices('bob')).toEqual({ mine: [newSerial], orphans: [] });
  });
});
