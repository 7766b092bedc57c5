import { promises as fs } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { USER_NAME } from '../../aws/names.js';
import { UserError } from '../../errors.js';

/** One hire of users.csv. */
export interface Hire {
  user: string;
  path?: string;
  group?: string;
  /** The hire's access-key CSV, when the admin has it (relative to users.csv). */
  csv?: string;
}

/** Reads users.csv: a header with `user` (or `user name`), and optionally `path`, `group`, `csv`. */
export function parseUsersCsv(text: string, file: string): Hire[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch {
    throw new UserError('batch.badFile', { path: file });
  }
  // A row of empty cells (",,", as a spreadsheet saves a blank row) is a blank line too.
  const rows = records.filter(({ record }) => record.some((cell) => cell !== ''));
  const header = (rows.shift()?.record ?? []).map((cell) => cell.toLowerCase().replace(/[^a-z]/g, ''));
  const column = (...names: string[]) => header.findIndex((cell) => names.includes(cell));
  const [user, path, group, csv] = [column('user', 'username'), column('path'), column('group'), column('csv', 'accesskeycsv', 'keys')];
  if (user < 0) throw new UserError('batch.noUserColumn', { path: file });
  const hires: Hire[] = [];
  const seen = new Set<string>();
  for (const { record: row, info } of rows) {
    const name = row[user] ?? '';
    if (!USER_NAME.test(name)) throw new UserError('batch.badUser', { path: file, line: info.lines, name });
    if (seen.has(name.toLowerCase())) throw new UserError('batch.duplicate', { path: file, name });
    seen.add(name.toLowerCase());
    const cell = (at: number) => (at >= 0 && row[at] ? row[at] : undefined);
    const [p, g, c] = [cell(path), cell(group), cell(csv)];
    hires.push({ user: name, ...(p ? { path: p } : {}), ...(g ? { group: g } : {}), ...(c ? { csv: c } : {}) });
  }
  if (hires.length === 0) throw new UserError('batch.empty', { path: file });
  return hires;
}

/** users.csv, read and parsed. */
export async function readUsersCsv(file: string): Promise<Hire[]> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new UserError('batch.noFile', { path: file });
  });
  return parseUsersCsv(text, file);
}

/** Names given on the command line (--only, --skip) as users.csv spells them; one not in it is refused. */
export function namesIn(hires: Hire[], names: string[], file: string): string[] {
  // IAM user names are unique regardless of case: --only Alice is alice.
  return names.map((name) => {
    const hire = hires.find((h) => h.user.toLowerCase() === name.toLowerCase());
    if (!hire) throw new UserError('batch.notInFile', { name, path: file });
    return hire.user;
  });
}
