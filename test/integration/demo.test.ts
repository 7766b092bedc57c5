import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterAt } from '../../src/totp/totp.js';
import { fakeClock } from '../helpers/clock.js';
import { phoneOnPng } from '../helpers/phone.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

/**
 * `mfa-onboard demo` from start to end as a newcomer runs it, in-process on the fake clock:
 * a phone scans the QR PNG and types its codes, the demo's HOME and emulator go at the end.
 * (The demo in a real terminal, Ctrl-C at its QR code, is setup.e2e's.)
 */
describe('mfa-onboard demo, start to end', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(() => box.cleanup());

  async function runDemo(args: string[], env: NodeJS.ProcessEnv) {
    const clock = fakeClock();
    const png = join(box.dir, 'qr.png');
    const stdin = new PassThrough();
    const phone = phoneOnPng(png, stdin, counterAt(clock.now()), 3);
    const result = await runCli(['demo', ...args, '--yes', '--codes-from-stdin', '--qr-png', png], { env, clock, stdin }).finally(() => phone.stop());
    const text = result.stderr.replace(/\s*\r?\n\s*/g, ' ');
    expect(text).toContain('Done: alice is protected by MFA');
    expect(text).toContain('Stopped the emulator');
    expect(result.code).toBe(0);
    // Issue 23 item 10: nothing offered to run that needs the emulator or the HOME that are gone;
    // what to try next works after the demo.
    const summary = result.stderr.slice(result.stderr.indexOf('Done: alice is protected by MFA'));
    expect(summary).not.toContain('--endpoint-url http://127.0.0.1');
    expect(summary).not.toContain('Try it');
    expect(summary).toMatch(/\n {4}mfa-onboard emulator\n/);
    const demoDir = /HOME is (\S+?)\./.exec(text)?.[1];
    expect(demoDir).toBeTruthy();
    await expect(fs.stat(demoDir!)).rejects.toThrow(); // removed at the end
    await expect(fs.stat(join(box.home, '.aws'))).rejects.toThrow(); // the person's HOME untouched
    return text;
  }

  it('runs on its embedded emulator where PATH has no python3 at all, and names user/alice', async () => {
    const emptyPath = join(box.dir, 'bin');
    await fs.mkdir(emptyPath);
    const text = await runDemo([], { ...box.env, PATH: emptyPath });
    expect(text).toContain('Starting the embedded AWS emulator');
    expect(text).toMatch(/The MFA session works: arn:aws:iam::123456789012:user\/alice,/);
    expect(text).not.toMatch(/user\/moto|fixed identity/);
  }, 30_000);

  it('--emulator moto runs the same wizard on moto (which names its fixed user)', async () => {
    const text = await runDemo(['--emulator', 'moto'], box.env);
    expect(text).toContain('Starting the emulator (moto)');
    expect(text).toContain('user/moto');
    expect(text).toMatch(/fixed identity/);
  }, 60_000);
});
