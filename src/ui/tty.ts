import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { UserError } from '../errors.js';

/**
 * The controlling terminal, for asking while stdin and stdout belong to another program
 * (`credential_process`: the AWS CLI reads our stdout). Fails when there is none.
 */
export function openTty(): { input: ReadStream; output: WriteStream; fd?: number } {
  try {
    const fd = openSync('/dev/tty', 'r+');
    // The descriptor too: a program run for a code (mfa_process) may write to the terminal.
    return { input: new ReadStream(fd), output: new WriteStream(fd), fd };
  } catch {
    throw new UserError('session.noTty');
  }
}

/**
 * Reads the terminal's keys in raw mode, each chunk to `onData`, until the `stop` it returns
 * is called, which gives the terminal its mode back (a terminal that is gone has nothing to
 * give back). `onGone`: the input ended or failed (a closed window).
 */
export function readRaw(input: NodeJS.ReadableStream, onData: (text: string) => void, onGone: () => void): () => void {
  const tty = input as NodeJS.ReadStream;
  const data = (chunk: Buffer | string) => onData(chunk.toString());
  const stop = () => {
    tty.off('data', data);
    tty.off('end', onGone);
    tty.off('error', onGone);
    try {
      if (tty.isTTY) tty.setRawMode(false);
      tty.pause();
    } catch {
      // The terminal is gone: nothing to restore.
    }
  };
  tty.on('data', data);
  tty.on('end', onGone);
  tty.on('error', onGone);
  try {
    if (tty.isTTY) tty.setRawMode(true);
    tty.resume();
  } catch {
    stop();
    onGone();
  }
  return stop;
}
