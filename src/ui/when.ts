import { spokenLanguage, t } from './messages/index.js';

const HOUR = 3600_000;
const MINUTE = 60_000;

/**
 * A moment for people: the local time, with the day when it is not today, and how far it is
 * from now: "23:40 (in 12 h)", "Thu 3 Dec 09:10 (in 20 h)", "08:15 (35 min ago)".
 * Files, --json and credential_process keep ISO 8601.
 */
export function whenText(date: Date, now: number, locale: string = spokenLanguage()): string {
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const time = new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  const ms = date.getTime() - now;
  const away = Math.abs(ms);
  const hours = Math.round(away / HOUR);
  const minutes = Math.max(1, Math.round(away / MINUTE));
  const distance =
    away >= 90 * MINUTE
      ? t(ms >= 0 ? 'time.inHours' : 'time.hoursAgo', { n: hours })
      : t(ms >= 0 ? 'time.inMinutes' : 'time.minutesAgo', { n: minutes });
  return t('time.when', { time, distance });
}
