import type { Clock } from '../../src/totp/clock.js';

/** A clock that only moves when slept on: waits take no time, and are recorded. */
export function fakeClock(start = Date.UTC(2026, 10, 24, 12, 0, 5)): Clock & { slept: number[]; advance(ms: number): void } {
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
