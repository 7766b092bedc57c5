import { parse } from 'csv-parse/sync';
import { UserError } from '../errors.js';
import { maskKeyId } from './mask.js';

/** One user's long-term access key, as the console's CSV hands it out. */
export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
  /** Present in the older user-creation `credentials.csv`, absent in `<user>_accessKeys.csv`. */
  userName?: string;
  /** 1-based line in the file, for messages. */
  line: number;
}

const LONG_TERM_KEY_ID = /^AKIA[A-Z0-9]{16}$/;
const TEMPORARY_KEY_ID = /^ASIA/;
const SECRET = /^[A-Za-z0-9/+=]{40}$/;

/** Header cells compared without case, spaces or punctuation: `Access key ID` = `access_key_id`. */
function normalizeHeader(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z]/g, '');
}
const HEADERS = {
  accessKeyId: 'accesskeyid',
  secretAccessKey: 'secretaccesskey',
  userName: 'username',
  password: 'password',
} as const;

/**
 * Parses the console's access-key CSV (either format; BOM, CRLF, quoted fields, headers
 * in any case and order). Checks the shape of every key; never puts a secret in an error.
 */
export function parseAccessKeyCsv(text: string, path: string): AccessKey[] {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError('csv.empty', { path });
  if (text.includes('\u0000')) throw new UserError('csv.notCsv', { path });
  // Spreadsheets set to a European locale save with semicolons.
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new UserError('csv.notCsv', { path });
  }
  const [header, ...rows] = records;
  if (!header) throw new UserError('csv.empty', { path });
  const columns = header.record.map(normalizeHeader);
  const at = (name: string) => columns.indexOf(name);
  const keyColumn = at(HEADERS.accessKeyId);
  const secretColumn = at(HEADERS.secretAccessKey);
  const userColumn = at(HEADERS.userName);
  if (keyColumn < 0 || secretColumn < 0) {
    if (userColumn >= 0 && at(HEADERS.password) >= 0) {
      throw new UserError('csv.noKeys', { path });
    }
    throw new UserError('csv.notCsv', { path });
  }
  const keys: AccessKey[] = [];
  for (const { record: row, info } of rows) {
    if (row.every((cell) => cell === '')) continue;
    const userName = userColumn >= 0 ? row[userColumn] || undefined : undefined;
    keys.push({
      accessKeyId: row[keyColumn] ?? '',
      secretAccessKey: row[secretColumn] ?? '',
      ...(userName ? { userName } : {}),
      // The line the record ends on, blank lines included: what an editor shows.
      line: info.lines,
    });
  }
  if (keys.length === 0) throw new UserError('csv.noRows', { path });
  return keys;
}

/** Refuses a key that is temporary or not shaped like an IAM user's long-term key. */
export function validateAccessKey(key: AccessKey, path: string): void {
  const where = { path, line: key.line };
  if (TEMPORARY_KEY_ID.test(key.accessKeyId)) {
    throw new UserError('csv.temporaryKey', { ...where, keyId: maskKeyId(key.accessKeyId) });
  }
  if (!LONG_TERM_KEY_ID.test(key.accessKeyId)) {
    throw new UserError('csv.badKeyId', { ...where, keyId: maskKeyId(key.accessKeyId) });
  }
  if (!SECRET.test(key.secretAccessKey)) {
    throw new UserError('csv.badSecret', { ...where, length: key.secretAccessKey.length });
  }
}
