import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
