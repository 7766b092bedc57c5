import { createInterface } from 'node:readline';
import { UserError } from '../errors.js';
import { createInteractivePrompter, type Prompter } from './prompter.js';
import type { openTty } from './tty.js';

/** Asks for one MFA code; the answer is the raw text typed (checked by the caller). */
export type CodeReader = (message: string) => Promise<string>;

/** Codes typed at a prompt. */
export function promptCodeReader(prompter: Prompter): CodeReader {
  return (message) => prompter.input({ message, flag: '--codes-from-stdin' });
}

/** Codes read one per line from a stream (`--codes-from-stdin`), as they are needed. */
export function streamCodeReader(input: NodeJS.ReadableStream, announce: (message: string) => void): CodeReader {
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
    announce(message);
    const line =
      lines.shift() ?? (ended ? undefined : await new Promise<string | undefined>((resolve) => waiting.push(resolve)));
    if (line === undefined) throw new UserError('codes.stdinEnded');
    return line;
  };
}

/**
 * Codes asked on the controlling terminal, opened only when a code is needed: stdin and
 * stdout stay the caller's (`credential_process`).
 */
export function ttyCodeReader(open: typeof openTty, signal: AbortSignal, notes: () => string[] = () => []): CodeReader {
  return async (message) => {
    const tty = open();
    try {
      // stderr may be hidden (botocore shows a credential_process's stderr only on failure):
      // what the person must know before typing goes to the terminal too.
      for (const note of notes()) tty.output.write(`${note}\n`);
      return await createInteractivePrompter({ input: tty.input, output: tty.output, signal }).input({
        message,
        flag: '--codes-from-stdin',
      });
    } finally {
      tty.input.destroy();
      tty.output.destroy();
    }
  };
}
