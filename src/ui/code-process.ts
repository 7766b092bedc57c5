import { spawn, type ChildProcess } from 'node:child_process';
import { CancelledError, UserError } from '../errors.js';
import type { CodeReader } from './codes.js';

/** How long a code program may take: a YubiKey waiting for a touch, a password manager for its unlock. */
export const CODE_PROCESS_TIMEOUT_MS = 30_000;
/** More output than a code and a few lines of chatter is not read (nor kept). */
const MAX_OUTPUT_BYTES = 64 * 1024;

/** A program that prints the MFA code: `mfa_process` (aws-vault's key) or `--mfa-process`. */
export interface CodeProcess {
  command: string;
  /** Who asked for it, in words ("profile alice's mfa_process"), for the error paragraph. */
  source: string;
}

/** Where the program's stderr goes for one run: ours, nowhere, or a terminal's descriptor; `done` closes what was opened. */
export interface StderrTarget {
  target: 'inherit' | 'ignore' | number;
  done(): void;
}

export interface CodeProcessSeams {
  /**
   * The program's stderr goes to a terminal only (a person watching: "Touch your YubiKey"):
   * ours when it is one; under credential_process, the terminal the code would be asked on.
   */
  stderr: () => StderrTarget;
  signal: AbortSignal;
  timeoutMs?: number;
  env: NodeJS.ProcessEnv;
}

/** The shell that runs the line, as aws-vault runs it on POSIX; cmd on Windows (99designs/aws-vault#1241). */
function start(command: string, seams: CodeProcessSeams, stderr: StderrTarget['target']): ChildProcess {
  const stdio = ['ignore', 'pipe', stderr] as const;
  if (process.platform === 'win32') {
    return spawn(seams.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', `"${command}"`], { stdio: [...stdio], env: seams.env, windowsVerbatimArguments: true, windowsHide: true });
  }
  // Its own process group, so that a time limit or Ctrl-C stops what the shell started too.
  return spawn('/bin/sh', ['-c', command], { stdio: [...stdio], env: seams.env, detached: true });
}

/** Stops the program and everything it started. */
function stop(child: ChildProcess): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Gone already.
  }
}

/**
 * Codes from a program: its output's first line, trimmed, is the code (aws-vault's rule).
 * Stdin is not passed on (under credential_process it is the AWS tool's). A program that
 * fails, hangs past the time limit, or prints no six-digit code throws one paragraph naming
 * `source` and the command, never what it printed.
 */
export function processCodeReader(program: CodeProcess, seams: CodeProcessSeams): CodeReader {
  const timeoutMs = seams.timeoutMs ?? CODE_PROCESS_TIMEOUT_MS;
  const params = { source: program.source, command: program.command };
  return () =>
    new Promise<string>((resolve, reject) => {
      if (seams.signal.aborted) return reject(new CancelledError());
      const stderr = seams.stderr();
      let child: ChildProcess;
      try {
        child = start(program.command, seams, stderr.target);
      } finally {
        // The child holds its own copy of the descriptor.
        stderr.done();
      }
      let output = '';
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        seams.signal.removeEventListener('abort', onAbort);
        outcome();
      };
      const timer = setTimeout(() => {
        stop(child);
        finish(() => reject(new UserError('mfaProcess.timedOut', { ...params, seconds: Math.round(timeoutMs / 1000) })));
      }, timeoutMs);
      const onAbort = () => {
        stop(child);
        finish(() => reject(new CancelledError()));
      };
      seams.signal.addEventListener('abort', onAbort, { once: true });
      child.stdout!.setEncoding('utf8');
      child.stdout!.on('data', (chunk: string) => {
        if (output.length < MAX_OUTPUT_BYTES) output += chunk;
      });
      child.on('error', (error) => finish(() => reject(new UserError('mfaProcess.notStarted', { ...params, message: error.message }))));
      child.on('close', (status, signal) => {
        // NOTE: what it left running on its own (an agent it started: gpg-agent for `pass otp`) is
        // left alone; only a program past its time limit, or Ctrl-C, stops its whole group.
        if (status !== 0) return finish(() => reject(new UserError('mfaProcess.failed', { ...params, status: String(status ?? signal) })));
        const code = (output.split(/\r?\n/, 1)[0] ?? '').trim();
        if (!/^\d{6}$/.test(code)) return finish(() => reject(new UserError('mfaProcess.notACode', params)));
        finish(() => resolve(code));
      });
    });
}
