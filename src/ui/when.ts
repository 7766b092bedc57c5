import { spokenLanguage, t } from './messages/index.js';

const HOUR = 3600_000;
const MINUTE = 60_000;

const pad = (n: number) => String(n).padStart(2, '0');
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const JA_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/**
 * What Intl.DateTimeFormat writes below for the catalogs' languages, written without it:
 * starting Intl costs about a fifth of Node's own start-up, and `session --export` says when
 * the session ends on every shell start. (test/unit/when.test.ts holds it to Intl's.)
 */
function knownLocalTime(date: Date, locale: string, sameDay: boolean): string | undefined {
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  if (locale !== 'en' && locale !== 'ja') return undefined;
  if (sameDay) return time;
  return locale === 'en'
    ? `${EN_WEEKDAYS[date.getDay()]}, ${EN_MONTHS[date.getMonth()]} ${date.getDate()}, ${time}`
    : `${date.getMonth() + 1}月${date.getDate()}日(${JA_WEEKDAYS[date.getDay()]}) ${time}`;
}

/**
 * A moment for people: the local time, with the day when it is not today, and how far it is
 * from now: "23:40 (in 12 h)", "Thu 3 Dec 09:10 (in 20 h)", "08:15 (35 min ago)".
 * Files, --json and credential_process keep ISO 8601.
 */
export function whenText(date: Date, now: number, locale: string = spokenLanguage()): string {
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const time =
    knownLocalTime(date, locale, sameDay) ??
    new Intl.DateTimeFormat(locale, {
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
