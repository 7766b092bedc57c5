import { UserError } from '../errors.js';

/** The keys to set in one section; `section` is the text between the brackets. */
export interface SectionEdit {
  section: string;
  /** Other spellings that mean the same section (`profile default` for `default`). */
  aliases?: string[];
  values: Record<string, string>;
}

interface Line {
  text: string;
  eol: string;
}

const HEADER = /^\s*\[([^\]]*)\]\s*(?:[#;].*)?$/;
const KEY = /^([^\s=#;[][^=]*?)\s*=/;

/** `[ profile   alice ]` and `[profile alice]` name the same section. */
function sectionName(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  return text.split(/(?<=\n)/).map((chunk) => {
    const eol = chunk.endsWith('\r\n') ? '\r\n' : chunk.endsWith('\n') ? '\n' : '';
    return { text: chunk.slice(0, chunk.length - eol.length), eol };
  });
}

/** The name of the key a line sets, or undefined for headers, comments, blanks, continuations. */
function keyOf(line: string): string | undefined {
  const match = KEY.exec(line);
  return match ? match[1]!.trim().toLowerCase() : undefined;
}

const isContinuation = (line: string) => /^\s+\S/.test(line) && !HEADER.test(line);

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

/**
 * Sets keys in sections of an ini text, touching only the lines it must: other lines,
 * comments, order and line endings stay byte for byte. Missing sections are appended.
 */
export function editIni(text: string, edits: SectionEdit[]): string {
  let lines = splitLines(text);
  const eol = lines.find((line) => line.eol !== '')?.eol ?? '\n';
  for (const edit of edits) {
    assertSafeIniText(edit);
    lines = applyEdit(lines, edit, eol);
  }
  return lines.map((line) => line.text + line.eol).join('');
}

function applyEdit(input: Line[], edit: SectionEdit, eol: string): Line[] {
  const lines = [...input];
  const names = new Set([edit.section, ...(edit.aliases ?? [])].map(sectionName));
  const headers = lines.flatMap((line, index) => {
    const match = HEADER.exec(line.text);
    return match && names.has(sectionName(match[1]!)) ? [index] : [];
  });
  if (headers.length > 1) {
    throw new UserError('ini.duplicateSection', { section: edit.section });
  }
  const entries = Object.entries(edit.values);
  if (headers.length === 0) {
    const last = lines[lines.length - 1];
    if (last && last.eol === '') last.eol = eol;
    if (last && last.text.trim() !== '') lines.push({ text: '', eol });
    lines.push({ text: `[${edit.section}]`, eol });
    for (const [key, value] of entries) lines.push({ text: `${key} = ${value}`, eol });
    return lines;
  }
  const start = headers[0]! + 1;
  let end = lines.findIndex((line, index) => index >= start && HEADER.test(line.text));
  if (end < 0) end = lines.length;

  const pending = new Map(entries.map(([key, value]) => [key.toLowerCase(), { key, value }]));
  const done = new Set<string>();
  for (let index = start; index < end; index++) {
    const key = keyOf(lines[index]!.text);
    if (key === undefined || !pending.has(key)) continue;
    // The value we set is a single line: its old continuation lines go with it.
    let next = index + 1;
    while (next < end && isContinuation(lines[next]!.text)) next++;
    const removed = next - index - 1;
    if (done.has(key)) {
      // A second line for a key we set would break botocore's parser: drop it.
      lines.splice(index, removed + 1);
      end -= removed + 1;
      index--;
      continue;
    }
    const { value } = pending.get(key)!;
    const prefix = /^\s*[^=]*?\s*=\s?/.exec(lines[index]!.text)![0];
    lines[index] = { text: prefix + value, eol: lines[index]!.eol };
    lines.splice(index + 1, removed);
    end -= removed;
    done.add(key);
  }
  const missing = [...pending.entries()].filter(([key]) => !done.has(key));
  if (missing.length > 0) {
    // Insert after the section's last key (or continuation), before trailing blanks and comments.
    let insertAt = start;
    for (let index = start; index < end; index++) {
      const text = lines[index]!.text;
      if (keyOf(text) !== undefined || isContinuation(text)) insertAt = index + 1;
    }
    const before = lines[insertAt - 1];
    if (before && before.eol === '') before.eol = eol;
    const added = missing.map(([, { key, value }]) => ({ text: `${key} = ${value}`, eol }));
    // A section at the very end of a file with no final newline keeps that style.
    if (insertAt === lines.length && input[input.length - 1]?.eol === '') added[added.length - 1]!.eol = '';
    lines.splice(insertAt, 0, ...added);
  }
  return lines;
}

/** Reads one key of one section (first match), for checks before editing. */
export function readIniValue(text: string, section: string | string[], key: string): string | undefined {
  const names = new Set((Array.isArray(section) ? section : [section]).map(sectionName));
  let inSection = false;
  for (const { text: line } of splitLines(text)) {
    const header = HEADER.exec(line);
    if (header) {
      inSection = names.has(sectionName(header[1]!));
      continue;
    }
    if (inSection && keyOf(line) === key.toLowerCase()) {
      return line.slice(line.indexOf('=') + 1).trim();
    }
  }
  return undefined;
}

/** The section names present in an ini text, normalized. */
export function listIniSections(text: string): string[] {
  return splitLines(text).flatMap(({ text: line }) => {
    const header = HEADER.exec(line);
    return header ? [sectionName(header[1]!)] : [];
  });
}
