// The whole CLI, as the launcher (bin.ts) starts it: the only place that exits the process.
import { main } from './cli.js';
import { ExitCode } from './errors.js';

const interrupt = new AbortController();
const cancel = () => {
  // First signal: cancel and clean up (delete an unfinished device). Second: stop at once.
  if (interrupt.signal.aborted) process.exit(ExitCode.cancelled);
  interrupt.abort();
};
/** While a batch hire has the keyboard, Ctrl-C ends the hire's turn (once), never the run. */
let turn: AbortController | undefined;
const interruptTurn = () => {
  if (turn) turn.abort();
  else cancel();
};
// A closed terminal makes every later write fail (EIO): the clean-up must still run to its end.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
// Ctrl-C or a kill: a clean-up (the second stops at once).
process.on('SIGINT', interruptTurn);
process.on('SIGTERM', cancel);
// A closed terminal window is noticed twice, as SIGHUP and as reads that fail: one clean-up,
// never the second-signal exit, which would skip it.
const hangUp = () => {
  if (!interrupt.signal.aborted) interrupt.abort();
};
process.on('SIGHUP', hangUp);
if (process.stdin.isTTY) {
  const stdin = process.stdin;
  // NOTE: a read that fails (EIO) is a terminal gone; a plain end (Ctrl-D) is not: the code
  // reader reports that one itself.
  stdin.on('error', hangUp);
  // NOTE: a prompt that ends because the terminal went away restores the terminal's mode, and
  // that fails (EIO): thrown from inside readline, it would end the process before the clean-up.
  const setRawMode = stdin.setRawMode.bind(stdin);
  stdin.setRawMode = (mode: boolean) => {
    try {
      return setRawMode(mode);
    } catch {
      hangUp();
      return stdin;
    }
  };
}

// NOTE: no top-level await: a bundler compiling this to bytecode (Bun, for the standalone
// executable) takes only modules without it.
void main(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
  interrupts: {
    take: () => {
      const own = new AbortController();
      turn = own;
      return { signal: own.signal, release: () => void (turn === own && (turn = undefined)) };
    },
  },
}).then((code) => {
  process.exitCode = code;
  // Ends stdin and any lingering handle (the SDK's keep-alive sockets) once output is flushed.
  process.stdout.write('', () => process.exit(code));
});
