import type { MessageParams } from '../../errors.js';
import { en, type MessageId } from './en.js';
import { ja } from './ja.js';

export type { MessageId, MessageParams };

/** Every catalog, by language code. Adding a language is adding a file and a line here. */
export const catalogs = { en, ja } as const satisfies Record<string, Record<MessageId, string>>;
export type Language = keyof typeof catalogs;

let current: Record<MessageId, string> = en;
let currentLanguage: Language = 'en';

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(catalogs, value);
}

/** Selects the catalog used by `t`. */
export function setLanguage(lang: Language): void {
  current = catalogs[lang];
  currentLanguage = lang;
}

/** The language `t` speaks (for dates and numbers in its conventions). */
export function spokenLanguage(): Language {
  return currentLanguage;
}

/** The catalog a language tag or locale names: `ja`, `ja_JP.UTF-8`, `ja-JP` → ja. */
export function languageOf(tag: string | undefined): Language | undefined {
  const code = (tag ?? '').trim().toLowerCase().split(/[_.@-]/)[0] ?? '';
  return isLanguage(code) ? code : undefined;
}

/**
 * The language to speak: MFA_ONBOARD_LANG, else the locale as gettext reads it
 * (LANGUAGE's first known entry unless the locale is C/POSIX, then LC_ALL, LC_MESSAGES,
 * LANG), else the system's locale (Windows sets no LANG), else English. The system's locale
 * is only looked up when needed: starting Intl costs ~12 ms, a fifth of Node's own start-up.
 */
export function chooseLanguage(env: NodeJS.ProcessEnv, systemLocale?: string): Language {
  const explicit = languageOf(env.MFA_ONBOARD_LANG);
  if (explicit) return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (locale !== undefined && locale !== '') {
    const plain = /^(C|POSIX)([._@]|$)/i.test(locale);
    const preferred = plain ? undefined : env.LANGUAGE?.split(':').map(languageOf).find(Boolean);
    return preferred ?? languageOf(locale) ?? 'en';
  }
  // ICU reads the default locale from these same variables but on Windows: with none set, it
  // is POSIX's (en-US-u-va-posix), which a shell's `--export` need not start Intl to learn.
  if (systemLocale === undefined && process.platform !== 'win32') return 'en';
  return languageOf(systemLocale ?? Intl.DateTimeFormat().resolvedOptions().locale) ?? 'en';
}

/**
 * Renders message `id` from the current catalog. Every user-facing string goes
 * through here, so that a language is one file beside `en.ts`.
 */
export function t(id: MessageId, params: MessageParams = {}): string {
  return format(current[id] ?? en[id], params);
}

/** Fills `{name}` placeholders; unknown ones stay as they are. */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
