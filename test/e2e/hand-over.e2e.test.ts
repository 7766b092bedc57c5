import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { CreateGroupCommand } from '@aws-sdk/client-iam';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterEach, describe, expect, it, onTestFailed } from 'vitest';
import { ADMIN, addAdminProfile, adminIam, consoleCsv, createUserWithKey } from '../helpers/moto.js';
import { enrolWithPhone, type Phone } from '../helpers/phone.js';
import { makeSandbox } from '../helpers/sandbox.js';
import { Screen } from '../helpers/screen.js';
import { useMotoWorld } from '../helpers/world.js';

const run = promisify(execFile);
const serialOf = (name: string) => `arn:aws:iam::123456789012:mfa/${name}`;

/*
 * Issue 22 at 80×24, the administrator's day and the hire's: the administrator's files hold
 * nothing of a hire's before or after; the hire, on her own computer (another HOME) with the
 * CSV she was handed, gets her keys, mfa_serial and a session the real aws CLI uses, with one
 * code from her phone.
 */
describe('the hand-over in a real terminal: the administrator keeps nothing of the hire\'s, the hire picks up on her own computer', () => {
  const world = useMotoWorld();
  const screens: Screen[] = [];
  afterEach(() => {
    for (const s of screens.splice(0)) s.kill();
  });

  it('issue 22, at 80×24: an administrator with a hire who brought her CSV: her keys check the session in memory, the admin\'s files do not change; on her own computer one code sets her up', async () => {
    await addAdminProfile(world.box);
    await fs.writeFile(world.box.configFile, '[profile admin]\nregion = us-east-1\n', { mode: 0o600 });
    const adminFiles = async () => [await fs.readFile(world.box.credentialsFile, 'utf8'), await fs.readFile(world.box.configFile, 'utf8')];
    const before = await adminFiles();
    const key = await createUserWithKey(world.moto, 'bob');
    const csv = await world.box.write('bob_accessKeys.csv', consoleCsv(key));
    const s = new Screen([csv, '--profile', 'admin', '--user', 'bob', '--endpoint-url', world.moto.url], world.box.env, { cols: 80, rows: 24 });
    screens.push(s);
    onTestFailed(() => console.error(s.lines().filter((l) => l.trim()).slice(-30).join('\n')));
    const at = await s.waitFor('Acting for bob');
    const { phone, at: after, k } = await enrolWithPhone(s, at);
    await s.waitFor('Done: bob is protected by MFA', after);
    // No question follows (no region, no deletion of the hire's CSV): the run ends.
    expect(await s.exited).toBe(0);
    const shown = s.plain();
    expect(shown).toMatch(/Checked +a session with bob's keys and this device works/);
    expect(shown).toMatch(/then delete\s+it here/);
    expect(shown).toMatch(new RegExp(`bob runs\\s+mfa-onboard bob_accessKeys\\.csv --endpoint-url ${world.moto.url}\\r?\\n`));
    expect(shown).not.toMatch(/Delete .*\?|Every day|Saved the/);
    expect(await adminFiles()).toEqual(before);
    expect(await fs.readFile(csv, 'utf8')).toBe(consoleCsv(key));
    for (const secret of [key.secretAccessKey, ADMIN.secretAccessKey, phone.secret]) expect(s.raw).not.toContain(secret);

    // bob's own computer: another HOME, the CSV handed over, his phone for one code.
    const own = await makeSandbox();
    try {
      const handed = await own.write('bob_accessKeys.csv', consoleCsv(key));
      const hers = new Screen([handed, '--endpoint-url', world.moto.url], own.env, { cols: 80, rows: 24 });
      screens.push(hers);
      onTestFailed(() => console.error(hers.lines().filter((l) => l.trim()).slice(-30).join('\n')));
      let next = await hers.waitFor('Profile name for these keys');
      hers.answer('');
      next = await hers.waitFor('Default region for profile bob', next);
      hers.answer('');
      next = await hers.waitFor(`bob has an MFA device already: ${serialOf('bob')}`, next);
      next = await hers.waitFor(`MFA code for ${serialOf('bob')}`, next);
      hers.answer(phone.code(k + 2)); // moto takes any code; the test phone never repeats one
      next = await hers.waitFor('Add a backup device now?', next); // issue 21: not now
      hers.answer('');
      next = await hers.waitFor(/Delete .*bob_accessKeys\.csv/, next);
      hers.answer('');
      expect(await hers.exited).toBe(0);
      await expect(fs.stat(handed)).rejects.toThrow();
      const files = await loadSharedConfigFiles({ filepath: own.credentialsFile, configFilepath: own.configFile, ignoreCache: true });
      expect(files.credentialsFile.bob).toMatchObject({ aws_access_key_id: key.accessKeyId });
      expect(files.configFile.bob?.mfa_serial).toBe(serialOf('bob'));
      expect(files.credentialsFile['bob-mfa']?.mfa_onboard_serial).toBe(serialOf('bob'));
      const { stdout } = await run('aws', ['sts', 'get-caller-identity', '--profile', 'bob-mfa', '--endpoint-url', world.moto.url, '--output', 'json'], { env: own.env });
      expect(JSON.parse(stdout).Account).toBe('123456789012');
      expect(hers.raw).not.toContain(key.secretAccessKey);
    } finally {
      await own.cleanup();
    }
  }, 150_000);

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
      at = await s.takeKeyboardBack('admin', await s.waitFor(`Done: ${user} is protected by MFA`, after));
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
      await hers.waitFor('Add a backup device now?', next); // issue 21: not now
      hers.answer('');
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
