import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { assertNoTrace, enrolWithPhone, type Phone } from '../helpers/phone.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { Screen } from '../helpers/screen.js';

/** The day's command lines, as the demo shows them (one line each, whole at 80 columns). */
const COMMANDS = [
  'mfa-onboard policy --attach-group hires --create-group --profile admin',
  'mfa-onboard admin create-user hana --group hires --out ~ --profile admin',
  'mfa-onboard admin create-user ken --group hires --out ~ --profile admin',
  'mfa-onboard batch ~/users.csv --profile admin',
];

describe('mfa-onboard demo --admin in a real terminal at 80×24', () => {
  let box: Sandbox;
  const screens: Screen[] = [];
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(async () => {
    for (const s of screens.splice(0)) s.kill();
    await box.cleanup();
  });

  function start(args: string[] = []): Screen {
    const s = new Screen(['demo', '--admin', ...args], box.env, { cols: 80, rows: 24 });
    screens.push(s);
    onTestFailed(() => console.error(s.lines().filter((l) => l.trim()).slice(-30).join('\n')));
    return s;
  }

  /** The demo's folder and its emulator's URL, as its first lines say them. */
  function placesOf(s: Screen) {
    const text = s.plain().replace(/\s*\r?\n\s*/g, ' ');
    const url = /The emulator runs at (http:\/\/127\.0\.0\.1:\d+)\./.exec(text)?.[1];
    const home = /in this demo ~ is (\S+?)\/home,/.exec(text)?.[1];
    expect(url && home).toBeTruthy();
    return { url: url!, dir: home! };
  }

  it('runs the day to the end: each command line shown whole, each hire\'s phone scanning in turn, the reset, then how to rehearse more', async () => {
    const s = start();
    let at = await s.waitFor('Hire 1 of 2: hana', 0, 60_000);
    const { url, dir } = placesOf(s);
    // Each step's command stood whole on a line of its own (the batch clears the screen only between hires).
    for (const command of COMMANDS) expect(s.lines()).toContain(`    ${command}`);
    const phones: Phone[] = [];
    for (const user of ['hana', 'ken']) {
      at = await s.waitFor(`Ready to enrol ${user}?`, at);
      s.answer('');
      const { phone, at: after } = await enrolWithPhone(s, at);
      expect(decodeURIComponent(phone.uri.pathname)).toContain(`:${user}@`);
      phones.push(phone);
      at = await s.waitFor(`Done: ${user} is protected by MFA`, after);
      // The hire hands the keyboard back: only the administrator leaves that screen.
      at = await s.takeKeyboardBack('admin', at);
    }
    at = await s.waitFor('Batch: 2 of 2 hires enrolled', at);
    at = await s.waitFor('Step 5 of 5', at);
    at = await s.waitFor('Remove 1 device(s)', at);
    expect(s.lines()).toContain('    mfa-onboard reset --profile admin --user hana --no-enrol');
    // Removing devices is asked with No as the default: the administrator says yes.
    s.answer('y');
    at = await s.waitFor('Removed the MFA device arn:aws:iam::123456789012:mfa/hana from hana', at);
    await s.waitFor('Stopped the emulator.', at);
    expect(await s.exited).toBe(0);
    // The end says what was shown and how to rehearse more, the command whole on its line.
    expect(s.lines().join(' ')).toMatch(/Shown: the MFA policy on group hires/);
    expect(s.lines()).toContain('    mfa-onboard emulator');
    // Nothing left: the emulator, the demo's HOME (the hires' CSVs with it), a QR code or a seed on the screen.
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
    await expect(fs.stat(dir)).rejects.toThrow();
    for (const phone of phones) assertNoTrace(s, phone.secret);
    await expect(fs.stat(`${box.home}/.aws`)).rejects.toThrow();
  }, 150_000);

  it('Ctrl-C at the first hire\'s QR code stops cleanly: exit 2, the emulator stopped, the demo\'s HOME removed, how to start again', async () => {
    const s = start();
    let at = await s.waitFor('Ready to enrol hana?', 0, 60_000);
    const { url, dir } = placesOf(s);
    s.answer('');
    at = await s.waitFor('Scanned?', at);
    await expect(fetch(url, { method: 'POST' })).resolves.toHaveProperty('status', 400); // listening
    // The hire's Ctrl-C comes back to the administrator's screen; the administrator stops.
    s.interrupt();
    await s.takeKeyboardBack('admin', at, 'stop', false);
    expect(await s.exited).toBe(2);
    expect(s.plain()).toContain('Stopped the emulator.');
    expect(s.lines()).toContain('    mfa-onboard demo --admin');
    // Not the batch's "run the same command again": the demo's files it would carry on with are gone.
    expect(s.plain()).not.toMatch(/Run the same command again/);
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
    await expect(fs.stat(dir)).rejects.toThrow();
  }, 60_000);
});
