import { UserError } from '../errors.js';
import { readCsvTable } from './csv-table.js';
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

/** The columns of the console's two CSVs we read, as `readCsvTable` matches them. */
const COLUMNS = {
  accessKeyId: ['accesskeyid'],
  secretAccessKey: ['secretaccesskey'],
  userName: ['username'],
  password: ['password'],
} as const;

/**
 * Parses the console's access-key CSV (either format; BOM, CRLF, quoted fields, headers
 * in any case and order). Checks the shape of every key; never puts a secret in an error.
 */
export function parseAccessKeyCsv(text: string, path: string): AccessKey[] {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new UserError('csv.empty', { path });
  if (text.includes('\u0000')) throw new UserError('csv.notCsv', { path });
  const table = readCsvTable(text, COLUMNS);
  if (!table) throw new UserError('csv.notCsv', { path });
  const { header, rows } = table;
  if (!header) throw new UserError('csv.empty', { path });
  if (!header.has('accessKeyId') || !header.has('secretAccessKey')) {
    if (header.has('userName') && header.has('password')) throw new UserError('csv.noKeys', { path });
    throw new UserError('csv.notCsv', { path });
  }
  const keys = rows.map(({ cells, line }): AccessKey => ({
    accessKeyId: cells.accessKeyId ?? '',
    secretAccessKey: cells.secretAccessKey ?? '',
    ...(cells.userName ? { userName: cells.userName } : {}),
    line,
  }));
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
