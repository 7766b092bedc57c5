import { promises as fs } from 'node:fs';
import { PassThrough } from 'node:stream';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { t } from '../../src/ui/messages/index.js';
import { fakeClock } from '../helpers/clock.js';
import { faultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { runCli } from '../helpers/run.js';
import { useEmbeddedWorld } from '../helpers/embedded-world.js';

/** The wizard against the embedded emulator, in-process, sharing one fake clock with it. */
describe('the wizard on the embedded emulator (what a rehearsal shows)', () => {
  const world = useEmbeddedWorld();

  /** Once the device exists, the phone's codes for `count` consecutive windows from now on stdin. */
  function phoneOnStdin(clock: ReturnType<typeof fakeClock>, count: number) {
    const stdin = new PassThrough();
    const start = counterAt(clock.now());
    const timer = setInterval(() => {
      const device = [...(world.emulator?.state.devices.values() ?? [])][0];
      if (!device) return;
      clearInterval(timer);
      stdin.write(Array.from({ length: count }, (_, i) => codeAt(device.seed, start + i)).join('\n') + '\n');
    }, 20);
    return { stdin, start, stop: () => clearInterval(timer) };
  }

  const wizard = (csv: string, url: string) => [csv, '--endpoint-url', url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', '--codes-from-stdin', '--qr-png', `${world.box.dir}/qr.png`];

  it('enrols alice; the session check names user/alice, with no warning about another identity', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock);
    const phone = phoneOnStdin(clock, 3);
    const result = await runCli(wizard(csv, emulator.url), { env: world.box.env, clock, stdin: phone.stdin });
    phone.stop();
    expect(result.stderr).toContain('arn:aws:iam::123456789012:user/alice');
    expect(result.stderr).not.toContain('user/moto');
    expect(result.stderr).not.toMatch(/differ|another identity/i);
    expect(result.code).toBe(0);
    const device = [...emulator.state.devices.values()][0]!;
    expect(device.userName).toBe('alice');
    // The last code the device accepted is the session's, the one after enabling's two.
    expect(device.lastCounter).toBe(phone.start + 2);
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toMatch(/\[alice-mfa\]\naws_access_key_id = ASIA/);
  });

  it('rehearsed eventual consistency: STS refuses the new device, the wizard says so, waits and asks a fresh code', async () => {
    const clock = fakeClock();
    // Longer than the wizard's wait for a fresh code after enabling (up to a window).
    const { emulator, csv } = await world.aliceOn(clock, { consistencyDelayMs: 40_000 });
    const phone = phoneOnStdin(clock, 4);
    const result = await runCli(wizard(csv, emulator.url), { env: world.box.env, clock, stdin: phone.stdin });
    phone.stop();
    expect(result.stderr).toContain(t('session.notYetValid'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('arn:aws:iam::123456789012:user/alice');
  });

  it('a rehearsed throttling of EnableMFADevice: the wizard stops with AWS\'s refusal and removes the unfinished device', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock, { faults: [{ action: 'EnableMFADevice', kind: 'throttle' }] });
    const phone = phoneOnStdin(clock, 3);
    const result = await runCli(wizard(csv, emulator.url), { env: world.box.env, clock, stdin: phone.stdin });
    phone.stop();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Rate exceeded/);
    expect(result.stderr).toContain(t('rollback.removed', { serial: 'arn:aws:iam::123456789012:mfa/alice' }));
    expect(emulator.state.devices.size).toBe(0);
  }, 30_000);
});

describe('mfa-onboard demo: the emulator flags', () => {
  const world = useEmbeddedWorld();

  it.each([
    [['--emulator', 'docker'], t('demo.badEmulator', { value: 'docker' })],
    [['--emulator-url', 'not a url'], t('cli.badEndpoint', { name: '--emulator-url', value: 'not a url' })],
    [['--emulator', 'moto', '--emulator-url', 'http://127.0.0.1:5000'], t('cli.conflict', { a: '--emulator', b: '--emulator-url' })],
    [['--emulator', 'moto', '--rehearse-consistency', '8s'], t('demo.rehearsalNeedsEmbedded')],
    [['--emulator-url', 'http://127.0.0.1:5000', '--rehearse-fault', 'EnableMFADevice=throttle'], t('demo.rehearsalNeedsEmbedded')],
    [['--rehearse-consistency', 'soon'], t('duration.invalid', { value: 'soon', flag: '--rehearse-consistency' })],
  ])('refuses %j before starting anything', async (flags, message) => {
    const result = await runCli(['demo', ...flags], { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain(t('demo.heading'));
  });

  it('--rehearse-fault reaches the embedded emulator: the wizard meets the throttling, then the demo stops it', async () => {
    const flags = ['demo', '--rehearse-fault', 'sts:GetCallerIdentity=throttle', '--rehearse-consistency', '40s', '--yes', '--codes-from-stdin', '--qr-png', `${world.box.dir}/qr.png`];
    const result = await runCli(flags, { env: world.box.env, stdin: '' });
    expect(result.stderr).toContain(t('demo.rehearseFault', { action: 'GetCallerIdentity', kind: 'throttle' }));
    expect(result.stderr).toContain(t('demo.rehearseConsistency', { seconds: 40 }));
    expect(result.stderr).toMatch(/Rate exceeded/);
    expect(result.stderr).toContain(t('demo.stopped'));
    expect(result.code).toBe(1);
  }, 30_000);

  it('refuses a fault on a call the emulator does not make, naming the ones it does', async () => {
    const result = await runCli(['demo', '--rehearse-fault', 'DeleteBucket=throttle'], { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--rehearse-fault DeleteBucket=throttle is not ACTION=KIND: ACTION is one of .*EnableMFADevice.*GetSessionToken/);
  });

  it('--emulator moto without python3 and moto says how to run the demo instead', async () => {
    const empty = await world.box.write('bin', '');
    await fs.rm(empty);
    await fs.mkdir(empty);
    const result = await runCli(['demo', '--emulator', 'moto'], { env: { ...world.box.env, PATH: empty } });
    expect(result.code).toBe(1);
    // The check to try stands whole on its own line; the prose around it hangs under the paragraph.
    for (const part of t('demo.noMoto').split('\n')) expect(result.stderr).toContain(part);
  });
});

/**
 * Review finding: when IAM cannot say whether the device got enabled (EnableMFADevice's answer
 * lost, and ListMFADevices failing too), the delete's DeleteConflict is its answer: the device
 * is kept, the marker stays, and the next run finishes the enrolment. (moto deletes an assigned
 * device without complaint, so this needs the embedded emulator, which refuses as IAM does.)
 */
describe('an enabled device whose state IAM could not tell', () => {
  const world = useEmbeddedWorld();
  let proxy: FaultProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('EnableMFADevice done with every answer lost, ListMFADevices failing: kept on DeleteConflict, the next run finishes — exit 1 then 0, 1 device', async () => {
    const clock = fakeClock();
    const { emulator, csv } = await world.aliceOn(clock);
    proxy = await faultProxy(emulator.url);
    const codes = (count: number, from = counterAt(clock.now())) => {
      const stdin = new PassThrough();
      const timer = setInterval(() => {
        const device = [...emulator.state.devices.values()][0];
        if (!device) return;
        clearInterval(timer);
        stdin.end(Array.from({ length: count }, (_, i) => codeAt(device.seed, from + i)).join('\n') + '\n');
      }, 20);
      return stdin;
    };
    const args = [csv, '--endpoint-url', proxy.url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv', '--codes-from-stdin', '--show-secret'];
    const patience = { slowMs: 100, attemptMs: 300 };

    // ListMFADevices answers 500 from the moment the device exists (the pre-flight before it still works).
    let listsBefore = 0;
    proxy.setRules([{ action: 'EnableMFADevice', fault: '500', when: 'after' }]);
    const watch = setInterval(() => {
      if (emulator.state.devices.size > 0 && listsBefore === 0) {
        listsBefore = 1;
        proxy!.setRules([
          { action: 'EnableMFADevice', fault: '500', when: 'after' },
          { action: 'ListMFADevices', fault: '500', when: 'before' },
        ]);
      }
    }, 10);
    const first = await runCli(args, { env: world.box.env, clock, stdin: codes(2), patience });
    clearInterval(watch);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('arn:aws:iam::123456789012:mfa/alice');
    expect(first.stderr).not.toContain('Removed the unfinished device');
    const devices = [...emulator.state.devices.values()];
    expect(devices).toHaveLength(1);
    expect(await fs.readFile(world.box.configFile, 'utf8')).toContain('mfa_onboard_enrolling = arn:aws:iam::123456789012:mfa/alice');

    proxy.setRules([]);
    clock.advance(60_000);
    // The SDK caches the files in this process (a new process would read them afresh).
    await loadSharedConfigFiles({ filepath: world.box.credentialsFile, configFilepath: world.box.configFile, ignoreCache: true });
    const second = await runCli(['--profile', 'alice', '--region', 'us-east-1', '--endpoint-url', proxy.url, '--codes-from-stdin'], { env: world.box.env, clock, stdin: codes(1), patience });
    expect(second.stderr).toContain('Saved the session as profile alice-mfa');
    expect(second.code).toBe(0);
    const config = await fs.readFile(world.box.configFile, 'utf8');
    expect(config).toContain('mfa_serial = arn:aws:iam::123456789012:mfa/alice');
    expect(config).not.toContain('mfa_onboard_enrolling');
  });
});
