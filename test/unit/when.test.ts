import { describe, expect, it } from 'vitest';
import { whenText } from '../../src/ui/when.js';
import { catalogs, setLanguage } from '../../src/ui/messages/index.js';

/** Intl's rendering, which whenText writes by hand for its own languages (start-up speed). */
const intl = (locale: string, date: Date, sameDay: boolean) =>
  new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);

describe('whenText', () => {
  it.each(['en', 'ja'] as const)('writes the time and the day as Intl does in %s, on every day of a year and at every hour', (locale) => {
    setLanguage(locale);
    try {
      const start = new Date(2026, 0, 1, 0, 7).getTime();
      for (let hour = 0; hour < 366 * 24; hour += 7) {
        const date = new Date(start + hour * 3600_000);
        const dayBefore = date.getTime() - 26 * 3600_000;
        const sameDayNow = new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, 0).getTime();
        expect(whenText(date, dayBefore, locale)).toContain(`${intl(locale, date, false)} (`);
        expect(whenText(date, sameDayNow, locale)).toContain(`${intl(locale, date, true)} (`);
      }
    } finally {
      setLanguage('en');
    }
  });

  it('another locale is left to Intl', () => {
    const date = new Date(2026, 4, 3, 9, 5);
    expect(whenText(date, date.getTime() - 48 * 3600_000, 'de')).toContain(intl('de', date, false));
  });
});

describe('regression (issue 23.15): "ends soon (18:30 (in 12 h))"', () => {
  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s: no message puts a time (which carries its own brackets) inside brackets', (lang) => {
    const nested = Object.entries(catalogs[lang]).filter(([, text]) => /[(（][^()（）]*\{(expires|enabled|when)\}[^()（）]*[)）]/.test(text));
    expect(nested.map(([id]) => id)).toEqual([]);
  });
});
