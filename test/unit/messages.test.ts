import stringWidth from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { catalogs, chooseLanguage, format, languageOf } from '../../src/ui/messages/index.js';
import { displayWidth, padToWidth, table, truncateToWidth } from '../../src/ui/width.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const [reference, ...others] = Object.entries(catalogs);

describe('message catalogs', () => {
  it.each(others)('%s has exactly the ids of en', (_lang, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(reference![1]).sort());
  });

  it.each(others)('%s uses the same parameters as en in every message', (_lang, catalog) => {
    const mismatched = Object.entries(reference![1]).filter(
      ([id, text]) => placeholders(text).join() !== placeholders((catalog as Record<string, string>)[id] ?? '').join(),
    );
    expect(mismatched.map(([id]) => id)).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s has no empty message', (_lang, catalog) => {
    expect(Object.entries(catalog).filter(([, text]) => text.trim() === '').map(([id]) => id)).toEqual([]);
  });

  it('ja translates every message: none with English words is left as en has it', () => {
    const untranslated = Object.entries(catalogs.ja).filter(
      ([id, text]) => text === (catalogs.en as Record<string, string>)[id] && /[A-Za-z]{3,}/.test(text.replace(/\{\w+\}/g, '')),
    );
    expect(untranslated.map(([id]) => id)).toEqual([]);
  });

  it('format fills placeholders and leaves unknown ones', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

describe('chooseLanguage', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'ja_JP.UTF-8' }, 'ja'],
    [{ LANG: 'ja' }, 'ja'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'ja_JP.UTF-8', LC_MESSAGES: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'ja_JP.eucJP' }, 'ja'],
    [{ LC_MESSAGES: 'en_US.UTF-8', LC_ALL: 'ja_JP.UTF-8' }, 'ja'],
    [{ LC_ALL: 'ja_JP.UTF-8', MFA_ONBOARD_LANG: 'en' }, 'en'],
    [{ LANG: 'en_US.UTF-8', MFA_ONBOARD_LANG: 'JA' }, 'ja'],
    [{ LANG: 'ja_JP.UTF-8', MFA_ONBOARD_LANG: 'xx' }, 'ja'],
    [{ LANG: 'ja_JP.UTF-8', MFA_ONBOARD_LANG: 'ja_JP' }, 'ja'],
    [{ LANG: 'en_US.UTF-8', LANGUAGE: 'fr:ja:en' }, 'ja'],
    [{ LANG: 'C', LANGUAGE: 'ja' }, 'en'],
    [{ LANG: 'ja_JP.UTF-8', LANGUAGE: 'en' }, 'en'],
  ] as [NodeJS.ProcessEnv, string][])('%o → %s', (env, lang) => {
    expect(chooseLanguage(env, 'en-US')).toBe(lang);
  });

  it('with no locale variables at all (Windows), the system locale decides', () => {
    expect(chooseLanguage({}, 'ja-JP')).toBe('ja');
    expect(chooseLanguage({}, 'de-DE')).toBe('en');
  });

  it('starts Intl only where no variable names a locale and the system may (Windows): it costs a fifth of start-up', () => {
    const intl = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      expect(chooseLanguage({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
      expect(intl).not.toHaveBeenCalled();
      expect(chooseLanguage({})).toBe('en');
      expect(intl).toHaveBeenCalledTimes(process.platform === 'win32' ? 1 : 0);
    } finally {
      intl.mockRestore();
    }
  });

  it.skipIf(process.platform === 'win32')('with no locale variable, ICU says what chooseLanguage says without asking it (POSIX: en-US-u-va-posix)', () => {
    const asked = spawnSync(process.execPath, ['-e', 'process.stdout.write(Intl.DateTimeFormat().resolvedOptions().locale)'], { env: {}, encoding: 'utf8' });
    expect(asked.status).toBe(0);
    // What chooseLanguage made of Intl's answer before it stopped asking.
    expect(languageOf(asked.stdout) ?? 'en').toBe(chooseLanguage({}));
    expect(asked.stdout).toMatch(/^en(-|$)/);
  });
});

describe('display width', () => {
  it.each([
    ['abc', 3],
    ['日本語', 6],
    ['MFA デバイス', 12],
    ['ｱｲｳ', 3], // halfwidth katakana
    ['ＡＢ', 4], // fullwidth Latin
    ['✔ ok', 4],
    ['👍🏽', 2], // an emoji with a skin tone is one character on screen (the hand table said 4)
    ['e\u0301', 1], // e + combining acute
    ['🧑\u200d💻', 2], // a ZWJ sequence too, the joiner included (the hand table said 4)
    ['👨\u200d👩\u200d👧\u200d👦', 2],
    ['\u001b[33m日本\u001b[39m', 4], // colour codes take none
    ['', 0],
  ])('%s is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('measures text of one code point a character as string-width does, without its segmentation (every such code point, planes 0 to 3)', () => {
    const simple: string[] = [];
    for (let code = 0xa0; code <= 0x3ffff; code++) {
      const char = String.fromCodePoint(code);
      // Those of no mark, control, skin tone, flag or Hangul jamo: the few that join anyway are width.ts's to know.
      if (/^[^\p{M}\p{C}\p{Default_Ignorable_Code_Point}\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]$/u.test(char)) simple.push(char);
    }
    // In runs of 200, each run overlapping the next by one: a code point measured wrong, or
    // one that joins its neighbour into one character on screen, shows as a run that differs.
    const differ: string[] = [];
    for (let at = 0; at < simple.length; at += 199) {
      const run = simple.slice(at, at + 200).join('');
      if (displayWidth(run) !== stringWidth(run)) differ.push(`U+${simple[at]!.codePointAt(0)!.toString(16)}…`);
    }
    expect(differ).toEqual([]);
  });

  it('counts the characters it measures without a look-up (one column, or two for common Japanese) as string-width does, every one of them', () => {
    const differ: string[] = [];
    const japanese = [[0x3001, 0x3029], [0x3030, 0x303e], [0x3041, 0x3096], [0x309b, 0x30ff], [0x4e00, 0x9fff], [0xff01, 0xff60]];
    for (const [from, to] of japanese) {
      for (let code = from!; code <= to!; code++) {
        const char = String.fromCodePoint(code);
        if (displayWidth(char) !== 2 || stringWidth(char) !== 2) differ.push(`U+${code.toString(16)}`);
        if (displayWidth(`a${char}b`) !== stringWidth(`a${char}b`)) differ.push(`a U+${code.toString(16)} b`);
      }
    }
    // Up to U+2319, and the marks before a line of output (✔ ✖).
    for (const code of [...Array.from({ length: 0x2319 - 0x20 + 1 }, (_, i) => 0x20 + i), 0x2714, 0x2716]) {
      const char = String.fromCodePoint(code);
      if (displayWidth(char) === 1 && stringWidth(char) !== 1) differ.push(`U+${code.toString(16)}`);
      // And none of them joins its neighbour.
      if (displayWidth(`a${char}b`) !== stringWidth(`a${char}b`)) differ.push(`a U+${code.toString(16)} b`);
    }
    expect(differ).toEqual([]);
  });

  it('pads and truncates by columns, never splitting a wide character', () => {
    expect(padToWidth('日本', 6)).toBe('日本  ');
    expect(truncateToWidth('日本語テキスト', 5)).toBe('日本');
    expect(truncateToWidth('abc', 10)).toBe('abc');
    // An emoji with a skin tone, or a ZWJ sequence, is cut whole or kept whole: never its parts.
    expect(truncateToWidth('ok 👍🏽 done', 5)).toBe('ok 👍🏽');
    expect(truncateToWidth('ok 👍🏽 done', 4)).toBe('ok ');
    expect(truncateToWidth('🧑\u200d💻🧑\u200d💻', 3)).toBe('🧑\u200d💻');
  });

  it('table aligns values at one column whatever the labels are written in', () => {
    const lines = table([
      ['MFA デバイス', 'arn:aws:iam::1:mfa/alice'],
      ['プロファイル', 'alice'],
      ['試す', 'aws sts get-caller-identity'],
    ]);
    const starts = lines.map((line, i) => displayWidth(line.slice(0, line.indexOf(['arn', 'alice', 'aws'][i]!))));
    expect(new Set(starts).size).toBe(1);
  });
});
