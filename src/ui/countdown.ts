import type { Clock } from '../totp/clock.js';
import type { Output } from './output.js';
import { truncateToWidth } from './width.js';

/**
 * Waits `ms`, showing the seconds left: updated in place on a terminal, one line otherwise.
 * `label(seconds)` renders the line.
 */
export async function countdown(
  ms: number,
  label: (seconds: number) => string,
  deps: { out: Output; clock: Clock; signal?: AbortSignal },
): Promise<void> {
  if (ms <= 0) return;
  const { out, clock, signal } = deps;
  const end = clock.now() + ms;
  if (!out.isTTY) {
    out.info(label(Math.ceil(ms / 1000)));
    await clock.sleep(ms, signal);
    return;
  }
  try {
    for (let left = end - clock.now(); left > 0; left = end - clock.now()) {
      // One line only: a wrapped line could not be redrawn in place.
      const columns = out.size()?.columns ?? 80;
      out.raw(`\r\u001b[2K${truncateToWidth(label(Math.ceil(left / 1000)), columns - 1)}`);
      await clock.sleep(Math.min(left, left % 1000 || 1000), signal);
    }
  } finally {
    out.raw('\r\u001b[2K');
  }
}
