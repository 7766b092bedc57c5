import { execFile, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleCsv, createUserWithKey, listDevices } from '../helpers/moto.js';
import { assertNoTrace, enableWithPhone, enrolWithPhone, messagePattern } from '../helpers/phone.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../dist/bin.js');
const PHONE = 'arn:aws:iam::123456789012:mfa/alice';
const BACKUP = 'arn:aws:iam::123456789012:mfa/alice-backup';

/**
 * Issue 21: a phone and a backup in one run, two test phones reading the screen at 80×24.
 * (moto accepts any code: that the backup's codes are the ones AWS checks is
 * integration/backup.test.ts's, on the embedded emulator.)
 */
describe('a phone and a backup device, in a real terminal', () => {
  const world = useMotoWorld();
  let screen: Screen | undefined;
  afterEach(() => {
    screen?.kill();
    screen = undefined;
  });

  it('offers the backup after the session, enrols it on its own QR screen; AWS lists two devices; session --mfa-serial takes the backup', async () => {
    const key = await createUserWithKey(world.moto, 'alice');
    const csv = await world.box.write('alice_accessKeys.csv', consoleCsv(key));
    const s = (screen = new Screen([csv, '--endpoint-url', world.moto.url, '--profile', 'alice', '--region', 'us-east-1', '--keep-csv'], world.box.env, { cols: 80, rows: 24 }));
    const phone = await enrolWithPhone(s);
    let at = await s.waitFor(messagePattern('en', 'backup.ask'), phone.at, 40_000);
    // Why, in one sentence (wrapped at 80 columns).
    expect(s.plain().slice(phone.at).replace(/\s*\r?\n\s*/g, ' ')).toMatch(messagePattern('en', 'backup.why'));
    s.answer('y');
    // The second phone reads the backup's QR code from the same screen.
    const backup = await enableWithPhone(s, at);
    expect(backup.phone.secret).not.toBe(phone.phone.secret);
    expect(decodeURIComponent(backup.phone.uri.pathname)).toBe('/AWS:alice-backup@123456789012');
    expect(await s.exited).toBe(0);
    const text = s.plain();
    expect(text).toMatch(messagePattern('en', 'backup.enabled'));
    expect(text).toContain('Done: alice is protected by MFA');
    expect(text).toContain(BACKUP);
    for (const seed of [phone.phone.secret, backup.phone.secret]) assertNoTrace(s, seed);

    const devices = await listDevices(world.moto);
    expect(devices.filter((d) => d.user === 'alice').map((d) => d.serialNumber).sort()).toEqual([PHONE, BACKUP]);

    // A session with the backup (the next window's code: moto checks none).
    const child = spawn(process.execPath, [BIN, 'session', '--profile', 'alice', '--mfa-serial', BACKUP, '--force', '--codes-from-stdin', '--endpoint-url', world.moto.url], {
      env: world.box.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(`${backup.phone.code(backup.k + 1)}\n`);
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(stderr).toContain(`MFA code for ${BACKUP} (your backup device, alice-backup)`);
    expect(code).toBe(0);
    // The real aws CLI uses the session made with the backup.
    const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'alice-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], { env: world.box.env });
    expect(JSON.parse(stdout).Account).toBe('123456789012');
  }, 120_000);
});
