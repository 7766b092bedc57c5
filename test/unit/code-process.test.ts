import { promises as fs, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../src/errors.js';
import { processCodeReader } from '../../src/ui/code-process.js';

const dir = mkdtempSync(join(tmpdir(), 'code-process-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
const reader = (command: string, signal = new AbortController().signal, timeoutMs = 5_000) =>
  processCodeReader({ command, source: "profile alice's mfa_process" }, { stderr: () => ({ target: 'ignore', done: () => {} }), signal, env: { PATH: process.env.PATH }, timeoutMs });

describe.skipIf(process.platform === 'win32')('codes from a program (mfa_process)', () => {
  it('the first line, trimmed, is the code; the rest is not read as one', async () => {
    expect(await reader("printf '  123456 \\r\\nmore\\n'")('')).toBe('123456');
  });

  it('runs through /bin/sh: pipes, quotes and variables work as typed', async () => {
    expect(await reader('X=654321; echo "$X" | tr -d " "')('')).toBe('654321');
  });

  it('gets no stdin (under credential_process it is the AWS tool\'s): a program reading it sees its end', async () => {
    await expect(reader('read line || exit 9; echo "$line"')('')).rejects.toMatchObject({ id: 'mfaProcess.failed', params: { status: '9' } });
  });

  it('Ctrl-C stops the program and what it started, and cancels', async () => {
    const pidFile = join(dir, 'pid');
    const stop = new AbortController();
    const waiting = reader(`sleep 300 & echo $! > ${pidFile}; wait`, stop.signal)('');
    await expect.poll(() => fs.readFile(pidFile, 'utf8').catch(() => ''), { timeout: 3_000 }).toMatch(/\d/);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    const pid = Number(await fs.readFile(pidFile, 'utf8'));
    await expect.poll(() => {
      try {
        process.kill(pid, 0);
        return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    }, { timeout: 3_000 }).toBe(false);
  });

  it('what it printed is never in the error', async () => {
    const error = (await reader('echo $((12345678 * 2)); echo 123456')('').catch((e: unknown) => e)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.id).toBe('mfaProcess.notACode');
    expect(JSON.stringify(error.params)).not.toContain('24691356');
  });
});
