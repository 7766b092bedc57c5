import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin } from '../../src/commands/admin.flags.js';
import { batch } from '../../src/commands/batch.flags.js';
import { demo } from '../../src/commands/demo.flags.js';
import { emulator } from '../../src/commands/emulator.flags.js';
import type { CommandFlags, FlagTable } from '../../src/commands/flags.js';
import { policy } from '../../src/commands/policy.flags.js';
import { reset } from '../../src/commands/reset.flags.js';
import { session } from '../../src/commands/session.flags.js';
import { setup } from '../../src/commands/setup.flags.js';
import { status } from '../../src/commands/status.flags.js';
import { counterAt } from '../../src/totp/totp.js';
import { catalogs, format, t } from '../../src/ui/messages/index.js';
import { fakeClock } from '../helpers/clock.js';
import { phoneOnPng } from '../helpers/phone.js';
import { runCli } from '../helpers/run.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('--help, --version and the language', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox('http://127.0.0.1:9');
  });
  afterEach(async () => {
    await box.cleanup();
  });

  it('--help lists the commands, the wizard\'s common flags and examples, on stdout, in English by default', async () => {
    const result = await runCli(['--help'], { env: box.env });
    expect(result.code).toBe(0);
    for (const flag of ['--profile', '--user', '--replace', '--region', '--yes', '--lang', 'demo', 'batch', 'npx aws-mfa-onboard', 'Exit codes']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).not.toMatch(JAPANESE);
    expect(result.stderr).toBe('');
  });

  it.each([
    ['LANG=ja_JP.UTF-8', { LANG: 'ja_JP.UTF-8' }, []],
    ['--lang ja', {}, ['--lang', 'ja']],
    ['--lang ja-JP', {}, ['--lang', 'ja-JP']],
    ['MFA_ONBOARD_LANG=ja', { MFA_ONBOARD_LANG: 'ja', LANG: 'en_US.UTF-8' }, []],
  ] as [string, NodeJS.ProcessEnv, string[]][])('--help in Japanese with %s, with the same flags', async (_label, env, extra) => {
    const result = await runCli(['--help', ...extra], { env: { ...box.env, ...env } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(JAPANESE);
    for (const flag of ['--profile', '--user', '--lang', 'demo', 'mfa-onboard session --profile alice']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('--lang en wins over a Japanese locale', async () => {
    const result = await runCli(['--help', '--lang', 'en'], { env: { ...box.env, LANG: 'ja_JP.UTF-8' } });
    expect(result.stdout).not.toMatch(JAPANESE);
  });

  it('an unknown --lang is an error naming the languages there are', async () => {
    const result = await runCli(['--help', '--lang', 'fr'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--lang fr');
    expect(result.stderr).toContain('ja');
  });

  it('--lang applies to an error in the rest of the command line (before, an unknown flag beside --lang ja was in English)', async () => {
    for (const argv of [['--lang', 'ja', '--bogus'], ['--bogus', '--lang=ja'], ['status', '--lang', 'ja', '--qr-png', 'x']]) {
      const result = await runCli(argv, { env: { ...box.env, LANG: 'C' } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(JAPANESE);
    }
  });

  it('errors speak the chosen language too', async () => {
    const result = await runCli([`${box.dir}/missing.csv`], { env: { ...box.env, LANG: 'ja_JP.UTF-8' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${box.dir}/missing.csv`);
    expect(result.stderr).toMatch(JAPANESE);
  });

  it('regression: a profile with no keys says so, not that AWS refused something', async () => {
    const result = await runCli(['status', '--profile', 'nobody'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no profile nobody in');
    expect(result.stderr).toContain('Profiles there: none.');
    expect(result.stderr).not.toContain('AWS refused');
  });

  it('--version prints the version alone', async () => {
    const result = await runCli(['--version'], { env: box.env });
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('each command takes its own flags', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox('http://127.0.0.1:9');
  });
  afterEach(async () => {
    await box.cleanup();
  });

  // One flag of another command for each command: refused before anything is done.
  const inapplicable: [string, string[], string][] = [
    ['setup', ['setup', 'keys.csv', '--attach-group', 'g'], '--attach-group'],
    ['setup', ['keys.csv', '--json'], '--json'],
    ['session', ['session', '--replace'], '--replace'],
    ['status', ['status', '--qr-png', 'x'], '--qr-png'],
    ['status', ['--qr-png', 'x', 'status'], '--qr-png'],
    ['status', ['status', '-y'], '-y'],
    ['reset', ['reset', '--user', 'bob', '--json'], '--json'],
    ['policy', ['policy', '--user', 'bob'], '--user'],
    ['admin', ['admin', 'create-user', 'bob', '--all'], '--all'],
    ['batch', ['batch', 'users.csv', '--json'], '--json'],
    ['demo', ['demo', '--endpoint-url', 'http://127.0.0.1:9'], '--endpoint-url'],
  ];
  it.each(inapplicable)('%s refuses a flag of another command, naming the command (%j)', async (command, argv, option) => {
    for (const lang of ['en', 'ja'] as const) {
      const result = await runCli(argv, { env: { ...box.env, MFA_ONBOARD_LANG: lang } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(format(catalogs[lang]['cli.notAnOption'], { option, command }));
      expect(result.stderr.trim().split('\n').filter((line) => line.startsWith('✖'))).toHaveLength(1);
    }
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });

  it('a flag no command has is still unknown, whatever the command', async () => {
    for (const argv of [['status', '--profle', 'x'], ['--bogus'], ['demo', '--bogus']]) {
      const result = await runCli(argv, { env: box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Unknown option ${argv.find((a) => a.startsWith('--'))}`);
      expect(result.stderr).not.toContain('is not an option of');
    }
  });

  it.each([
    ['status --help', ['status', '--help'], 'status'],
    ['help status', ['help', 'status'], 'status'],
    ['admin create-user --help', ['admin', 'create-user', '--help'], 'admin'],
    ['session -h', ['session', '-h'], 'session'],
  ] as const)('%s prints that command\'s usage and options only, in either language', async (_label, argv, command) => {
    for (const lang of ['en', 'ja'] as const) {
      const result = await runCli([...argv], { env: { ...box.env, MFA_ONBOARD_LANG: lang } });
      expect(result.code).toBe(0);
      const heading = format(catalogs[lang]['help.heading.options'], { command: command === 'admin' ? 'admin create-user' : command });
      expect(result.stdout).toContain(heading);
      expect(result.stdout).toContain(`mfa-onboard ${command}`);
      // Not the whole help: no other command's usage, no other command's options.
      for (const other of ['status', 'reset', 'policy', 'batch', 'demo'].filter((name) => name !== command)) {
        expect(result.stdout).not.toContain(`mfa-onboard ${other} [`);
        expect(result.stdout).not.toContain(format(catalogs[lang]['help.heading.options'], { command: other }));
      }
    }
  });

  it('--help and --version still win over a flag of another command', async () => {
    expect((await runCli(['status', '--qr-png', 'x', '--help'], { env: box.env })).code).toBe(0);
    expect((await runCli(['status', '--qr-png', 'x', '--version'], { env: box.env })).code).toBe(0);
  });

  // Every flag a command declares, with one word too many: the parse accepts them all, and
  // the surplus word (checked next, before anything runs) is what is refused.
  const commands = [setup, session, status, reset, policy, admin, batch, demo, emulator] as CommandFlags<FlagTable, unknown>[];
  it.each(commands.map((command) => [command.name, command] as const))('%s accepts every flag it declares', async (name, command) => {
    const words = { setup: ['keys.csv'], batch: ['users.csv'], admin: ['create-user', 'bob'] }[name as string] ?? [];
    const argv = [name, ...words, 'surplus'];
    for (const [flag, spec] of Object.entries(command.flags)) {
      if (flag === 'help' || flag === 'version') continue;
      const value = { lang: 'en', 'endpoint-url': 'http://127.0.0.1:9', 'emulator-url': 'http://127.0.0.1:9' }[flag] ?? 'x';
      argv.push(`--${flag}`, ...(spec.type === 'string' ? [value] : []));
    }
    const result = await runCli(argv, { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(name === 'admin' ? '"bob surplus" is 2 words' : t('cli.extraArgument', { argument: 'surplus', command: name, usage: command.help.usage[0]! }));
  });
});

describe('a word in the command position that names no command', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox('http://127.0.0.1:9');
  });
  afterEach(async () => {
    await box.cleanup();
  });

  it.each([
    ['sesion', 'session', ['sesion', '--profile', 'alice'], 'mfa-onboard session --profile alice'],
    ['stauts', 'status', ['--region', 'eu-west-1', 'stauts'], 'mfa-onboard --region eu-west-1 status'],
    ['rest', 'reset', ['rest', '--user', 'bob smith'], "mfa-onboard reset --user 'bob smith'"],
    ['Policy', 'policy', ['Policy'], 'mfa-onboard policy'],
    ['sess', 'session', ['sess'], 'mfa-onboard session'],
  ] as const)('regression: "%s" was looked for as a file; now: did you mean %s, with the line to run', async (word, command, argv, line) => {
    for (const lang of ['en', 'ja'] as const) {
      const result = await runCli([...argv], { env: { ...box.env, MFA_ONBOARD_LANG: lang } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(format(catalogs[lang]['cli.didYouMean'], { word, command, line }).split('\n')[0]);
      // The corrected command stands whole on a line of its own.
      expect(result.stderr).toContain(`\n    ${line}\n`);
      expect(result.stderr).not.toContain(format(catalogs[lang]['csv.notFound'], { path: word }));
    }
    await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
  });

  it('help sesion and sesion --help say which command was meant instead of printing the whole help', async () => {
    for (const [argv, line] of [[['help', 'sesion'], 'mfa-onboard help session'], [['sesion', '--help'], 'mfa-onboard session --help']] as const) {
      const result = await runCli([...argv], { env: box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`\n    ${line}\n`);
      expect(result.stdout).toBe('');
    }
    // A path is still the wizard's CSV: --help beside it is the whole help.
    expect((await runCli(['keys.csv', '--help'], { env: box.env })).code).toBe(0);
  });

  it('an unknown option close to a flag says which (--profle: did you mean --profile?)', async () => {
    for (const [option, near] of [['--profle', '--profile'], ['--regoin', '--region'], ['--qr-pgn', '--qr-png'], ['--bogus', undefined]] as const) {
      const result = await runCli([option, 'x'], { env: box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Unknown option ${option}`);
      if (near) expect(result.stderr).toContain(`did you mean ${near}?`);
      else expect(result.stderr).not.toContain('did you mean');
    }
  });

  it('a word far from every command and not a path says what the commands are and how a CSV is given', async () => {
    const result = await runCli(['frobnicate'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no command "frobnicate", and no file of that name here');
    expect(result.stderr).toContain('setup, session, status, reset, policy, admin, batch, demo');
    expect(result.stderr).toContain('./frobnicate.csv');
  });

  it('a word with a / or ending in .csv is still the wizard\'s CSV', async () => {
    for (const path of [`${box.dir}/sesion`, 'sesion.csv', 'keys.CSV']) {
      const result = await runCli([path], { env: box.env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(t('csv.notFound', { path }));
    }
  });

  it('regression: admin create-user Bob Smith said "The wizard takes one CSV file"; now: a user name is one word', async () => {
    const result = await runCli(['admin', 'create-user', 'Bob', 'Smith', '--profile', 'admin'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"Bob Smith" is 2 words');
    expect(result.stderr).toContain('\n    mfa-onboard admin create-user Bob.Smith --profile admin\n');
    expect(result.stderr).not.toContain('CSV');
  });

  it('regression: a missing users.csv was called "the access-key CSV you downloaded from the AWS console"', async () => {
    const result = await runCli(['batch', `${box.dir}/users.csv`, '--profile', 'admin'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`There is no file at ${box.dir}/users.csv. batch reads a list of hires`);
    expect(result.stderr).toContain('\n    mfa-onboard batch --help\n');
    expect(result.stderr).not.toContain('access-key CSV');
  });

  it('a word too many for other commands shows that command\'s usage, not the wizard\'s', async () => {
    const result = await runCli(['batch', 'users.csv', 'more.csv'], { env: box.env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unexpected argument "more.csv"');
    expect(result.stderr).toContain(`\n    ${batch.help.usage[0]}`);
  });

  it('regression: reset --user alice with no profile suggested importing a CSV into default; now it asks for the administrator\'s profile', async () => {
    for (const lang of ['en', 'ja'] as const) {
      const result = await runCli(['reset', '--user', 'alice'], { env: { ...box.env, MFA_ONBOARD_LANG: lang } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('\n    mfa-onboard reset --profile ADMIN --user alice\n');
      expect(result.stderr).not.toContain('ACCESS-KEYS.csv');
    }
    const admin = await runCli(['admin', 'create-user', 'bob'], { env: box.env });
    expect(admin.stderr).toContain('\n    mfa-onboard admin create-user bob --profile ADMIN\n');
    // A profile named but missing is still that profile's error.
    const named = await runCli(['reset', '--user', 'alice', '--profile', 'boss'], { env: box.env });
    expect(named.stderr).toContain('There is no profile boss');
  });
});

describe('mfa-onboard demo, in-process: the wizard runs on seams deps.ts built with the demo\'s override', () => {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox();
  });
  afterEach(async () => {
    await box.cleanup();
  });

  it('enrols alice on the embedded emulator in its own HOME; the person\'s files are untouched', async () => {
    const clock = fakeClock();
    const png = join(box.dir, 'qr.png');
    const stdin = new PassThrough();
    const start = counterAt(clock.now());
    // The phone: once the QR code is written, scans it and types the codes of the next windows.
    const phone = phoneOnPng(png, stdin, start, 4);
    const result = await runCli(['demo', '--yes', '--codes-from-stdin', '--qr-png', png, '--keep'], { env: box.env, clock, stdin });
    phone.stop();
    expect(result.stderr).toContain(t('demo.stopped').split('{')[0]!);
    expect(result.code).toBe(0);
    const dir = /(\/\S*mfa-onboard-demo-\w+)/.exec(result.stderr.replace(/\s*\n\s*/g, ' '))?.[1];
    expect(dir).toBeTruthy();
    try {
      // The demo's HOME holds alice's profiles; the summary offers no command that needs its
      // emulator, which is gone once it ends (issue 23 item 10).
      const config = await fs.readFile(join(dir!, 'home', '.aws', 'config'), 'utf8');
      expect(config).toContain('mfa_serial = arn:aws:iam::123456789012:mfa/alice');
      expect(result.stdout + result.stderr).not.toMatch(/--endpoint-url http:\/\/127\.0\.0\.1:\d+/);
      expect(result.stderr).toContain('    mfa-onboard emulator\n');
      await expect(fs.stat(box.configFile)).rejects.toThrow();
      await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
    } finally {
      await fs.rm(dir!, { recursive: true, force: true });
    }
  }, 60_000);
});
