import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { useFaultedWizard } from '../helpers/lost-answers.js';
import { consoleCsv, createUserWithKey, listDevices } from '../helpers/moto.js';
import { scriptedPrompter } from '../helpers/prompter.js';
import { runCli } from '../helpers/run.js';

/**
 * Issue 14, group 1 and group 8 (ListAccountAliases, Ctrl-C after enabling): a proxy in
 * front of moto breaks chosen calls before or after moto has carried them out. Each test
 * states its figures: exit code, devices left unassigned (orphans), files left. The matrix of
 * every call × fault is in fault-matrix-*.test.ts.
 */
describe('AWS did it, the answer was lost: the wizard finishes, leaves no orphan', () => {
  const wizard = useFaultedWizard();
  const { world, seedOf, args, run, config, orphans } = wizard;

  for (const fault of ['reset', '500'] as const) {
    it(`EnableMFADevice done but its answer lost (${fault} after moto, once): IAM is asked, the run finishes — exit 0, 0 orphans`, async () => {
      const result = await run([{ action: 'EnableMFADevice', fault, when: 'after', times: 1 }]);
      expect(wizard.proxy.faulted.EnableMFADevice).toBe(1);
      // The SDK retried; moto said EntityAlreadyExists; the wizard asked IAM and carried on.
      expect(wizard.proxy.seen.EnableMFADevice).toBe(2);
      expect(result.stderr).toContain('The answer to enabling arn:aws:iam::123456789012:mfa/alice was lost on the way back, but IAM lists the device as enabled');
      expect(result.stderr).not.toContain('already enabled');
      expect(result.code).toBe(0);
      const { configFile, credentialsFile } = await config();
      expect(configFile.alice).toMatchObject({ mfa_serial: 'arn:aws:iam::123456789012:mfa/alice' });
      expect(configFile.alice).not.toHaveProperty('mfa_onboard_enrolling');
      expect(credentialsFile['alice-mfa']).toHaveProperty('aws_session_token');
      expect(await orphans()).toHaveLength(0);
    });
  }

  it('EnableMFADevice done and every answer lost (500 after moto, all 3 tries): IAM is asked, the run finishes — exit 0', async () => {
    const result = await run([{ action: 'EnableMFADevice', fault: '500', when: 'after' }]);
    expect(wizard.proxy.faulted.EnableMFADevice).toBe(3);
    expect(result.code).toBe(0);
    expect((await config()).configFile.alice).toMatchObject({ mfa_serial: 'arn:aws:iam::123456789012:mfa/alice' });
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
  });

  it('EnableMFADevice refused before moto (500, all tries): not enabled, so the device is deleted — exit 1, 0 devices, PNG removed', async () => {
    const result = await run([{ action: 'EnableMFADevice', fault: '500', when: 'before' }]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('InternalFailure');
    expect(await listDevices(world.moto)).toHaveLength(0);
    await expect(fs.stat(`${world.box.dir}/qr.png`)).rejects.toThrow();
    expect((await config()).configFile.alice ?? {}).not.toHaveProperty('mfa_onboard_enrolling');
  });

  it('the rollback\'s delete done but its answer lost (reset after moto, once): the retry\'s NoSuchEntity counts as removed — exit 1, 0 devices', async () => {
    const result = await run([
      { action: 'EnableMFADevice', fault: '500', when: 'before' },
      { action: 'DeleteVirtualMFADevice', fault: 'reset', when: 'after', times: 1 },
    ]);
    expect(wizard.proxy.seen.DeleteVirtualMFADevice).toBe(2);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Removed the unfinished device arn:aws:iam::123456789012:mfa/alice');
    expect(result.stderr).not.toContain('Could not remove');
    expect(await listDevices(world.moto)).toHaveLength(0);
  });

  it('issue 20, 2.6: Ctrl-C while CreateVirtualMFADevice stalls says at once that it waits for the answer and for how long, then stops — exit 2, 0 devices', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    // AWS makes the device; its answer never comes (the SDK's next try meets the device made).
    wizard.proxy.setRules([{ action: 'CreateVirtualMFADevice', fault: 'stall', when: 'after', times: 1 }]);
    const controller = new AbortController();
    const seen = (async () => {
      while (!wizard.proxy.seen.CreateVirtualMFADevice) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
    })();
    const result = await runCli(args(csv), { env: world.box.env, clock: fakeClock(), signal: controller.signal, patience: { slowMs: 10_000, attemptMs: 300 } });
    await seen;
    expect(result.stderr).toMatch(/Stopping\. Waiting first for AWS's answer to iam:CreateVirtualMFADevice, so that nothing is left half-done: at most 1 s\. Ctrl-C again stops at once/);
    expect(result.stderr).not.toContain('Something unexpected');
    // The device AWS made is removed, and no other is made while stopping.
    expect(result.stderr).toContain('Removed the unfinished device arn:aws:iam::123456789012:mfa/alice');
    expect(result.stderr).not.toContain('Created virtual MFA device');
    expect(result.code).toBe(2);
    expect(await listDevices(world.moto)).toHaveLength(0);
  });

  it('CreateVirtualMFADevice done and every answer lost (500 after moto, all tries): it is taken back — exit 1, 0 orphans', async () => {
    const result = await run([{ action: 'CreateVirtualMFADevice', fault: '500', when: 'after' }]);
    expect(wizard.proxy.faulted.CreateVirtualMFADevice).toBe(3);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('AWS created arn:aws:iam::123456789012:mfa/alice, but its answer (with the device\'s key) was lost on the way back: deleted it again.');
    expect(await listDevices(world.moto)).toHaveLength(0);
  });

  it('CreateVirtualMFADevice done, the first answer lost (reset after moto, once): the retry finds it, replaces it, enrols — exit 0, 0 orphans', async () => {
    // Three creates: the lost one, the retry (EntityAlreadyExists), and the one after deleting it.
    const result = await run([{ action: 'CreateVirtualMFADevice', fault: 'reset', when: 'after', times: 1 }], { creates: 3 });
    expect(wizard.proxy.seen.CreateVirtualMFADevice).toBe(3);
    expect(result.code).toBe(0);
    // Issue 20, 2.5: what happened is said (this run's first answer lost), not "an earlier attempt".
    expect(result.stderr).toContain('The answer to creating arn:aws:iam::123456789012:mfa/alice was lost on the way back, and the retry found the device AWS had made');
    expect(result.stderr).not.toContain('from an earlier attempt');
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
  });

  for (const fault of ['500', 'throttle'] as const) {
    it(`ListAccountAliases failing (${fault}, every try) does not stop the enrolment: the label is the account id — exit 0`, async () => {
      const result = await run([{ action: 'ListAccountAliases', fault, when: 'before' }]);
      expect(wizard.proxy.faulted.ListAccountAliases).toBe(3);
      expect(result.code).toBe(0);
      expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
    });
  }

  it('a run that stops after the device is enabled (stdin ends before the session code) is finished by the next run: one code, the session saved — exit 1 then 0', async () => {
    const first = await run([], { codes: 2, end: true });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('is enabled and recorded as mfa_serial');
    expect((await config()).configFile.alice).toMatchObject({
      mfa_serial: 'arn:aws:iam::123456789012:mfa/alice',
      mfa_onboard_enrolling: 'arn:aws:iam::123456789012:mfa/alice',
    });
    // Issue 20, 2.4: status says so, and what the next run does.
    const status = await runCli(['status', '--profile', 'alice', '--endpoint-url', wizard.proxy.url], { env: world.box.env });
    expect(status.stderr).toMatch(/Under way\s+enrolling arn:aws:iam::123456789012:mfa\/alice: enabled, no session saved yet/);
    expect(status.stderr).toContain('The next run asks one code from that device and saves the session:\n    mfa-onboard --profile alice');
    // The next run: the user's only device is the one this computer was enrolling.
    const clock = fakeClock();
    const seed = (await seedOf('alice'))!;
    const again = await runCli(['--profile', 'alice', '--endpoint-url', wizard.proxy.url, '--codes-from-stdin'], {
      env: world.box.env,
      clock,
      stdin: `${codeAt(seed, counterAt(clock.now()) + 3)}\n`,
    });
    expect(again.stderr).toContain('An earlier run on this computer enabled arn:aws:iam::123456789012:mfa/alice for alice but saved no session');
    expect(again.stderr).not.toContain('already has');
    expect(again.code).toBe(0);
    const { configFile, credentialsFile } = await config();
    expect(configFile.alice).toMatchObject({ mfa_serial: 'arn:aws:iam::123456789012:mfa/alice' });
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_enrolling');
    expect(credentialsFile['alice-mfa']).toMatchObject({ mfa_onboard_serial: 'arn:aws:iam::123456789012:mfa/alice' });
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
  });

  it('Ctrl-C after the device is enabled says what is done (not "nothing was left half-done"), and the next run finishes — exit 2 then 0', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const clock = fakeClock();
    const code = async () => codeAt((await seedOf('alice'))!, counterAt(clock.now()));
    const prompter = scriptedPrompter([
      { flag: '--yes', answer: 'continue' },
      { flag: '--codes-from-stdin', answer: code },
      { flag: '--codes-from-stdin', answer: code },
      {
        flag: '--codes-from-stdin',
        answer: () => {
          throw new CancelledError();
        },
      },
    ]);
    const first = await runCli(args(csv).filter((a) => a !== '--codes-from-stdin'), { env: world.box.env, clock, prompter });
    expect(first.code).toBe(2);
    expect(first.stderr).not.toContain('Nothing was left half-done');
    expect(first.stderr).toContain('The MFA device arn:aws:iam::123456789012:mfa/alice is enabled and recorded');
    expect(first.stderr).toContain('Run the same command again: it carries on from where this run stopped.');
    prompter.assertDone();
    // (Also refreshes the SDK's in-process cache of the files, which a new process would not have.)
    expect((await config()).configFile.alice).toMatchObject({ mfa_onboard_enrolling: 'arn:aws:iam::123456789012:mfa/alice' });
    const again = await runCli(['--profile', 'alice', '--endpoint-url', wizard.proxy.url, '--codes-from-stdin'], {
      env: world.box.env,
      clock,
      stdin: `${await code()}\n`,
    });
    expect(again.code).toBe(0);
    expect((await config()).credentialsFile['alice-mfa']).toHaveProperty('aws_session_token');
  });
});
