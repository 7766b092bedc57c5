import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { basename, dirname } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedEmulator, type EmbeddedEmulator } from '../../src/emulator/embedded/server.js';
import { UserError } from '../../src/errors.js';
import { codeAt, counterAt } from '../../src/totp/totp.js';
import { BUILT_BIN, CLI, CLI_LINE } from '../helpers/built.js';
import { runCli } from '../helpers/run.js';
import { enrolledAlice } from '../helpers/embedded-world.js';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { Screen } from '../helpers/screen.js';
import { setLanguage, t } from '../../src/ui/messages/index.js';
import { whenText } from '../../src/ui/when.js';
import { displayWidth, wrapText } from '../../src/ui/width.js';

/**
 * `session --credential-process` / `--export` as the AWS tools start them (the built CLI, whose
 * launcher hands a valid saved session over without the whole CLI), against the embedded
 * emulator, which refuses a code used twice: a second prompt would show as a failure.
 */
describe('the saved-session fast path (built CLI, embedded emulator)', () => {
  let emulator: EmbeddedEmulator;
  let box: Sandbox;
  let seed: string;
  let serial: string;
  /** The credentials file with alice's keys and a valid session the CLI saved. */
  let withSession: string;
  /** The last TOTP window whose code was used: AWS (and the emulator) take each code once. */
  let used: number;
  /** A code of a window not used yet (at most one ahead of now, as AWS allows). */
  const freshCode = () => codeAt(seed, (used = Math.max(counterAt(Date.now()), used + 1)));

  /** Runs the built CLI's `session --profile alice` with `stdin`; resolves with its exit code and output. */
  const cli = (args: string[], stdin = '', env: NodeJS.ProcessEnv = box.env, endpoint: string[] = ['--endpoint-url', emulator.url]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(CLI[0], [...CLI.slice(1), 'session', '--profile', 'alice', ...endpoint, ...args], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => done({ code, stdout, stderr }));
      child.stdin.end(stdin);
    });

  beforeAll(async () => {
    emulator = await startEmbeddedEmulator();
    const alice = await enrolledAlice(emulator);
    const { key } = alice;
    ({ seed, serial, used } = alice);
    box = await makeSandbox();
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, `[alice]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`, { mode: 0o600 });
    await fs.writeFile(box.configFile, `[profile alice]\nregion = eu-west-1\nmfa_serial = ${serial}\n`, { mode: 0o600 });
    const first = await cli(['--codes-from-stdin'], `${freshCode()}\n`);
    expect(first.code, first.stderr).toBe(0);
    withSession = await fs.readFile(box.credentialsFile, 'utf8');
    await box.cleanup();
  });
  afterAll(() => emulator.stop());
  beforeEach(async () => {
    box = await makeSandbox();
    await fs.mkdir(`${box.home}/.aws`, { mode: 0o700 });
    await fs.writeFile(box.credentialsFile, withSession, { mode: 0o600 });
    await fs.writeFile(box.configFile, `[profile alice]\nregion = eu-west-1\nmfa_serial = ${serial}\n`, { mode: 0o600 });
    return () => box.cleanup();
  });
  const setExpiration = async (value: string) =>
    fs.writeFile(box.credentialsFile, (await fs.readFile(box.credentialsFile, 'utf8')).replace(/expiration = .*/, `expiration = ${value}`));

  it('eight credential_process runs at once against a valid session print the same credentials, and take no lock', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => cli(['--credential-process'])));
    expect(results.map((r) => r.code)).toEqual(Array(8).fill(0));
    expect(new Set(results.map((r) => r.stdout)).size).toBe(1);
    const json = JSON.parse(results[0]!.stdout);
    expect(json).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(results.map((r) => r.stderr)).toEqual(Array(8).fill(''));
    expect((await fs.readdir(`${box.home}/.aws`)).filter((name) => name.includes('lock'))).toEqual([]);
  });

  it('with the network gone (an endpoint nothing answers), a valid session is still handed over', async () => {
    const offline = await cli(['--credential-process'], '', { ...box.env, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' }, []);
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout).Version).toBe(1);
  });

  it('eight credential_process runs at once against an expired session: one code asked, all print the new session', async () => {
    await setExpiration('2020-01-01T00:00:00.000Z');
    // Each is given the same code: were two to ask, AWS (the emulator) would refuse the second.
    const code = freshCode();
    const results = await Promise.all(Array.from({ length: 8 }, () => cli(['--credential-process', '--codes-from-stdin'], `${code}\n`)));
    expect(results.map((r) => [r.code, r.stderr])).toEqual(Array(8).fill([0, '']));
    expect(new Set(results.map((r) => r.stdout)).size).toBe(1);
    expect(Date.parse(JSON.parse(results[0]!.stdout).Expiration)).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  describe('faults: no terminal, one message on stderr saying what to run, nothing on stdout', () => {
    /** The error paragraph; with --credential-process it is all there is (--export may say first why a code is needed). */
    const noTerminal = async (args: string[]) => {
      const result = await cli(args);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const paragraphs = result.stderr.trim().split('\n\n');
      if (args.includes('--credential-process')) expect(paragraphs).toHaveLength(1);
      return paragraphs.at(-1)!;
    };
    it.each([
      ['expired', (text: string) => text.replace(/expiration = .*/, 'expiration = 2020-01-01T00:00:00.000Z')],
      ['incomplete (no session token)', (text: string) => text.replace(/aws_session_token = .*\n/, '')],
      ['an expiration that cannot be read', (text: string) => text.replace(/expiration = .*/, 'expiration = next tuesday')],
      ['cut off mid-write (before the expiration)', (text: string) => text.slice(0, text.indexOf('expiration ='))],
    ])('%s', async (_label, damage) => {
      await fs.writeFile(box.credentialsFile, damage(await fs.readFile(box.credentialsFile, 'utf8')));
      for (const args of [['--credential-process'], ['--export', 'sh']]) {
        // credential_process asks on the terminal, and names the command to run there; --export names the flag.
        const said = await noTerminal(args);
        expect(said).toMatch(/no terminal to ask on\. .*--codes-from-stdin/s);
        if (!args.includes('--export')) expect(said).toMatch(/\s+mfa-onboard session\b/);
      }
    });

    it('a credentials file that is a folder', async () => {
      await fs.rm(box.credentialsFile);
      await fs.mkdir(box.credentialsFile);
      for (const args of [['--credential-process'], ['--export', 'sh']]) {
        expect(await noTerminal(args)).toContain('is a folder');
      }
    });
  });

  describe('parity: the fast path hands over exactly what the whole CLI does, and only when it would', () => {
    const noTty = () => {
      throw new UserError('session.noTty');
    };
    const inProcess = (args: string[], env: NodeJS.ProcessEnv = box.env) =>
      runCli(['session', '--profile', 'alice', '--endpoint-url', emulator.url, ...args], { env, openTty: noTty });
    const soon = () => new Date(Date.now() + 5 * 60_000).toISOString();
    const later = () => new Date(Date.now() + 3 * 3600_000).toISOString();
    it.each([
      ['a valid session, credential_process', [], ['--credential-process'], 'reused'],
      ['a valid session, --export sh', [], ['--export', 'sh'], 'reused'],
      ['a valid session, --export fish --lang ja', [], ['--export', 'fish', '--lang', 'ja'], 'reused'],
      ['a valid session, --export powershell, LANG=ja_JP.UTF-8', [], ['--export', 'powershell'], 'reused', { LANG: 'ja_JP.UTF-8' }],
      ['a valid session, --region for the export', [], ['--export', 'sh', '--region', 'ap-northeast-1'], 'reused'],
      ['ending within 15 minutes', ['soon'], ['--credential-process'], 'renewed'],
      ['ending within --min-remaining 4h', ['later'], ['--credential-process', '--min-remaining', '4h'], 'renewed'],
      ['lasting past --min-remaining 2h', ['later'], ['--credential-process', '--min-remaining', '2h'], 'reused'],
      ['--force', [], ['--credential-process', '--force'], 'renewed'],
      ['made for another device (--mfa-serial)', [], ['--credential-process', '--mfa-serial', 'arn:aws:iam::123456789012:mfa/other'], 'renewed'],
      ['ending further off than any session lasts (clock behind)', ['far'], ['--export', 'sh'], 'renewed'],
      ['a bad --lang', [], ['--credential-process', '--lang', 'xx'], 'error'],
      ['an unknown flag', [], ['--credential-process', '--bogus'], 'error'],
    ] as [string, string[], string[], string, NodeJS.ProcessEnv?][])('%s', async (_label, [ends], args, expected, extraEnv = {}) => {
      if (ends) await setExpiration(ends === 'soon' ? soon() : ends === 'later' ? later() : new Date(Date.now() + 40 * 3600_000).toISOString());
      const env = { ...box.env, ...extraEnv };
      const before = await fs.readFile(box.credentialsFile, 'utf8');
      const built = await cli(args, '', env);
      const whole = await inProcess(args, env);
      expect(await fs.readFile(box.credentialsFile, 'utf8')).toBe(before);
      expect([built.code, built.stdout, built.stderr]).toEqual([whole.code, whole.stdout, whole.stderr]);
      if (expected === 'reused') expect(built.code).toBe(0);
      else expect(built.code).toBe(1);
      if (expected === 'renewed') expect(built.stderr).toMatch(/no terminal/);
    });
  });

  describe('what the reuse path and help load, and the reuse line on a terminal', () => {
    /**
     * The built files the CLI loaded, required or read (the launcher reads the files it runs with
     * their code caches): a preload lists them as it exits. And its exit code.
     */
    const loaded = async (args: string[], env: NodeJS.ProcessEnv = box.env) => {
      const list = `${box.dir}/loaded.json`;
      const preload = `${box.dir}/loaded.cjs`;
      await fs.writeFile(
        preload,
        `const fs = require('node:fs'); const read = fs.readFileSync; const seen = new Set();
        fs.readFileSync = function (file, ...rest) { if (typeof file === 'string') seen.add(file); return read.call(this, file, ...rest); };
        process.on('exit', () => fs.writeFileSync(${JSON.stringify(list)}, JSON.stringify([...Object.keys(require.cache), ...seen])));`,
      );
      const child = spawn(process.execPath, ['--require', preload, BUILT_BIN, ...args], { env, stdio: 'ignore' });
      const code = await new Promise((done) => child.on('close', done));
      const built = dirname(BUILT_BIN);
      const files = (JSON.parse(await fs.readFile(list, 'utf8')) as string[]).filter((file) => dirname(file) === built).map((file) => basename(file));
      return { code, files: [...new Set(files)].sort() };
    };
    // The Node build's files (the standalone executable has them all inside).
    const nodeBuild = CLI.length === 2;
    it.runIf(nodeBuild).each([
      ['credential_process', ['--credential-process'], {}],
      ['--export sh', ['--export', 'sh'], {}],
      ['--export fish --lang ja', ['--export', 'fish', '--lang', 'ja'], {}],
      ['--export sh, LANG=ja_JP.UTF-8', ['--export', 'sh'], { LANG: 'ja_JP.UTF-8' }],
    ] as [string, string[], NodeJS.ProcessEnv][])('%s: the launcher and the fast path, --export what it says (no whole CLI, no width tables)', async (_label, args, extraEnv) => {
      const fast = ['bin.js', 'fast-session.js', 'fast-session.js.cache'];
      const said = args.includes('--export') ? ['session-reused.js', 'session-reused.js.cache'] : [];
      expect(await loaded(['session', '--profile', 'alice', '--endpoint-url', emulator.url, ...args], { ...box.env, ...extraEnv })).toEqual({ code: 0, files: [...fast, ...said].sort() });
    });
    it.runIf(nodeBuild).each([
      [['--help'], ['bin.js', 'help.js', 'help.js.cache']],
      [['session', '--help'], ['bin.js', 'help.js', 'help.js.cache']],
      [['--help', '--lang', 'ja'], ['bin.js', 'help-ja.js', 'help.js', 'help.js.cache']],
    ])('%j: help in Japanese alone loads its catalog', async (args, files) => {
      expect(await loaded(args)).toEqual({ code: 0, files });
    });

    it.runIf(nodeBuild)('a code cache V8 refuses (cut short, or made by another V8) or one that is missing: the file is compiled as usual, the same answers', async () => {
      const copy = `${box.dir}/dist`;
      await fs.cp(dirname(BUILT_BIN), copy, { recursive: true });
      const run = (args: string[]) =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
          const child = spawn(process.execPath, [`${copy}/bin.js`, ...args], { env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk) => (stdout += chunk));
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('close', (code) => done({ code, stdout, stderr }));
        });
      const session = ['session', '--profile', 'alice', '--endpoint-url', emulator.url];
      const paths = [[...session, '--credential-process'], [...session, '--export', 'sh'], ['--help']];
      const before = await Promise.all(paths.map(run));
      expect(before.map((r) => r.code)).toEqual([0, 0, 0]);
      const cache = await fs.readFile(`${copy}/fast-session.js.cache`);
      await fs.writeFile(`${copy}/fast-session.js.cache`, cache.subarray(0, cache.length >> 1));
      await fs.writeFile(`${copy}/session-reused.js.cache`, Buffer.alloc(64, 7));
      await fs.rm(`${copy}/help.js.cache`);
      const after = await Promise.all(paths.map(run));
      expect(after.map(({ code, stdout, stderr }) => ({ code, stdout, stderr }))).toEqual(before.map(({ code, stdout, stderr }) => ({ code, stdout, stderr })));
    });

    it.each(['en', 'ja'] as const)('--lang %s on a 40-column terminal (stdout captured, as eval "$(…)" does): wrapped as the whole CLI wraps, no line wider', async (lang) => {
      const screen = new Screen([], box.env, { cols: 40, rows: 20 }, CLI, {
        file: '/bin/sh',
        args: ['-c', `${CLI_LINE} session --profile alice --export sh --lang ${lang} >/dev/null`],
      });
      expect(await screen.exitedAndShown()).toBe(0);
      const lines = screen.lines().filter((line) => line !== '');
      const expiration = new Date(/\[alice-mfa\][^[]*?expiration = (\S+)/.exec(withSession)![1]!);
      setLanguage(lang);
      const text = `✔ ${t('session.reused', { sessionProfile: 'alice-mfa', expires: whenText(expiration, Date.now(), lang) })}`;
      setLanguage('en');
      expect(lines).toEqual(wrapText(text, 40, 2).split('\n'));
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    });
  });

  describe('help and --version: the launcher answers them from its own files, as the whole CLI does', () => {
    it.each([['--help'], ['-h'], ['session', '--help'], ['help', 'status'], ['help'], ['--lang', 'ja', '--help'], ['admin', '-h', '--lang=ja'], ['nosuch', '--help'], ['--version'], ['-V']])(
      '%s',
      async (...argv) => {
        const built = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
          const child = spawn(CLI[0], [...CLI.slice(1), ...argv], { env: box.env });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (chunk) => (stdout += chunk));
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('close', (code) => done({ code, stdout, stderr }));
        });
        const whole = await runCli(argv, { env: box.env });
        // The standalone executable (MFA_ONBOARD_BIN) names itself after the version.
        const standalone = /^(--version|-V)$/.test(argv[0]!) && Boolean(process.env.MFA_ONBOARD_BIN);
        if (standalone) expect(built.stdout).toMatch(/ \(standalone executable, Bun \d+\.\d+\.\d+\)\n$/);
        const stdout = standalone ? built.stdout.replace(/ \(standalone executable, Bun [\d.]+\)\n$/, '\n') : built.stdout;
        expect([built.code, stdout, built.stderr]).toEqual([whole.code, whole.stdout, whole.stderr]);
        expect(`${built.stdout}${built.stderr}`).not.toBe('');
      },
    );
  });
});

