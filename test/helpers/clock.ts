import type { Clock } from '../../src/totp/clock.js';

/**
 * A clock that only moves when slept on: waits take no time, and are recorded. It starts
 * 5 s into the current real 30 s window, so it agrees with the emulator's Date header
 * (the wizard corrects a computer clock that is a window or more off AWS's).
 */
export function fakeClock(start = Math.floor(Date.now() / 30_000) * 30_000 + 5_000): Clock & { slept: number[]; advance(ms: number): void } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
    advance(ms) {
      now += ms;
    },
  };
}
