import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleCsv, createUserWithKey, listDevices } from '../helpers/moto.js';
import { enableWithPhone, messagePattern } from '../helpers/phone.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);

/** Issue 14, group 8: Ctrl-C once the device is enabled, in a real terminal, with the built CLI. */
describe('Ctrl-C after the device is enabled', () => {
  const world = useMotoWorld();
  const screens: Screen[] = [];
  afterEach(() => {
    for (const screen of screens.splice(0)) screen.kill();
  });

  it('says what is done (exit 2), and the next run asks for one code and finishes (exit 0): 1 device, 0 orphans', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const first = new Screen([csv, '--endpoint-url', world.moto.url, '--keep-csv'], world.box.env);
    screens.push(first);
    let at = await first.waitFor('Profile name for these keys');
    first.answer('');
    at = await first.waitFor('Default region for profile alice', at);
    first.answer('');
    const enabled = await enableWithPhone(first, at);
    // Enabled; the wizard now waits (a countdown, outside a prompt) for a code never used.
    await first.waitFor(messagePattern('en', 'session.heading'), enabled.at);
    first.interrupt();
    expect(await first.exited).toBe(2);
    expect(first.plain()).toContain('The MFA device arn:aws:iam::123456789012:mfa/alice is enabled and recorded');
    expect(first.plain()).toContain('Run the same command again: it carries on from where this run stopped.');
    expect(first.plain()).not.toContain('Nothing was left half-done');

    const second = new Screen(['--profile', 'alice', '--endpoint-url', world.moto.url], world.box.env);
    screens.push(second);
    at = await second.waitFor('An earlier run on this computer enabled arn:aws:iam::123456789012:mfa/alice');
    await second.waitFor(messagePattern('en', 'session.askCodeFor'), at);
    second.answer(enabled.phone.code(enabled.k + 1)); // the phone's next code: within the window of drift the wizard accepts
    await second.waitFor('Add a backup device now?', at); // issue 21: not now
    second.answer('');
    expect(await second.exited).toBe(0);
    expect(second.plain()).not.toContain('already has');

    const { configFile, credentialsFile } = await loadSharedConfigFiles({
      filepath: world.box.credentialsFile,
      configFilepath: world.box.configFile,
      ignoreCache: true,
    });
    expect(configFile.alice).toMatchObject({ mfa_serial: 'arn:aws:iam::123456789012:mfa/alice' });
    expect(configFile.alice).not.toHaveProperty('mfa_onboard_enrolling');
    expect(await listDevices(world.moto)).toMatchObject([{ user: 'alice' }]);
    expect(credentialsFile['alice-mfa']?.aws_session_token).toBeTruthy();
    // The real aws CLI uses the session the second run saved.
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], {
      env: world.box.env,
    });
    expect(JSON.parse(stdout).Account).toBe('123456789012');
  }, 120_000);
});
