import { UserError } from '../errors.js';

/** The keys to set in one section; `section` is the text between the brackets. */
export interface SectionEdit {
  section: string;
  /** Other spellings that mean the same section (`profile default` for `default`). */
  aliases?: string[];
  values: Record<string, string>;
  /** Keys to delete from the section, with their continuation lines. */
  remove?: string[];
}

interface Line {
  text: string;
  eol: string;
}

const HEADER = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;
/** `key = value` or `key: value`, possibly indented (Python's configparser takes both). */
const KEY = /^(\s*)([^\s=:#;[][^=:]*?)\s*[=:]/;

function splitLines(text: string): Line[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/).map((chunk) => {
    const eol = chunk.endsWith('\r\n') ? '\r\n' : chunk.endsWith('\n') ? '\n' : '';
    return { text: chunk.slice(0, chunk.length - eol.length), eol };
  });
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].length;
const isBlankOrComment = (line: string) => /^\s*([#;].*)?$/.test(line);

/** One line classified the way botocore's configparser reads it. */
type Kind =
  | { kind: 'header'; name: string }
  | { kind: 'key'; key: string }
  | { kind: 'continuation' }
  | { kind: 'other' };

/**
 * Classifies every line. Section names are compared exactly as written between the
 * brackets: `[ profile alice ]` is not profile alice to the SDKs, so it is not to us.
 * An indented line is a continuation only when it is indented deeper than the key
 * above it; otherwise an indented `key = value` is an ordinary key.
 */
function classify(lines: Line[]): Kind[] {
  let keyIndent: number | undefined;
  return lines.map(({ text }) => {
    const header = HEADER.exec(text);
    if (header) {
      keyIndent = undefined;
      return { kind: 'header', name: header[1]! };
    }
    if (isBlankOrComment(text)) return { kind: 'other' };
    if (keyIndent !== undefined && indentOf(text) > keyIndent) return { kind: 'continuation' };
    const key = KEY.exec(text);
    if (!key) return { kind: 'other' };
    keyIndent = key[1]!.length;
    return { kind: 'key', key: key[2]!.trim().toLowerCase() };
  });
}

/** Refuses what would change the file's structure: newlines anywhere, brackets in names. */
export function assertSafeIniText(edit: SectionEdit): void {
  if (/[\r\n[\]]/.test(edit.section) || edit.section.trim() === '') {
    throw new UserError('ini.badName', { name: edit.section.replace(/[\r\n]/g, '⏎') });
  }
  for (const [key, value] of Object.entries(edit.values)) {
    if (/[\r\n[\]=\s]/.test(key)) throw new UserError('ini.badName', { name: key });
    if (/[\r\n]/.test(value)) throw new UserError('ini.badValue', { key });
  }
}

/** One header line: its section name and where the line starts in the text. */
interface HeaderAt {
  name: string;
  start: number;
}

/** A line that may be a header: the first character after leading blanks is `[`. */
const HEADER_CANDIDATE = /^[^\S\n]*\[/gm;

/**
 * The header lines of a text, found with one regular-expression scan instead of
 * classifying every line: a 10 MB credentials file has 350,000 lines, and each read of it
 * took seconds. Every candidate is checked with the line rule `classify` uses, so both
 * agree on what a header is.
 */
function headers(text: string): HeaderAt[] {
  return scanned(text).headers;
}

/** A text's headers and the keys of the sections read so far (by header index). */
interface Scan {
  text: string;
  headers: HeaderAt[];
  keys: Map<number, Map<string, string>>;
}

/**
 * The scan of `text`, kept for the last two texts read: callers read several keys in a row,
 * from the credentials and the config file in turn (a saved session has seven, and the
 * profiles a session uses take a dozen more), and a shell pays for each at every start.
 */
function scanned(text: string): Scan {
  const index = recent.findIndex((scan) => scan.text === text);
  const scan = index >= 0 ? recent.splice(index, 1)[0]! : { text, headers: scanHeaders(text), keys: new Map() };
  recent.unshift(scan);
  recent.length = Math.min(recent.length, 2);
  return scan;
}
const recent: Scan[] = [];

function scanHeaders(text: string): HeaderAt[] {
  const found: HeaderAt[] = [];
  let lastStart = -1;
  for (const match of text.matchAll(HEADER_CANDIDATE)) {
    // `^` also matches after a lone \r or U+2028: the line is what follows the last \n.
    const start = text.lastIndexOf('\n', match.index - 1) + 1;
    if (start === lastStart) continue;
    const newline = text.indexOf('\n', start);
    const chunk = text.slice(start, newline < 0 ? text.length : newline + 1);
    const line = chunk.endsWith('\r\n') ? chunk.slice(0, -2) : chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
    const header = HEADER.exec(line);
    if (!header) continue;
    found.push({ name: header[1]!, start });
    lastStart = start;
  }
  return found;
}

/**
 * Sets keys in sections of an ini text, touching only the lines it must: other lines,
 * comments, order and line endings stay byte for byte. Missing sections are appended.
 */
export function editIni(text: string, edits: SectionEdit[]): string {
  const firstNewline = text.indexOf('\n');
  const eol = firstNewline > 0 && text[firstNewline - 1] === '\r' ? '\r\n' : '\n';
  let result = text;
  for (const edit of edits) {
    assertSafeIniText(edit);
    result = applyEditToText(result, edit, eol);
  }
  return result;
}

/**
 * Applies one edit to the only part of the text it can change: its section (up to the next
 * header), or the last line when the section is appended. The rest is kept as it is.
 */
function applyEditToText(text: string, edit: SectionEdit, eol: string): string {
  const names = new Set([edit.section, ...(edit.aliases ?? [])]);
  const all = headers(text);
  const matching = all.flatMap((header, index) => (names.has(header.name) ? [index] : []));
  if (matching.length > 1) throw new UserError('ini.duplicateSection', { section: edit.section });
  let from: number;
  let to = text.length;
  if (matching.length === 1) {
    from = all[matching[0]!]!.start;
    to = all[matching[0]! + 1]?.start ?? text.length;
  } else {
    // Appended after the last line (which may lack its newline).
    from = text.length === 0 ? 0 : text.lastIndexOf('\n', text.length - 2) + 1;
  }
  const window = splitLines(text.slice(from, to));
  const edited = applyEdit(window, edit, eol);
  return text.slice(0, from) + edited.map((line) => line.text + line.eol).join('') + text.slice(to);
}

function applyEdit(input: Line[], edit: SectionEdit, eol: string): Line[] {
  const lines = [...input];
  const kinds = classify(lines);
  const names = new Set([edit.section, ...(edit.aliases ?? [])]);
  const headers = kinds.flatMap((k, index) => (k.kind === 'header' && names.has(k.name) ? [index] : []));
  if (headers.length > 1) {
    throw new UserError('ini.duplicateSection', { section: edit.section });
  }
  const entries = Object.entries(edit.values);
  const ended = (line: Line): Line => (line.eol === '' ? { ...line, eol } : line);
  if (headers.length === 0) {
    if (entries.length === 0) return lines;
    const last = lines.length - 1;
    if (last >= 0) lines[last] = ended(lines[last]!);
    if (last >= 0 && lines[last]!.text.trim() !== '') lines.push({ text: '', eol });
    lines.push({ text: `[${edit.section}]`, eol });
    for (const [key, value] of entries) lines.push({ text: `${key} = ${value}`, eol });
    return lines;
  }
  const start = headers[0]! + 1;
  const sectionEnd = (classified: Kind[]) => {
    const next = classified.findIndex((k, index) => index >= start && k.kind === 'header');
    return next < 0 ? classified.length : next;
  };
  const end = sectionEnd(kinds);

  // Walk the section once, from the end, so that removing lines never shifts what is still to visit.
  const wanted = new Map(entries.map(([key, value]) => [key.toLowerCase(), value]));
  const unwanted = new Set((edit.remove ?? []).map((key) => key.toLowerCase()));
  const firstLine = new Map<string, number>();
  for (let index = start; index < end; index++) {
    const k = kinds[index]!;
    if (k.kind === 'key' && wanted.has(k.key) && !firstLine.has(k.key)) firstLine.set(k.key, index);
  }
  for (let index = end - 1; index >= start; index--) {
    const k = kinds[index]!;
    if (k.kind !== 'key' || !(wanted.has(k.key) || unwanted.has(k.key))) continue;
    // The value we set is a single line: the old one's continuation lines go with it.
    let next = index + 1;
    while (next < end && kinds[next]!.kind === 'continuation') next++;
    if (unwanted.has(k.key) && !wanted.has(k.key)) {
      lines.splice(index, next - index);
      continue;
    }
    if (firstLine.get(k.key) !== index) {
      // A second line for a key we set would break botocore's parser: drop it.
      lines.splice(index, next - index);
      continue;
    }
    const text = lines[index]!.text;
    const [, prefix = '', space = ''] = /^(\s*[^=:]*?\s*[=:])(\s?)/.exec(text) ?? [];
    const rest = text.slice(prefix.length).trim();
    // Keep `key=value` tight; `key =` with its value on the next lines gets the usual space.
    const value = wanted.get(k.key)!;
    lines.splice(index, next - index, { text: `${prefix}${space || (rest === '' ? ' ' : '')}${value}`, eol: lines[next - 1]!.eol });
  }
  const missing = entries.filter(([key]) => !firstLine.has(key.toLowerCase()));
  if (missing.length === 0) return lines;

  // Insert after the section's last key (or continuation), before trailing blanks and comments,
  // with the indentation of the section's keys.
  const after = classify(lines);
  const afterEnd = sectionEnd(after);
  let insertAt = start;
  for (let index = start; index < afterEnd; index++) {
    if (after[index]!.kind === 'key' || after[index]!.kind === 'continuation') insertAt = index + 1;
  }
  const firstKey = after.findIndex((k, index) => index >= start && index < afterEnd && k.kind === 'key');
  const indent = firstKey >= 0 ? /^\s*/.exec(lines[firstKey]!.text)![0] : '';
  const atEndWithoutNewline = insertAt === lines.length && lines[lines.length - 1]?.eol === '';
  if (insertAt - 1 >= 0) lines[insertAt - 1] = ended(lines[insertAt - 1]!);
  const added = missing.map(([key, value]) => ({ text: `${indent}${key} = ${value}`, eol }));
  // A section at the very end of a file with no final newline keeps that style.
  if (atEndWithoutNewline) added[added.length - 1]!.eol = '';
  lines.splice(insertAt, 0, ...added);
  return lines;
}

/** Reads one key of one section (first match), for checks before editing. */
export function readIniValue(text: string, section: string | string[], key: string): string | undefined {
  const names = Array.isArray(section) ? section : [section];
  const scan = scanned(text);
  const wanted = key.toLowerCase();
  for (let index = 0; index < scan.headers.length; index++) {
    if (!names.includes(scan.headers[index]!.name)) continue;
    const value = sectionKeys(scan, index).get(wanted);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The keys of the section under header `index` and their values (each key's first line), read once. */
function sectionKeys(scan: Scan, index: number): Map<string, string> {
  const known = scan.keys.get(index);
  if (known) return known;
  const { text, headers: all } = scan;
  const lines = splitLines(text.slice(all[index]!.start, all[index + 1]?.start ?? text.length));
  const kinds = classify(lines);
  const keys = new Map<string, string>();
  for (let line = 1; line < lines.length; line++) {
    const k = kinds[line]!;
    if (k.kind !== 'key' || keys.has(k.key)) continue;
    const source = lines[line]!.text;
    keys.set(k.key, source.slice(/[=:]/.exec(source)!.index + 1).trim());
  }
  scan.keys.set(index, keys);
  return keys;
}

/** The section names present in an ini text, exactly as written between the brackets. */
export function listIniSections(text: string): string[] {
  return headers(text).map((header) => header.name);
}

/**
 * Each section's text by name (header lines included; the occurrences of a name repeated
 * in the file joined in file order), from one scan: for picking a few sections out of a
 * large file.
 */
export function sectionsByName(text: string): Map<string, string> {
  const all = headers(text);
  const byName = new Map<string, string>();
  all.forEach((header, index) => {
    let part = text.slice(header.start, all[index + 1]?.start ?? text.length);
    if (!part.endsWith('\n')) part += '\n';
    byName.set(header.name, (byName.get(header.name) ?? '') + part);
  });
  return byName;
}
