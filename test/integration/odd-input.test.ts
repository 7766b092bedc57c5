import { promises as fs } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAdminProfile, consoleCsv, createUserWithKey, listDevices } from '../helpers/moto.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { useMotoWorld } from '../helpers/world.js';

/** No control character but newline reaches the terminal: ESC, BEL, CSI, … are shown as \uHHHH. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const internal = 'Something unexpected went wrong';

describe('common mistakes and odd files get a message, not "something unexpected" (issue 14, group 5)', () => {
  let box: Sandbox;
  beforeEach(async () => {
    // Nothing may reach AWS here: port 9 refuses.
    box = await makeSandbox('http://127.0.0.1:9');
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, '[alice]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', { mode: 0o600 });
    await fs.writeFile(box.configFile, '[profile admin]\nregion = eu-west-1\n[sso-session corp]\nsso_region = eu-west-1\n', { mode: 0o600 });
  });
  afterEach(async () => {
    await box.cleanup();
  });

  it.each([
    ['--profile nosuch', ['--profile', 'nosuch'], {}],
    ['AWS_PROFILE=nosuch', [], { AWS_PROFILE: 'nosuch' }],
    ['session --profile nosuch', ['session', '--profile', 'nosuch'], {}],
    ['status with AWS_PROFILE=nosuch', ['status'], { AWS_PROFILE: 'nosuch' }],
  ])('a profile that does not exist (%s): its name, the profiles there, how to import keys', async (_label, argv, env) => {
    const result = await runCli([...argv, '--region', 'eu-west-1'], { env: { ...box.env, ...env } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(internal);
    expect(result.stderr).toContain(`There is no profile nosuch in ${box.credentialsFile} or ${box.configFile}. Profiles there: alice, admin.`);
    expect(result.stderr).toContain('mfa-onboard ACCESS-KEYS.csv --profile nosuch');
    expect(result.stderr.trim().split('\n').filter((l) => l.startsWith('✖'))).toHaveLength(1);
  });

  // Issue 20, 2.10: the wizard on an administrator's keys would enrol the administrator.
  it.each([
    ['reset --profile boss --user bob', ['reset', '--profile', 'boss', '--user', 'bob']],
    ['admin create-user bob --profile boss', ['admin', 'create-user', 'bob', '--profile', 'boss']],
    ['batch users.csv --profile boss', ['batch', 'users.csv', '--profile', 'boss']],
    ['the wizard acting for bob (--profile boss --user bob)', ['--profile', 'boss', '--user', 'bob']],
    ['status --profile boss --user bob', ['status', '--profile', 'boss', '--user', 'bob']],
  ])("an administrator's profile that does not exist (%s): aws configure, not the wizard, in one paragraph", async (_label, argv) => {
    const users = await box.write('users.csv', 'User\nbob\n');
    for (const lang of ['en', 'ja'] as const) {
      const result = await runCli([...argv.map((word) => (word === 'users.csv' ? users : word)), '--region', 'eu-west-1'], { env: { ...box.env, MFA_ONBOARD_LANG: lang } });
      expect(result.code).toBe(1);
      expect(result.stderr).not.toContain(internal);
      expect(result.stderr).toContain('\n    aws configure --profile boss\n');
      expect(result.stderr).not.toContain('ACCESS-KEYS.csv');
      expect(result.stderr.trim().split('\n').filter((l) => l.startsWith('✖'))).toHaveLength(1);
    }
  });

  it('regression (issue 20, 2.10): the missing-profile paragraph has single spaces between its words, in both languages', async () => {
    for (const lang of ['en', 'ja'] as const) {
      for (const argv of [['status', '--profile', 'nosuch'], ['reset', '--profile', 'boss', '--user', 'bob']]) {
        const result = await runCli([...argv, '--region', 'eu-west-1'], { env: { ...box.env, MFA_ONBOARD_LANG: lang } });
        // Only the indentation before a command on its own line is more than one space.
        for (const line of result.stderr.split('\n')) expect(line.trim()).not.toMatch(/ {2}/);
      }
    }
  });

  it('a file with thousands of profiles: the message lists 20 and counts the rest', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `[p${i}]\nregion = eu-west-1\n`).join('');
    await fs.appendFile(box.credentialsFile, many);
    const result = await runCli(['status', '--profile', 'nosuch', '--region', 'eu-west-1'], { env: box.env });
    expect(result.stderr).toContain(`Profiles there: alice, ${Array.from({ length: 19 }, (_, i) => `p${i}`).join(', ')} and 982 more.`);
  });

  it.each([
    ['a space', 'my profile'],
    ['a bracket and a newline', 'alice]\n[evil'],
    ['an =', 'a=b'],
  ])('AWS_PROFILE with %s is refused naming the variable', async (_label, value) => {
    for (const argv of [[], ['session'], ['status']]) {
      const result = await runCli(argv, { env: { ...box.env, AWS_PROFILE: value } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`AWS_PROFILE "${value.replace(/\n/g, '⏎')}" cannot be a profile name`);
      expect(result.stderr).not.toContain(internal);
    }
  });

  it('AWS_PROFILE plays no part beside a CSV, so a strange one there is not refused', async () => {
    const csv = await box.write('keys.csv', 'Access key ID,Secret access key\nAKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    const result = await runCli([csv, '--profile', 'alice', '--region', 'eu-west-1'], { env: { ...box.env, AWS_PROFILE: 'my profile' } });
    expect(result.stderr).not.toContain('cannot be a profile name');
    expect(result.stderr).toContain('ECONNREFUSED'); // it went on to ask AWS (nothing listens)
  });

  it.each([
    ['credentials is a folder', 'credentials', 'dir', 'is a folder, but the AWS CLI and SDKs expect a file there'],
    ['config is a folder', 'config', 'dir', 'is a folder, but the AWS CLI and SDKs expect a file there'],
    ['credentials is a symlink loop', 'credentials', 'loop', 'is a symbolic link that leads back to itself'],
    ['config is a symlink loop', 'config', 'loop', 'is a symbolic link that leads back to itself'],
  ])('%s: the file is named and what to do is said', async (_label, which, kind, expected) => {
    const path = which === 'credentials' ? box.credentialsFile : box.configFile;
    await fs.rm(path);
    if (kind === 'dir') await fs.mkdir(path);
    else await fs.symlink(path, path);
    const csv = await box.write('keys.csv', 'Access key ID,Secret access key\nAKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n');
    for (const argv of [['--profile', 'alice'], ['session', '--profile', 'alice'], ['status', '--profile', 'alice'], [csv, '--profile', 'bob']]) {
      const result = await runCli([...argv, '--region', 'eu-west-1'], { env: box.env });
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.stderr).not.toContain(internal);
      // Setup and status read the config file after AWS (nothing listens here) has answered.
      const beforeAws = argv[0] === 'session' || (which === 'credentials' && argv[0] !== csv);
      expect(result.stderr).toContain(beforeAws ? `${path} ${expected}` : 'ECONNREFUSED');
    }
  });
});

describe('batch: a damaged state file, and text from files reaching the terminal (issue 14, groups 5 and 6)', () => {
  const world = useMotoWorld();
  const base = (users: string, ...extra: string[]) => ['batch', users, '--profile', 'admin', '--region', 'eu-west-1', '--endpoint-url', world.moto.url, ...extra];

  it.each([
    ['"hires": null', { version: 1, hires: null }],
    ['"hires": a list', { version: 1, hires: [] }],
    ['a hire that is null', { version: 1, hires: { alice: null } }],
    ['a serial that is a number', { version: 1, hires: { alice: { user: 'alice', status: 'done', serialNumber: 5 } } }],
  ])('a state file with %s is reported as damaged, naming it', async (_label, state) => {
    await addAdminProfile(world.box);
    const users = await world.box.write('users.csv', 'user\nalice\n');
    await fs.writeFile(`${users}.state.json`, JSON.stringify(state));
    const result = await runCli(base(users), { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(internal);
    expect(result.stderr).toContain(`The batch's state file ${users}.state.json is damaged`);
  });

  it('names and serials carrying escape sequences are shown as text; report cells a spreadsheet would run are neutralised, the JSON keeps them', async () => {
    await addAdminProfile(world.box);
    // Valid IAM user names that a spreadsheet reads as formulas.
    const hires = ['=1+2', '+cmd', '-2', '@SUM', 'plain'];
    const users = await world.box.write('users.csv', `user\n${hires.join('\n')}\n`);
    const title = '\u001b]0;pwned\u0007'; // sets the window title
    const clear = '\u001b[2J\u009b31m'; // clears the screen; a C1 CSI
    const state = {
      version: 1,
      hires: Object.fromEntries(
        hires.map((user) => [user, { user, status: 'skipped', serialNumber: `arn:aws:iam::123456789012:mfa/${user}${title}`, error: `=HYPERLINK("http://x")${clear}` }]),
      ),
    };
    await fs.writeFile(`${users}.state.json`, JSON.stringify(state));
    const csvReport = `${world.box.dir}/report.csv`;
    const shown = await runCli(base(users, '--report', csvReport), { env: world.box.env });
    expect(shown.code).toBe(0);
    // Figure: 0 raw control characters on the terminal; each is shown as \uHHHH.
    expect(shown.stderr).not.toMatch(RAW_CONTROL);
    expect(shown.stderr).toContain('mfa/=1+2\\u001b]0;pwned\\u0007');
    expect(shown.stderr).toContain('=HYPERLINK("http://x")\\u001b[2J\\u009b31m');

    const rows = (await fs.readFile(csvReport, 'utf8')).trim().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual(["'=1+2", "'+cmd", "'-2", "'@SUM", 'plain']);
    expect(rows.every((row) => row.includes(`"'=HYPERLINK(""http://x"")${clear}"`))).toBe(true);

    const jsonReport = `${world.box.dir}/report.json`;
    expect((await runCli(base(users, '--report', jsonReport), { env: world.box.env })).code).toBe(0);
    const written = JSON.parse(await fs.readFile(jsonReport, 'utf8')) as { user: string; serialNumber: string; error: string }[];
    expect(written.map((o) => o.user)).toEqual(hires);
    expect(written[0]!.serialNumber).toBe(`arn:aws:iam::123456789012:mfa/=1+2${title}`);
    expect(written[0]!.error).toBe(`=HYPERLINK("http://x")${clear}`);
  });

  it('a user name with escape sequences in users.csv is refused with the name shown as text', async () => {
    await addAdminProfile(world.box);
    const users = await world.box.write('users.csv', 'user\nalice\u001b]0;pwned\u0007\n');
    const result = await runCli(base(users), { env: world.box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
    expect(result.stderr).toContain('alice\\u001b]0;pwned\\u0007');
  });
});

describe('also seen (issue 14, group 8): a huge CSV, a malformed AWS_ENDPOINT_URL', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox('http://127.0.0.1:9');
  });
  afterEach(async () => {
    await box.cleanup();
  });

  it('a 10 MB CSV is refused as too big, with its size and the limit, not as a wrong first line', async () => {
    const line = 'AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
    const csv = await box.write('keys.csv', `Access key ID,Secret access key\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`);
    const result = await runCli([csv], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${csv} is 10.0 MB, too big to be an access-key CSV (the limit is 1.0 MB;`);
    expect(result.stderr).not.toContain('its first line should be');
  });

  it.each([
    ['AWS_ENDPOINT_URL', '127.0.0.1:5000'],
    ['AWS_ENDPOINT_URL', 'http://'],
    ['AWS_ENDPOINT_URL', 'localhost:5000'],
    ['AWS_ENDPOINT_URL_STS', 'ftp://127.0.0.1:5000'],
  ])('%s=%s is checked as --endpoint-url is, naming the variable', async (name, value) => {
    for (const argv of [['--profile', 'alice'], ['session', '--profile', 'alice'], ['status']]) {
      const result = await runCli(argv, { env: { ...box.env, AWS_ENDPOINT_URL: undefined, [name]: value } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${name} ${value} is not an endpoint URL.`);
      expect(result.stderr).not.toContain('Invalid URL');
    }
    const flag = await runCli(['--endpoint-url', value], { env: box.env });
    expect(flag.stderr).toContain(`--endpoint-url ${value} is not an endpoint URL.`);
  });

  it('a malformed AWS_ENDPOINT_URL is not in the way when --endpoint-url overrides it (the SDK ignores it then)', async () => {
    const result = await runCli(['status', '--profile', 'nosuch', '--endpoint-url', 'http://127.0.0.1:9'], { env: { ...box.env, AWS_ENDPOINT_URL: '127.0.0.1:5000' } });
    expect(result.stderr).not.toContain('is not an endpoint URL');
    expect(result.stderr).toContain('There is no profile nosuch');
  });
});

describe('a 10 MB credentials file (issue 14, group 8)', () => {
  const world = useMotoWorld();

  /** 88,000 other profiles: about 10 MB, as a file collected over years of key rotations. */
  const filler = () => {
    const profiles: string[] = [];
    for (let index = 0; index < 88_000; index++) {
      profiles.push(`[user${index}]\naws_access_key_id = AKIA${String(index).padStart(16, '0')}\naws_secret_access_key = ${'b'.repeat(40)}\n`);
    }
    return profiles.join('\n');
  };

  it('the wizard reaches the QR code in about the time it takes with a small file, and reads the right keys', async () => {
    const key = await createUserWithKey(world.moto, 'carol');
    const csv = await world.box.write('carol.csv', consoleCsv(key));
    const run = async () => {
      const started = Date.now();
      // No terminal: the run stops (and takes its device back) where it would draw the QR code.
      const result = await runCli([csv, '--profile', 'carol', '--region', 'us-east-1', '--endpoint-url', world.moto.url], { env: world.box.env });
      expect(result.stderr).toContain('There is no terminal to draw the QR code on');
      expect(await listDevices(world.moto)).toEqual([]);
      return (Date.now() - started) / 1000;
    };
    await fs.mkdir(`${world.box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(world.box.credentialsFile, '[other]\naws_access_key_id = AKIAOTHEROTHEROTHER1\naws_secret_access_key = x\n', { mode: 0o600 });
    const small = await run();
    const big = `${filler()}\n[alice]\naws_access_key_id = AKIAOTHEROTHEROTHER1\naws_secret_access_key = x\n`;
    expect(big.length).toBeGreaterThan(10_000_000);
    await fs.writeFile(world.box.credentialsFile, big, { mode: 0o600 });
    await fs.rm(world.box.configFile, { force: true });
    const large = await run();
    // Figures on this machine: small file 0.4 s; 10 MB 1.4 s (14.4 s before, for the built CLI).
    console.info(`time to the QR step: small file ${small.toFixed(2)} s, 10 MB file ${large.toFixed(2)} s`);
    expect(large).toBeLessThan(small + 4);
    // The keys were saved, and the 88,000 other profiles are still there, byte for byte.
    const after = await fs.readFile(world.box.credentialsFile, 'utf8');
    expect(after.startsWith(big)).toBe(true);
    expect(after.slice(big.length)).toContain(`[carol]\naws_access_key_id = ${key.accessKeyId}`);
  }, 60_000);
});
