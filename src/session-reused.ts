/**
 * What `session --export` says on stderr as it hands over a saved session, in the run's
 * language: the one part of the start-up fast path (fast-session.ts) that needs the message
 * catalogs. The launcher bundles it with the catalogs cut to the ids named here
 * (scripts/build.mjs): what is said must be said from this file and the ones it imports.
 */
import type { SavedSession } from './wizard/reuse.js';
import { chooseLanguage, languageOf, setLanguage, t } from './ui/messages/index.js';
import { createOutput, type Output } from './ui/output.js';
import { whenText } from './ui/when.js';

/** Where and how it is said: the streams, the environment and `--lang` as typed. */
export interface Saying {
  stderr: Parameters<typeof createOutput>[0];
  stdout: Parameters<typeof createOutput>[1];
  env: NodeJS.ProcessEnv;
  lang: string | undefined;
  now: number;
}

/**
 * Says that the saved session in `sessionProfile` is used, as the whole run says it, and
 * returns the output (its secrets registered); says nothing and returns undefined when
 * `--lang` names no catalog (the whole run reports that).
 */
export function sayReused(saved: SavedSession, sessionProfile: string, saying: Saying): Output | undefined {
  const language = saying.lang === undefined ? chooseLanguage(saying.env) : languageOf(saying.lang);
  if (!language) return undefined;
  setLanguage(language);
  const out = createOutput(saying.stderr, saying.stdout, saying.env);
  out.addSecret(saved.secretAccessKey);
  out.addSecret(saved.sessionToken);
  out.success(t('session.reused', { sessionProfile, expires: whenText(saved.expiration, saying.now) }));
  return out;
}
