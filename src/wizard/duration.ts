import { UserError } from '../errors.js';

/** GetSessionToken's limits for an IAM user: 15 minutes to 36 hours. */
export const MIN_SESSION_SECONDS = 900;
export const MAX_SESSION_SECONDS = 129_600;
export const DEFAULT_SESSION_SECONDS = 43_200;

/** Parses `12h`, `90m`, `1h30m`, `3600s` or `3600` into seconds, within the IAM limits. */
export function parseDuration(text: string): number {
  const seconds = parseTime(text, '--duration');
  if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
    throw new UserError('duration.outOfRange', { value: text, seconds });
  }
  return seconds;
}

/** Parses a length of time (`12h`, `90m`, `1h30m`, `3600s`, `3600`) into seconds; `flag` names it in errors. */
export function parseTime(text: string, flag: string): number {
  const trimmed = text.trim().toLowerCase();
  let seconds: number | undefined;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
    if (match && trimmed !== '') {
      seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
    }
  }
  if (seconds === undefined) throw new UserError('duration.invalid', { value: text, flag });
  return seconds;
}
