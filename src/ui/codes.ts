import { createInterface } from 'node:readline';
import { CancelledError, UserError } from '../errors.js';
import { createInteractivePrompter, type Prompter } from './prompter.js';
import type { openTty } from './tty.js';

/** Asks for one MFA code; the answer is the raw text typed (checked by the caller). */
export type CodeReader = (message: string) => Promise<string>;

/** Codes typed at a prompt. */
export function promptCodeReader(prompter: Prompter): CodeReader {
  return (message) => prompter.input({ message, flag: '--codes-from-stdin' });
}

/**
 * Codes read one per line from a stream (`--codes-from-stdin`), as they are needed. A signal
 * (Ctrl-C, a CI job cancelled) ends the wait at once: nobody has to close stdin first.
 */
export function streamCodeReader(input: NodeJS.ReadableStream, announce: (message: string) => void, signal?: AbortSignal): CodeReader {
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  const reader = createInterface({ input, terminal: false });
  reader.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line.trim());
    else lines.push(line.trim());
  });
  reader.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return async (message) => {
    if (signal?.aborted) throw new CancelledError();
    announce(message);
    const queued = lines.shift();
    if (queued !== undefined) return queued;
    if (ended) throw new UserError('codes.stdinEnded');
    let stop = () => {};
    const line = await new Promise<string | undefined | typeof CANCELLED>((resolve) => {
      waiting.push(resolve);
      const onAbort = () => {
        waiting.splice(waiting.indexOf(resolve), 1);
        resolve(CANCELLED);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      stop = () => signal?.removeEventListener('abort', onAbort);
    });
    stop();
    if (line === CANCELLED) throw new CancelledError();
    if (line === undefined) throw new UserError('codes.stdinEnded');
    return line;
  };
}

const CANCELLED = Symbol('cancelled');

/**
 * Codes asked on the controlling terminal, opened only when a code is needed: stdin and
 * stdout stay the caller's (`credential_process`).
 */
export function ttyCodeReader(open: typeof openTty, signal: AbortSignal, notes: () => string[] = () => []): CodeReader {
  // NOTE: opened once and kept for every later code (a retry after a typo): a second
  // ReadStream on /dev/tty, after the first was destroyed, read nothing in the standalone
  // executable (Bun). The process's exit closes it.
  let tty: ReturnType<typeof openTty> | undefined;
  return async (message) => {
    tty ??= open();
    // stderr may be hidden (botocore shows a credential_process's stderr only on failure):
    // what the person must know before typing goes to the terminal too.
    for (const note of notes()) tty.output.write(`${note}\n`);
    return createInteractivePrompter({ input: tty.input, output: unending(tty.output), signal }).input({
      message,
      flag: '--codes-from-stdin',
    });
  };
}

/** The terminal's output for one prompt: the prompt ends the stream it writes to when it closes, and the terminal must stay open for the next code. */
function unending(output: NodeJS.WritableStream): NodeJS.WritableStream {
  return new Proxy(output, {
    get(target, key) {
      if (key === 'end') return () => target;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
