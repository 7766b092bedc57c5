import { promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { describe, expect, it } from 'vitest';
import type { VirtualDevice } from '../../src/emulator/embedded/state.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { t } from '../../src/ui/messages/index.js';
import { CancelledError } from '../../src/errors.js';
import { fakeClock } from '../helpers/clock.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';
import { useEmbeddedWorld } from '../helpers/embedded-world.js';

const PHONE = 'arn:aws:iam::123456789012:mfa/alice';
const BACKUP = 'arn:aws:iam::123456789012:mfa/alice-backup';

/**
 * A backup device, and recovery with it (issue 21): the wizard against the embedded
 * emulator in-process, on one fake clock, since moto accepts any code.
 */
describe('a backup device, and a lost phone replaced with it', () => {
  const world = useEmbeddedWorld();

  const device = (serial: string): VirtualDevice | undefined => world.emulator?.state.devices.get(serial);

  /**
   * Phones reading their screens: each writes `count` codes (from the clock's window then) to
   * stdin the moment its device exists, in order: the first phone's, then the next one's.
   */
  function phonesOnStdin(clock: ReturnType<typeof fakeClock>, phones: { serial: string; count: number }[], { end = false } = {}) {
    const stdin = new PassThrough();
    const queue = [...phones];
    const timer = setInterval(() => {
      const next = queue[0];
      const seed = next && device(next.serial)?.seed;
      if (!next || !seed) return;
      queue.shift();
      const start = counterAt(clock.now());
      stdin.write(Array.from({ length: next.count }, (_, i) => codeAt(seed, start + i)).join('\n') + '\n');
      if (queue.length > 0) return;
      clearInterval(timer);
      if (end) stdin.end();
    }, 20);
    return { stdin, stop: () => clearInterval(timer) };
  }

  /**
   * NOTE: runs share this process, and the SDK caches the AWS files it read: the next run must
   * see what the last one wrote (as a new process would).
   */
  const reread = () => loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });

  let pngs = 0;
  /** The wizard's flags; each run its own QR PNG (no terminal here to draw the code on). */
  const wizard = (url: string, ...more: string[]) => ['--endpoint-url', url, '--profile', 'alice', '--region', 'us-east-1', '--codes-from-stdin', '--qr-png', `${world.box.dir}/qr${++pngs}.png`, ...more];

  it('--backup enrols the phone and a backup; AWS lists both enabled; session --mfa-serial works with the backup\'s code', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const phones = phonesOnStdin(clock, [
      { serial: PHONE, count: 3 },
      { serial: BACKUP, count: 2 },
    ]);
    const result = await runCli([csv, ...wizard(emulator.url, '--keep-csv', '--backup')], { env: world.box.env, clock, stdin: phones.stdin });
    phones.stop();
    expect(result.stderr).toContain(t('backup.enabled', { serial: BACKUP, user: 'alice' }));
    expect(result.code).toBe(0);
    expect(emulator.state.devicesOf('alice').map((d) => d.serial).sort()).toEqual([PHONE, BACKUP]);
    // The summary names both; mfa_serial stays the phone's.
    expect(result.stderr).toContain(t('summary.backupValue', { serial: BACKUP }));
    expect(result.stderr).toContain(t('summary.mfaSerialValue', { serial: PHONE }));
    expect(await fs.readFile(world.box.configFile, 'utf8')).toContain(`mfa_serial = ${PHONE}`);
    // Each QR PNG its own file; both hold a seed: 0600.
    expect((await fs.stat(`${world.box.dir}/qr1-backup.png`)).mode & 0o777).toBe(0o600);

    await reread();
    clock.advance(60_000);
    const code = codeAt(device(BACKUP)!.seed, counterAt(clock.now()));
    const session = await runCli(['session', '--profile', 'alice', '--mfa-serial', BACKUP, '--force', '--endpoint-url', emulator.url, '--codes-from-stdin'], {
      env: world.box.env,
      clock,
      stdin: `${code}\n`,
    });
    expect(session.stderr).toContain(t('session.askCodeBackup', { serial: BACKUP, name: 'alice-backup' }));
    expect(session.code).toBe(0);
    expect(device(BACKUP)!.lastCounter).toBe(counterAt(clock.now()));
  });

  it('the phone lost: --replace takes the backup\'s code, enrols the new phone, removes the lost one, keeps the backup', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const first = phonesOnStdin(clock, [
      { serial: PHONE, count: 3 },
      { serial: BACKUP, count: 2 },
    ]);
    expect((await runCli([csv, ...wizard(emulator.url, '--keep-csv', '--backup')], { env: world.box.env, clock, stdin: first.stdin })).code).toBe(0);
    first.stop();
    await reread();
    const backupSeed = device(BACKUP)!.seed;

    // The next day, the phone is gone; the backup is at hand. No administrator's keys from here.
    clock.advance(86_400_000);
    const newPhone = `arn:aws:iam::123456789012:mfa/alice-${new Date(clock.now()).toISOString().slice(0, 10).replace(/-/g, '')}`;
    const stdin = new PassThrough();
    stdin.write(`${codeAt(backupSeed, counterAt(clock.now()))}\n`);
    const rest = phonesOnStdin(clock, [{ serial: newPhone, count: 3 }]);
    rest.stdin.on('data', (chunk) => stdin.write(chunk));
    const result = await runCli(wizard(emulator.url, '--replace'), { env: world.box.env, clock, stdin });
    rest.stop();
    expect(result.stderr).toContain(t('session.askCodeBackup', { serial: BACKUP, name: 'alice-backup' }));
    expect(result.code).toBe(0);
    expect(emulator.state.devicesOf('alice').map((d) => d.serial).sort()).toEqual([BACKUP, newPhone].sort());
    expect(device(PHONE)).toBeUndefined();
    expect(await fs.readFile(world.box.configFile, 'utf8')).toContain(`mfa_serial = ${newPhone}`);
    // Not offered a backup again: the one kept is listed.
    expect(result.stderr).not.toContain(t('backup.why'));
    expect(result.stderr).toContain(t('summary.backupValue', { serial: BACKUP }));
  });

  it('a policy pinning mfa/${aws:username}: the wizard says one device is allowed, how to allow more, and ends well with one', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'user' });
    const phones = phonesOnStdin(clock, [{ serial: PHONE, count: 3 }]);
    const result = await runCli([csv, ...wizard(emulator.url, '--keep-csv', '--backup')], { env: world.box.env, clock, stdin: phones.stdin });
    phones.stop();
    expect(result.stderr).toContain('mfa-onboard policy --device-name-scope any');
    expect(result.code).toBe(0);
    expect(emulator.state.devicesOf('alice').map((d) => d.serial)).toEqual([PHONE]);
    expect(emulator.state.devices.size).toBe(1);
  });

  it('a backup that fails (codes never given) is removed; the phone stays enabled and the session saved', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const phones = phonesOnStdin(clock, [{ serial: PHONE, count: 3 }], { end: true });
    const stdin = phones.stdin;
    const result = await runCli([csv, ...wizard(emulator.url, '--keep-csv', '--backup')], { env: world.box.env, clock, stdin });
    phones.stop();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(t('rollback.removed', { serial: BACKUP }));
    expect(result.stderr).toContain(t('backup.notAdded', { user: 'alice' }));
    expect(emulator.state.devicesOf('alice').map((d) => d.serial)).toEqual([PHONE]);
    expect(device(BACKUP)).toBeUndefined();
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toMatch(/\[alice-mfa\]\naws_access_key_id = ASIA/);
  });

  it('add-backup later: a code from the phone makes the session, the backup is added on the same screens, mfa_serial stays', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const first = phonesOnStdin(clock, [{ serial: PHONE, count: 3 }]);
    const enrolled = await runCli([csv, ...wizard(emulator.url, '--keep-csv', '--no-backup')], { env: world.box.env, clock, stdin: first.stdin });
    first.stop();
    expect(enrolled.code).toBe(0);
    expect(enrolled.stderr).not.toContain(t('backup.why'));
    await reread();

    clock.advance(120_000);
    const stdin = new PassThrough();
    stdin.write(`${codeAt(device(PHONE)!.seed, counterAt(clock.now()))}\n`);
    const backup = phonesOnStdin(clock, [{ serial: BACKUP, count: 2 }]);
    backup.stdin.on('data', (chunk) => stdin.write(chunk));
    const result = await runCli(['add-backup', '--profile', 'alice', '--endpoint-url', emulator.url, '--codes-from-stdin', '--qr-png', `${world.box.dir}/later.png`], { env: world.box.env, clock, stdin });
    backup.stop();
    expect(result.stderr).toContain(t('session.askCodeFor', { serial: PHONE, name: 'alice' }));
    expect(result.stderr).toContain(t('backup.enabled', { serial: BACKUP, user: 'alice' }));
    expect(result.code).toBe(0);
    expect(emulator.state.devicesOf('alice').map((d) => d.serial).sort()).toEqual([PHONE, BACKUP]);
    expect(await fs.readFile(world.box.configFile, 'utf8')).toContain(`mfa_serial = ${PHONE}`);
    for (const seed of [device(PHONE)!.seed, device(BACKUP)!.seed]) expect(result.stderr + result.stdout).not.toContain(seed);
  });

  it('add-backup for a user with no device says to enrol first, and changes nothing', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    // Keys imported, no device: the wizard stopped at the QR code (no way to show it).
    await runCli([csv, '--endpoint-url', emulator.url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv'], { env: world.box.env, clock, stdin: '' });
    await reread();
    const result = await runCli(['add-backup', '--profile', 'alice', '--endpoint-url', emulator.url], { env: world.box.env, clock });
    expect(result.stderr).toContain(t('backup.noDevice', { user: 'alice', profile: 'alice' }));
    expect(result.code).toBe(1);
    expect(emulator.state.devices.size).toBe(0);
  });

  it('add-backup --mfa-serial naming a device that is not hers: refused, naming hers, nothing created', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const phones = phonesOnStdin(clock, [{ serial: PHONE, count: 3 }], { end: true });
    expect((await runCli([csv, ...wizard(emulator.url, '--keep-csv')], { env: world.box.env, clock, stdin: phones.stdin })).code).toBe(0);
    phones.stop();
    await reread();
    const other = 'arn:aws:iam::123456789012:mfa/bob';
    const result = await runCli(['add-backup', '--profile', 'alice', '--mfa-serial', other, '--endpoint-url', emulator.url], { env: world.box.env, clock });
    expect(result.stderr).toContain(t('replace.noSuchDevice', { serial: other, devices: PHONE, flag: '--mfa-serial' }));
    expect(result.code).toBe(1);
    expect([...emulator.state.devices.keys()]).toEqual([PHONE]);
  });

  it('the embedded emulator allows eight devices per user, as AWS does: the ninth is LimitExceeded', async () => {
    const clock = fakeClock();
    const { emulator } = await world.aliceOn(clock, { scope: 'any' });
    const iam = new IAMClient({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.admin });
    const enable = async (name: string) => {
      const serial = (await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: name }))).VirtualMFADevice!.SerialNumber!;
      const now = counterAt(clock.now());
      const seed = device(serial)!.seed;
      return iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: codeAt(seed, now - 1), AuthenticationCode2: codeAt(seed, now) }));
    };
    for (let n = 1; n <= 8; n++) await enable(`alice-${n}`);
    await expect(enable('alice-9')).rejects.toThrow(/Cannot exceed quota for MFADevicesPerUser: 8/);
    expect(emulator.state.devicesOf('alice')).toHaveLength(8);
  });

  it('Ctrl-C at the backup\'s QR code removes the backup and its PNG only: the phone, the session and mfa_serial stay (exit 2)', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const now = (serial: string) => async () => codeAt(device(serial)!.seed, counterAt(clock.now()));
    const prompter = scriptedPrompter([
      { flag: '--yes', answer: 'continue' }, // the phone scanned
      { flag: '--codes-from-stdin', answer: now(PHONE) },
      { flag: '--codes-from-stdin', answer: now(PHONE) },
      { flag: '--codes-from-stdin', answer: now(PHONE) },
      { flag: '--backup', answer: true }, // "Add a backup device now?"
      { flag: '--yes', answer: () => { throw new CancelledError(); } }, // Ctrl-C at the backup's QR
    ]);
    const args = ['--endpoint-url', emulator.url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', '--qr-png', `${world.box.dir}/qr.png`];
    const result = await runCli([csv, ...args], { env: world.box.env, clock, prompter });
    expect(result.stderr).toContain(t('backup.why'));
    expect(result.stderr).toContain(t('rollback.removed', { serial: BACKUP }));
    expect(result.stderr).toContain(t('backup.notAdded', { user: 'alice' }));
    expect(result.stderr).toContain(t('backup.cancelled'));
    expect(result.code).toBe(2);
    expect(emulator.state.devicesOf('alice').map((d) => d.serial)).toEqual([PHONE]);
    expect(device(BACKUP)).toBeUndefined();
    await expect(fs.stat(`${world.box.dir}/qr-backup.png`)).rejects.toThrow();
    await expect(fs.stat(`${world.box.dir}/qr.png`)).resolves.toBeTruthy();
    expect(await fs.readFile(world.box.configFile, 'utf8')).toContain(`mfa_serial = ${PHONE}`);
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toMatch(/\[alice-mfa\]\naws_access_key_id = ASIA/);
  });

  it('no terminal and neither --backup nor --no-backup: no question, no backup, exit 0', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { scope: 'any' });
    const phones = phonesOnStdin(clock, [{ serial: PHONE, count: 3 }], { end: true });
    const result = await runCli([csv, ...wizard(emulator.url, '--keep-csv')], { env: world.box.env, clock, stdin: phones.stdin });
    phones.stop();
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain(t('backup.why'));
    expect(result.stderr).not.toContain(t('backup.heading'));
    expect([...emulator.state.devices.keys()]).toEqual([PHONE]);
  });
});
