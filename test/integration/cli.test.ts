import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin } from '../../src/commands/admin.flags.js';
import { batch } from '../../src/commands/batch.flags.js';
import { demo } from '../../src/commands/demo.flags.js';
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

  it('--help lists commands, every flag and examples, on stdout, in English by default', async () => {
    const result = await runCli(['--help'], { env: box.env });
    expect(result.code).toBe(0);
    for (const flag of ['--profile', '--session-profile', '--user', '--device-name', '--region', '--endpoint-url', '--duration', '--show-secret', '--qr-png', '--codes-from-stdin', '--replace-profile', '--delete-csv', '--keep-csv', '--allow-clock-drift', '--yes', '--keep', '--lang', 'demo', '--emulator ', '--emulator-url', '--rehearse-consistency', '--rehearse-fault', 'Exit codes']) {
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
    for (const flag of ['--profile', '--session-profile', '--qr-png', '--codes-from-stdin', '--lang', 'mfa-onboard demo']) {
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
      const heading = catalogs[lang][`help.options.${command}`].split('\n')[0]!;
      expect(result.stdout).toContain(heading);
      expect(result.stdout).toContain(`mfa-onboard ${command}`);
      // Not the whole help: no other command's usage, no other command's options.
      for (const other of ['status', 'reset', 'policy', 'batch', 'demo'].filter((name) => name !== command)) {
        expect(result.stdout).not.toContain(`mfa-onboard ${other} [`);
        expect(result.stdout).not.toContain(catalogs[lang][`help.options.${other}` as 'help.options.demo'].split('\n')[0]);
      }
    }
  });

  it('--help and --version still win over a flag of another command', async () => {
    expect((await runCli(['status', '--qr-png', 'x', '--help'], { env: box.env })).code).toBe(0);
    expect((await runCli(['status', '--qr-png', 'x', '--version'], { env: box.env })).code).toBe(0);
  });

  // Every flag a command declares, with one word too many: the parse accepts them all, and
  // the surplus word (checked next, before anything runs) is what is refused.
  const commands = [setup, session, status, reset, policy, admin, batch, demo] as CommandFlags<FlagTable, unknown>[];
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
    expect(result.stderr).toContain(t('cli.extraArgument', { argument: 'surplus' }));
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
      // The demo's HOME holds alice's profiles; the endpoint in the summary is its emulator's.
      const config = await fs.readFile(join(dir!, 'home', '.aws', 'config'), 'utf8');
      expect(config).toContain('mfa_serial = arn:aws:iam::123456789012:mfa/alice');
      expect(result.stdout + result.stderr).toMatch(/--endpoint-url http:\/\/127\.0\.0\.1:\d+/);
      await expect(fs.stat(box.configFile)).rejects.toThrow();
      await expect(fs.stat(box.credentialsFile)).rejects.toThrow();
    } finally {
      await fs.rm(dir!, { recursive: true, force: true });
    }
  }, 60_000);
});
