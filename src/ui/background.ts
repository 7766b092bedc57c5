import type { Clock } from '../totp/clock.js';
import { readRaw } from './tty.js';

/** The terminal's background, as far as it tells. */
export type Background = 'light' | 'dark';

/** How long a terminal gets to answer: they answer in milliseconds, or never. */
const ANSWER_MS = 400;

/** Perceived lightness (0–1) of an `rgb:RRRR/GGGG/BBBB` colour, hex of 1 to 4 digits each. */
function lightness(parts: string[]): number {
  const [r, g, b] = parts.map((hex) => parseInt(hex, 16) / (16 ** hex.length - 1));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * Asks the terminal for its background colour (OSC 11) and, right after, for its
 * attributes (DA1), which every terminal answers: a DA1 answer before an OSC 11 one means
 * no colour will come, so nobody waits for the time-out where the terminal cannot tell.
 * Undefined when it does not say (or there is no terminal to ask, or Ctrl-C ends the wait).
 */
export function askBackground(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream & { isTTY?: boolean },
  wait: { clock: Clock; signal?: AbortSignal },
  timeoutMs = ANSWER_MS,
): Promise<Background | undefined> {
  if (!(input as NodeJS.ReadStream).isTTY || !output.isTTY) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let heard = '';
    let stop = () => {};
    /** Fired by the first answer (or the time-out), which ends the wait for the others. */
    const answered = new AbortController();
    const finish = (answer: Background | undefined) => {
      if (answered.signal.aborted) return;
      answered.abort();
      stop();
      resolve(answer);
    };
    const onData = (chunk: string) => {
      heard += chunk;
      // eslint-disable-next-line no-control-regex
      const color = /\u001b\]11;rgba?:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})/i.exec(heard);
      if (color) return finish(lightness(color.slice(1, 4)) > 0.5 ? 'light' : 'dark');
      // eslint-disable-next-line no-control-regex
      if (/\u001b\[\?[\d;]*c/.test(heard)) finish(undefined);
    };
    const ended = wait.signal ? AbortSignal.any([answered.signal, wait.signal]) : answered.signal;
    void wait.clock.sleep(timeoutMs, ended).then(() => finish(undefined), () => finish(undefined));
    stop = readRaw(input, onData, () => finish(undefined));
    output.write('\u001b]11;?\u001b\\\u001b[c');
  });
}
