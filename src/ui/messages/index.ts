import { en, type MessageId } from './en.js';

export type { MessageId };
/** Values substituted for `{name}` placeholders in a message. */
export type MessageParams = Record<string, string | number>;

const catalogs: Record<string, Record<MessageId, string>> = { en };
let current: Record<MessageId, string> = en;

/** Selects the catalog used by `t`; unknown languages fall back to English. */
export function setLanguage(lang: string): void {
  current = catalogs[lang] ?? en;
}

/**
 * Renders message `id` from the current catalog. Every user-facing string goes
 * through here, so that a language is one file beside `en.ts`.
 */
export function t(id: MessageId, params: MessageParams = {}): string {
  const template = current[id] ?? en[id];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
