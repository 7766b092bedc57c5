import { promises as fs } from 'node:fs';
import { CreateGroupCommand } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { addAdminProfile, adminIam, listDevices } from '../helpers/moto.js';
import { assertNoTrace, enrolWithPhone, type Phone } from '../helpers/phone.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

describe('mfa-onboard batch in a real terminal: two hires, two phones', () => {
  const world = useMotoWorld();
  const screens: Screen[] = [];
  afterEach(() => {
    for (const s of screens.splice(0)) s.kill();
  });

  it('enrols one, is interrupted at the second, resumes, and ends with two devices and a report that says so', async () => {
    await addAdminProfile(world.box);
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    const users = await world.box.write('users.csv', 'user,group\nalice,new-hires\nbob,new-hires\n');
    const report = `${world.box.dir}/report.json`;
    const start = () => {
      const s = new Screen(['batch', users, '--profile', 'admin', '--create', '--region', 'us-east-1', '--report', report, '--endpoint-url', world.moto.url], world.box.env);
      screens.push(s);
      onTestFailed(() => console.error(s.lines().filter((l) => l.trim()).slice(-30).join('\n')));
      return s;
    };
    const phones = new Map<string, Phone>();
    const hire = async (s: Screen, user: string, from: number) => {
      const at = await s.waitFor(`Ready to enrol ${user}?`, from);
      // The hand-over cleared the screen and its scrollback: no earlier QR code is left to read.
      expect(s.lines().some((line) => /[█▀▄]{10}/.test(line))).toBe(false);
      s.answer('');
      const { phone, at: after } = await enrolWithPhone(s, at);
      expect(decodeURIComponent(phone.uri.pathname)).toContain(`:${user}@`);
      phones.set(user, phone);
      const done = await s.waitFor(`Done: ${user} is protected by MFA`, after);
      // The hire's done screen, then the administrator takes the keyboard back.
      await s.waitFor(`Done: ${user} is enrolled. ${user}, please hand the keyboard back to the administrator.`, done);
      return s.takeKeyboardBack('admin', done);
    };

    const first = start();
    // Issue 23 item 7: before the first clear, the administrator is told the scrollback goes.
    let at = await first.waitFor("Between hires the screen and its scrollback are cleared");
    at = await first.waitFor('Hire 1 of 2: alice', at);
    at = await hire(first, 'alice', 0);
    await first.waitFor('Ready to enrol bob?', at);
    // The hand-over cleared the screen and its scrollback: alice's QR code is not there to read.
    expect(first.lines().some((line) => /[█▀▄]{10}/.test(line))).toBe(false);
    // bob's Ctrl-C at the hand-over does not end the run: it comes back to the administrator's screen.
    first.interrupt();
    at = await first.waitFor("bob's turn was stopped. bob, please hand the keyboard back to the administrator.", at);
    at = await first.waitFor('Administrator: type the profile this batch runs with', at);
    // At the administrator's screen too, Ctrl-C only asks again: the hire cannot leave it.
    await new Promise((r) => setTimeout(r, 300));
    first.interrupt();
    await first.takeKeyboardBack('admin', at + 1, 'stop', false);
    expect(await first.exited).toBe(2);
    expect(first.plain()).toContain('Stopped at bob. Everyone before is recorded');

    const second = start();
    at = await second.waitFor('1 of 2 hires are already done or skipped');
    at = await hire(second, 'bob', at);
    await second.waitFor('Batch: 2 of 2 hires enrolled', at);
    expect(await second.exited).toBe(0);

    const devices = await listDevices(world.moto);
    expect(devices.map((d) => [d.user, d.seed]).sort()).toEqual(['alice', 'bob'].map((u) => [u, phones.get(u)!.secret]));
    const written = JSON.parse(await fs.readFile(report, 'utf8')) as { user: string; status: string; sessionVerified: boolean }[];
    expect(written.map((o) => [o.user, o.status, o.sessionVerified])).toEqual([['alice', 'done', true], ['bob', 'done', true]]);
    for (const phone of phones.values()) expect(first.raw + second.raw).not.toContain(phone.secret);
    // Each hire's QR code was on its own screen: neither terminal keeps one a camera could read.
    for (const [s, users] of [[first, ['alice']], [second, ['bob']]] as const) {
      for (const user of users) assertNoTrace(s, phones.get(user)!.secret);
    }
  }, 150_000);
});
