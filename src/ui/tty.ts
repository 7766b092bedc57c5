import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { UserError } from '../errors.js';

/**
 * The controlling terminal, for asking while stdin and stdout belong to another program
 * (`credential_process`: the AWS CLI reads our stdout). Fails when there is none.
 */
export function openTty(): { input: ReadStream; output: WriteStream } {
  try {
    const fd = openSync('/dev/tty', 'r+');
    return { input: new ReadStream(fd), output: new WriteStream(fd) };
  } catch {
    throw new UserError('session.noTty');
  }
}
