import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { CreateGroupCommand } from '@aws-sdk/client-iam';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { addAdminProfile, adminIam, listDevices } from '../helpers/moto.js';
import { assertNoTrace, enrolWithPhone, type Phone } from '../helpers/phone.js';
import { makeSandbox } from '../helpers/sandbox.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);

describe('mfa-onboard batch in a real terminal: three hires, three phones', () => {
  const world = useMotoWorld();
  const screens: Screen[] = [];
  afterEach(() => {
    for (const s of screens.splice(0)) s.kill();
  });

  it('enrols two, is interrupted at the third, resumes, and ends with three devices and a report that says so', async () => {
    await addAdminProfile(world.box);
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    const users = await world.box.write('users.csv', 'user,group\nalice,new-hires\nbob,new-hires\ncarol,new-hires\n');
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
      return s.waitFor(`Done: ${user} is protected by MFA`, after);
    };

    const first = start();
    let at = await first.waitFor('Hire 1 of 3: alice');
    at = await hire(first, 'alice', 0);
    at = await hire(first, 'bob', at);
    await first.waitFor('Ready to enrol carol?', at);
    first.interrupt();
    expect(await first.exited).toBe(2);
    expect(first.plain()).toContain('Stopped at carol. Everyone before is recorded');

    const second = start();
    at = await second.waitFor('2 of 3 hires are already done or skipped');
    at = await hire(second, 'carol', at);
    await second.waitFor('Batch: 3 of 3 hires enrolled', at);
    expect(await second.exited).toBe(0);

    const devices = await listDevices(world.moto);
    expect(devices.map((d) => [d.user, d.seed]).sort()).toEqual(['alice', 'bob', 'carol'].map((u) => [u, phones.get(u)!.secret]));
    const written = JSON.parse(await fs.readFile(report, 'utf8')) as { user: string; status: string; sessionVerified: boolean }[];
    expect(written.map((o) => [o.user, o.status, o.sessionVerified])).toEqual([['alice', 'done', true], ['bob', 'done', true], ['carol', 'done', true]]);
    for (const phone of phones.values()) expect(first.raw + second.raw).not.toContain(phone.secret);
    // Each hire's QR code was on its own screen: neither terminal keeps one a camera could read.
    for (const [s, users] of [[first, ['alice', 'bob']], [second, ['carol']]] as const) {
      for (const user of users) assertNoTrace(s, phones.get(user)!.secret);
    }
  }, 240_000);

  it('issue 22, at 80×24: a batch of two leaves the admin\'s files as they were and lists the CSVs to hand over; a hire sets up her own HOME with the CSV the batch made', async () => {
    await addAdminProfile(world.box);
    const adminCredentials = await fs.readFile(world.box.credentialsFile, 'utf8');
    await adminIam(world.moto).send(new CreateGroupCommand({ GroupName: 'new-hires' }));
    const users = await world.box.write('users.csv', 'user,group\nnoa,new-hires\nriku,new-hires\n');
    const s = new Screen(['batch', users, '--profile', 'admin', '--create', '--region', 'us-east-1', '--endpoint-url', world.moto.url], world.box.env, { cols: 80, rows: 24 });
    screens.push(s);
    onTestFailed(() => console.error(s.lines().filter((l) => l.trim()).slice(-30).join('\n')));
    const phones = new Map<string, { phone: Phone; k: number }>();
    let at = 0;
    for (const user of ['noa', 'riku']) {
      at = await s.waitFor(`Ready to enrol ${user}?`, at);
      s.answer('');
      const { phone, at: after, k } = await enrolWithPhone(s, at);
      phones.set(user, { phone, k });
      at = await s.waitFor(`Done: ${user} is protected by MFA`, after);
    }
    await s.waitFor('Batch: 2 of 2 hires enrolled', at);
    expect(await s.exited).toBe(0);
    const shown = s.plain();
    expect(shown).toMatch(/Still to hand over \(2\)/);
    // What each hire runs, on a line of its own that the window's width never breaks.
    expect(s.lines()).toContain(`    mfa-onboard FILE --endpoint-url ${world.moto.url}`);
    for (const user of ['noa', 'riku']) expect(shown).toMatch(new RegExp(`\\n  ${user} +${world.box.dir}/${user}_accessKeys\\.csv\\r?\\n`));
    // Nothing of the hires' in the administrator's files, before or after; no secret in the state or the audit log.
    expect(await fs.readFile(world.box.credentialsFile, 'utf8')).toBe(adminCredentials);
    await expect(fs.stat(world.box.configFile)).rejects.toThrow();
    const csvs = Object.fromEntries(await Promise.all(['noa', 'riku'].map(async (u) => [u, await fs.readFile(`${world.box.dir}/${u}_accessKeys.csv`, 'utf8')] as const)));
    const secrets = [...Object.values(csvs).map((text) => text.split(/[,\r\n]+/)[3]!), ...[...phones.values()].map((p) => p.phone.secret)];
    const kept = [await fs.readFile(`${users}.state.json`, 'utf8'), await fs.readFile(`${users}.audit.jsonl`, 'utf8'), s.raw];
    for (const secret of secrets) for (const text of kept) expect(text).not.toContain(secret);

    // riku, on her own computer with the CSV the batch made: one code from her phone.
    const own = await makeSandbox();
    try {
      const handed = await own.write('riku_accessKeys.csv', csvs.riku!);
      const hers = new Screen([handed, '--profile', 'riku', '--region', 'us-east-1', '--keep-csv', '--endpoint-url', world.moto.url], own.env, { cols: 80, rows: 24 });
      screens.push(hers);
      const { phone, k } = phones.get('riku')!;
      let next = await hers.waitFor('riku has an MFA device already');
      next = await hers.waitFor('MFA code for arn:aws:iam::123456789012:mfa/riku', next);
      hers.answer(phone.code(k + 2)); // moto takes any code; the test phone never repeats one
      expect(await hers.exited).toBe(0);
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'riku-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], { env: own.env });
      expect(JSON.parse(stdout).Account).toBe('123456789012');
      const config = await fs.readFile(own.configFile, 'utf8');
      expect(config).toContain('mfa_serial = arn:aws:iam::123456789012:mfa/riku');
      expect(await fs.readFile(own.credentialsFile, 'utf8')).toContain(`[riku]\naws_access_key_id = ${csvs.riku!.split(/[,\r\n]+/)[2]}`);
      expect(hers.raw).not.toContain(secrets[1]!);
    } finally {
      await own.cleanup();
    }
  }, 240_000);
});
