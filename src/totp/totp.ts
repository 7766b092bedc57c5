import { HOTP, Secret } from 'otpauth';

/** AWS virtual MFA: RFC 6238 TOTP, 30 s step, 6 digits, SHA-1. */
export const STEP_MS = 30_000;
/** Codes within this many windows of the server clock go to AWS as they are. */
export const TOLERATED_WINDOWS = 1;
/** How far (in windows) the local check looks for a drifted phone clock. */
export const DRIFT_SEARCH_WINDOWS = 10;

/** The TOTP counter (window number) at time `ms`. */
export function counterAt(ms: number): number {
  return Math.floor(ms / STEP_MS);
}

/** When window `counter` begins, in ms since the epoch. */
export function windowStart(counter: number): number {
  return counter * STEP_MS;
}

/** The six-digit code for window `counter` of the base32 `seed`. */
export function codeAt(seed: string, counter: number): string {
  return new HOTP({ secret: Secret.fromBase32(seed), digits: 6, algorithm: 'SHA1' }).generate({
    counter,
  });
}

export function isSixDigits(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** Where a code sits in time: its window, and how far that is from the server clock. */
export interface CodeMatch {
  counter: number;
  /** Windows between the code and now: negative = the phone is behind. */
  offset: number;
}

/**
 * Finds the window whose code is `code`, searching nearest-first up to
 * DRIFT_SEARCH_WINDOWS either side of `now`. Undefined when none matches.
 */
export function matchCode(seed: string, code: string, now: number): CodeMatch | undefined {
  const current = counterAt(now);
  for (let distance = 0; distance <= DRIFT_SEARCH_WINDOWS; distance++) {
    for (const offset of distance === 0 ? [0] : [-distance, distance]) {
      if (codeAt(seed, current + offset) === code) return { counter: current + offset, offset };
    }
  }
  return undefined;
}

/**
 * How far the phone's clock is off, in windows, as far as one matched code tells: within
 * the tolerated drift a code is just one read near a boundary, so the server clock stands.
 */
export function phoneOffset(match: CodeMatch): number {
  return Math.abs(match.offset) <= TOLERATED_WINDOWS ? 0 : match.offset;
}

/** The phone's current window, as far as one matched code tells. */
export function phoneCounter(match: CodeMatch, now: number): number {
  return counterAt(now) + phoneOffset(match);
}

/** Milliseconds until the phone shows window `counter` (0 if it already does). */
export function msUntilPhoneShows(counter: number, phoneOffset: number, now: number): number {
  return Math.max(0, windowStart(counter - phoneOffset) - now);
}
