import { CancelledError } from '../../src/errors.js';
import type { Clock } from '../../src/totp/clock.js';

/**
 * A clock that only moves when slept on: waits take no time, and are recorded. It starts
 * 5 s into the current real 30 s window, so it agrees with the emulator's Date header
 * (the wizard corrects a computer clock that is a window or more off AWS's). A wait on a
 * signal that has fired ends as the real clock's does: CancelledError, no time passing.
 */
export function fakeClock(start = Math.floor(Date.now() / 30_000) * 30_000 + 5_000): Clock & { slept: number[]; advance(ms: number): void } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw new CancelledError();
      slept.push(ms);
      now += ms;
    },
    advance(ms) {
      now += ms;
    },
  };
}
