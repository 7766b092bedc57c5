import { PassThrough, Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { Runtime } from '../../src/deps.js';
import type { Clock } from '../../src/totp/clock.js';
import type { Prompter } from '../../src/ui/prompter.js';

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `main` in-process with captured streams: no terminal unless a prompter is given. */
export async function runCli(
  argv: string[],
  options: {
    env: NodeJS.ProcessEnv;
    prompter?: Prompter;
    clock?: Clock;
    stdin?: string | PassThrough;
    signal?: AbortSignal;
    /** Ctrl-C as main.ts routes it while a batch hire has the keyboard. */
    interrupts?: Runtime['interrupts'];
    openTty?: Runtime['openTty'];
    patience?: Runtime['patience'];
    codeProcessTimeoutMs?: number;
    /** Stdout is a terminal (a person reads it), as when nothing is piped or redirected. */
    stdoutTTY?: boolean;
  },
) {
  const stdout = new Capture();
  stdout.isTTY = Boolean(options.stdoutTTY);
  const stderr = new Capture();
  const stdin = options.stdin instanceof PassThrough ? options.stdin : new PassThrough();
  if (typeof options.stdin === 'string') stdin.end(options.stdin);
  const saved = { ...process.env };
  // The SDK reads process.env (files, endpoints): give it the test's world only.
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  Object.assign(process.env, options.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  try {
    const code = await main(argv, {
      env: options.env,
      stdin,
      stdout,
      stderr,
      signal: options.signal ?? new AbortController().signal,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.prompter ? { prompter: options.prompter } : {}),
      ...(options.openTty ? { openTty: options.openTty } : {}),
      ...(options.interrupts ? { interrupts: options.interrupts } : {}),
      ...(options.patience ? { patience: options.patience } : {}),
      ...(options.codeProcessTimeoutMs !== undefined ? { codeProcessTimeoutMs: options.codeProcessTimeoutMs } : {}),
    });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
