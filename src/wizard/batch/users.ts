import { promises as fs } from 'node:fs';
import { USER_NAME } from '../../aws/names.js';
import { readCsvTable } from '../../credentials/csv-table.js';
import { UserError } from '../../errors.js';

/** One hire of users.csv. */
export interface Hire {
  user: string;
  path?: string;
  group?: string;
  /** The hire's access-key CSV, when the admin has it (relative to users.csv). */
  csv?: string;
}

/** users.csv's columns, as `readCsvTable` matches them. */
const COLUMNS = {
  user: ['user', 'username'],
  path: ['path'],
  group: ['group'],
  csv: ['csv', 'accesskeycsv', 'keys'],
} as const;

/** Reads users.csv: a header with `user` (or `user name`), and optionally `path`, `group`, `csv`. */
export function parseUsersCsv(text: string, file: string): Hire[] {
  const table = readCsvTable(text, COLUMNS);
  if (!table) throw new UserError('batch.badFile', { path: file });
  if (!table.header?.has('user')) throw new UserError('batch.noUserColumn', { path: file });
  const hires: Hire[] = [];
  const seen = new Set<string>();
  for (const { cells, line } of table.rows) {
    const name = cells.user ?? '';
    if (!USER_NAME.test(name)) throw new UserError('batch.badUser', { path: file, line, name });
    if (seen.has(name.toLowerCase())) throw new UserError('batch.duplicate', { path: file, name });
    seen.add(name.toLowerCase());
    const { path, group, csv } = cells;
    hires.push({ user: name, ...(path ? { path } : {}), ...(group ? { group } : {}), ...(csv ? { csv } : {}) });
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
