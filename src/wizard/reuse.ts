import type { SessionCredentials } from '../keys.js';
import type { SessionOrigin } from '../credentials/profiles.js';
import { MAX_SESSION_SECONDS } from './duration.js';

/** A session saved in the credentials file, with what it was made from when we made it. */
export type SavedSession = SessionCredentials & { origin?: SessionOrigin };

/** What a session is asked for: the source profile's keys, the role, the device (when named). */
export interface WantedOrigin {
  sourceProfile: string;
  roleArn?: string | undefined;
  serial?: string | undefined;
}

/**
 * Whether the saved session is handed over as it is. `why` says why not (a message names it);
 * `clockBehind` that its end is further away than any session lasts (a warning names it).
 */
export interface ReuseVerdict {
  reuse: boolean;
  saved?: SavedSession;
  clockBehind: boolean;
  why?: 'otherOrigin' | 'endingSoon' | 'expired';
}

/**
 * The one rule for reusing a saved session, for the full run and for the start-up fast path
 * alike: made from the same profile, role and device, at least `minRemainingMs` left, not
 * `force`d, and not ending further away than any session lasts (then this computer's clock is
 * behind, and a session that may be dead is not handed on).
 */
export function reuseVerdict(
  saved: SavedSession | undefined,
  wanted: WantedOrigin,
  options: { force: boolean; minRemainingMs: number },
  now: number,
): ReuseVerdict {
  if (!saved || options.force) return { reuse: false, clockBehind: false };
  const { origin } = saved;
  const sameOrigin =
    origin !== undefined &&
    origin.sourceProfile === wanted.sourceProfile &&
    origin.roleArn === wanted.roleArn &&
    (wanted.serial === undefined || origin.serialNumber === wanted.serial);
  const left = saved.expiration.getTime() - now;
  // No session outlasts 36 hours: an end further away means this computer's clock is behind.
  const clockBehind = left > MAX_SESSION_SECONDS * 1000;
  if (sameOrigin && !clockBehind && left > options.minRemainingMs) return { reuse: true, saved, clockBehind };
  const why = !sameOrigin ? 'otherOrigin' : clockBehind ? undefined : left > 0 ? 'endingSoon' : 'expired';
  return { reuse: false, saved, clockBehind, ...(why ? { why } : {}) };
}
