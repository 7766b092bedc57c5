import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/ui/error-text.js';
import { userErrorFrom } from '../helpers/errors.js';
import { parseAccessKeyCsv, validateAccessKey, type AccessKey } from '../../src/credentials/csv.js';
import { readCsvTable } from '../../src/credentials/csv-table.js';
import { parseUsersCsv } from '../../src/wizard/batch/users.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/csv/', import.meta.url));
const PATH = '/home/alice/Downloads/alice_accessKeys.csv';

// AWS's documented example keys, and one more of the same shape.
const ALICE = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const BOB = { accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' };
const CAROL = { accessKeyId: 'AKIAJ7CAROLEXAMPLE00', secretAccessKey: 'cArOl+sEcReT/AcCeSs+KeY0000000EXAMPLEKE=' };
const SECRETS = [ALICE, BOB, CAROL].map((key) => key.secretAccessKey);

const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');

/** Parses and validates as the import step does; returns the keys or the first refusal. */
function importCsv(text: string, path = PATH): AccessKey[] {
  const keys = parseAccessKeyCsv(text, path);
  for (const key of keys) validateAccessKey(key, path);
  return keys;
}

describe('parseAccessKeyCsv: the console sample files', () => {
  it.each([
    { file: 'alice_accessKeys.csv', keys: [{ ...ALICE, line: 2 }] },
    { file: 'alice_accessKeys.resaved.csv', keys: [{ ...ALICE, line: 2 }] },
    { file: 'alice_accessKeys.reordered.csv', keys: [{ ...ALICE, line: 2 }] },
    {
      file: 'credentials.csv',
      keys: [
        { ...ALICE, userName: 'alice', line: 2 },
        { ...BOB, userName: 'bob', line: 3 },
        { ...CAROL, userName: 'carol', line: 4 },
      ],
    },
  ])('$file', ({ file, keys }) => {
    expect(importCsv(fixture(file), FIXTURES + file)).toEqual(keys);
  });

  it.each([
    { file: 'console-sign-in.csv', id: 'csv.noKeys' },
    { file: 'header-only.csv', id: 'csv.noRows' },
    { file: 'empty.csv', id: 'csv.empty' },
    { file: 'not-csv.xlsx', id: 'csv.notCsv' },
    { file: 'temporary-key.csv', id: 'csv.temporaryKey' },
    { file: 'bad-key-id.csv', id: 'csv.badKeyId' },
    { file: 'bad-secret.csv', id: 'csv.badSecret' },
  ])('$file → $id, naming the file', ({ file, id }) => {
    const error = userErrorFrom(() => importCsv(fixture(file), FIXTURES + file));
    expect(error.id).toBe(id);
    expect(errorText(error)).toContain(FIXTURES + file);
  });

  it('the sample files are byte-exact (BOM, CRLF) as checked out', () => {
    expect(fixture('alice_accessKeys.resaved.csv').startsWith('\uFEFF')).toBe(true);
    expect(fixture('alice_accessKeys.csv')).toContain('\r\n');
    expect(fixture('not-csv.xlsx')).toContain('\u0000');
  });
});

describe('parseAccessKeyCsv: what a download or a re-save can look like', () => {
  const row = `${ALICE.accessKeyId},${ALICE.secretAccessKey}`;
  it.each([
    { title: 'the per-key format, LF', text: `Access key ID,Secret access key\n${row}\n` },
    { title: 'CRLF', text: `Access key ID,Secret access key\r\n${row}\r\n` },
    { title: 'a UTF-8 BOM', text: `\uFEFFAccess key ID,Secret access key\r\n${row}\r\n` },
    { title: 'no final newline', text: `Access key ID,Secret access key\n${row}` },
    { title: 'blank trailing lines', text: `Access key ID,Secret access key\n${row}\n\n\n \n` },
    { title: 'headers in lower case', text: `access key id,secret access key\n${row}\n` },
    { title: 'headers in upper case with stray spaces', text: `  ACCESS KEY ID ,  SECRET ACCESS KEY  \n${row}\n` },
    { title: 'headers in snake case', text: `access_key_id,secret_access_key\n${row}\n` },
    {
      title: 'columns in the other order',
      text: `Secret access key,Access key ID\n${ALICE.secretAccessKey},${ALICE.accessKeyId}\n`,
    },
    { title: 'every field quoted', text: `"Access key ID","Secret access key"\n"${ALICE.accessKeyId}","${ALICE.secretAccessKey}"\n` },
    { title: 'stray spaces around fields', text: `Access key ID,Secret access key\n  ${ALICE.accessKeyId} ,\t${ALICE.secretAccessKey}  \n` },
    { title: 'an extra column', text: `Access key ID,Secret access key,Note\n${row},made by Excel\n` },
  ])('reads $title', ({ text }) => {
    expect(importCsv(text)).toEqual([{ ...ALICE, line: 2 }]);
  });

  it('reads the old credentials.csv with its users, quoted commas and quotes in the password', () => {
    const text = [
      'User name,Password,Access key ID,Secret access key,Console login link',
      `alice,"a,b""c",${ALICE.accessKeyId},${ALICE.secretAccessKey},https://123456789012.signin.aws.amazon.com/console`,
      `bob,,${BOB.accessKeyId},${BOB.secretAccessKey},https://123456789012.signin.aws.amazon.com/console`,
    ].join('\r\n');
    expect(importCsv(text)).toEqual([
      { ...ALICE, userName: 'alice', line: 2 },
      { ...BOB, userName: 'bob', line: 3 },
    ]);
  });

  it('leaves the user name out when its cell is empty', () => {
    const text = `User name,Access key ID,Secret access key\n,${ALICE.accessKeyId},${ALICE.secretAccessKey}\n`;
    const [key] = importCsv(text);
    expect(key).toEqual({ ...ALICE, line: 2 });
    expect(key).not.toHaveProperty('userName');
  });

  it('skips a row of empty cells', () => {
    const text = `Access key ID,Secret access key\n,\n${ALICE.accessKeyId},${ALICE.secretAccessKey}\n`;
    expect(importCsv(text).map((key) => key.accessKeyId)).toEqual([ALICE.accessKeyId]);
  });

  it(
    'gives the line the key is on in the file',
    () => {
      const text = `Access key ID,Secret access key\n\n${ALICE.accessKeyId},${ALICE.secretAccessKey}\n`;
      expect(parseAccessKeyCsv(text, PATH)[0]!.line).toBe(3);
    },
  );
});

describe('parseAccessKeyCsv refuses what is not an access-key CSV', () => {
  it.each([
    { title: 'an empty file', text: '', id: 'csv.empty' },
    { title: 'only blank lines', text: '\r\n\r\n  \n', id: 'csv.empty' },
    { title: 'only a BOM', text: '\uFEFF', id: 'csv.empty' },
    { title: 'the newer sign-in CSV (no keys)', text: 'User name,Password,Console sign-in URL\nalice,pw,https://x\n', id: 'csv.noKeys' },
    { title: 'a sign-in CSV in other case', text: 'user name , PASSWORD,console login link\n', id: 'csv.noKeys' },
    { title: 'binary content', text: 'PK\u0003\u0004\u0014\u0000\u0006\u0000', id: 'csv.notCsv' },
    { title: 'prose', text: 'Dear Alice,\nhere are your keys.\n', id: 'csv.notCsv' },
    { title: 'a broken quote', text: `Access key ID,Secret access key\n"${ALICE.accessKeyId}",${ALICE.secretAccessKey}"\n`, id: 'csv.notCsv' },
    { title: 'a key column without a secret column', text: `Access key ID\n${ALICE.accessKeyId}\n`, id: 'csv.notCsv' },
    { title: 'a header only', text: 'Access key ID,Secret access key', id: 'csv.noRows' },
    { title: 'a header and blank lines', text: 'Access key ID,Secret access key\r\n\r\n\r\n', id: 'csv.noRows' },
    { title: 'a header and empty cells', text: 'Access key ID,Secret access key\n , \n', id: 'csv.noRows' },
  ])('$title → $id', ({ text, id }) => {
    const error = userErrorFrom(() => parseAccessKeyCsv(text, PATH));
    expect(error.id).toBe(id);
    expect(errorText(error)).toContain(PATH);
  });
});

describe('validateAccessKey', () => {
  const key = (accessKeyId: string, secretAccessKey = ALICE.secretAccessKey): AccessKey => ({
    accessKeyId,
    secretAccessKey,
    line: 7,
  });

  it.each([ALICE, BOB, CAROL])('accepts $accessKeyId', (valid) => {
    expect(() => validateAccessKey({ ...valid, line: 2 }, PATH)).not.toThrow();
  });

  it.each([
    { title: 'a temporary ASIA key', input: key('ASIAIOSFODNN7EXAMPLE'), id: 'csv.temporaryKey' },
    { title: 'a key id one short', input: key('AKIAIOSFODNN7EXAMPL'), id: 'csv.badKeyId' },
    { title: 'a key id one long', input: key('AKIAIOSFODNN7EXAMPLEX'), id: 'csv.badKeyId' },
    { title: 'a key id in lower case', input: key('akiaiosfodnn7example'), id: 'csv.badKeyId' },
    { title: 'a role key id (AROA)', input: key('AROAIOSFODNN7EXAMPLE'), id: 'csv.badKeyId' },
    { title: 'an empty key id', input: key(''), id: 'csv.badKeyId' },
    { title: 'a secret one short', input: key(ALICE.accessKeyId, ALICE.secretAccessKey.slice(1)), id: 'csv.badSecret' },
    { title: 'a secret one long', input: key(ALICE.accessKeyId, `${ALICE.secretAccessKey}A`), id: 'csv.badSecret' },
    {
      title: 'a secret with a character outside the alphabet',
      input: key(ALICE.accessKeyId, `${ALICE.secretAccessKey.slice(0, 39)}-`),
      id: 'csv.badSecret',
    },
    { title: 'an empty secret', input: key(ALICE.accessKeyId, ''), id: 'csv.badSecret' },
  ])('refuses $title → $id, with the line and file', ({ input, id }) => {
    const error = userErrorFrom(() => validateAccessKey(input, PATH));
    expect(error.id).toBe(id);
    expect(errorText(error)).toContain('Line 7');
    expect(errorText(error)).toContain(PATH);
  });

  it('shows a refused key id masked, not whole', () => {
    const error = userErrorFrom(() => validateAccessKey(key('ASIAIOSFODNN7EXAMPLE'), PATH));
    expect(errorText(error)).toContain('ASIA…MPLE');
    expect(errorText(error)).not.toContain('ASIAIOSFODNN7EXAMPLE');
  });

  it('says how long a refused secret is instead of showing it', () => {
    const error = userErrorFrom(() => validateAccessKey(key(ALICE.accessKeyId, ALICE.secretAccessKey.slice(1)), PATH));
    expect(error.params).toMatchObject({ length: 39 });
  });
});

describe('no error message contains a secret access key', () => {
  const secretBearing = [
    { title: 'temporary key', text: `Access key ID,Secret access key\nASIAIOSFODNN7EXAMPLE,${ALICE.secretAccessKey}\n` },
    { title: 'bad key id', text: `Access key ID,Secret access key\nAKIA-BAD,${ALICE.secretAccessKey}\n` },
    { title: 'secret with a stray quote', text: `Access key ID,Secret access key\n${ALICE.accessKeyId},"${ALICE.secretAccessKey}\n` },
    { title: 'secret one long', text: `Access key ID,Secret access key\n${ALICE.accessKeyId},${ALICE.secretAccessKey}x\n` },
    { title: 'secret with a space inside', text: `Access key ID,Secret access key\n${ALICE.accessKeyId},${ALICE.secretAccessKey.slice(0, 20)} ${ALICE.secretAccessKey.slice(20)}\n` },
    { title: 'values in the wrong columns', text: `Access key ID,Secret access key\n${ALICE.secretAccessKey},${ALICE.accessKeyId}\n` },
    { title: 'secret in the header row', text: `${ALICE.accessKeyId},${ALICE.secretAccessKey}\n` },
    { title: 'secret after a NUL byte', text: `Access key ID,Secret access key\n${ALICE.accessKeyId},${ALICE.secretAccessKey}\u0000\n` },
    {
      title: 'old format, second user bad',
      text: `User name,Password,Access key ID,Secret access key\nalice,,${ALICE.accessKeyId},${ALICE.secretAccessKey}\nbob,,AKIA,${BOB.secretAccessKey}\n`,
    },
  ];

  it.each(secretBearing)('$title', ({ text }) => {
    const error = userErrorFrom(() => importCsv(text));
    for (const secret of SECRETS) {
      expect(errorText(error)).not.toContain(secret);
      expect(JSON.stringify(error.params)).not.toContain(secret);
    }
  });
});

describe('spreadsheet re-saves in a European locale', () => {
  it('reads a semicolon-separated CSV', () => {
    const text = `\uFEFFAccess key ID;Secret access key\r\n${ALICE.accessKeyId};${ALICE.secretAccessKey}\r\n`;
    expect(parseAccessKeyCsv(text, PATH)).toEqual([{ ...ALICE, line: 2 }]);
  });

  it("still reads commas, the console's own format", () => {
    const text = `Access key ID,Secret access key\n${ALICE.accessKeyId},${ALICE.secretAccessKey}\n`;
    expect(parseAccessKeyCsv(text, PATH)[0]!.secretAccessKey).toBe(ALICE.secretAccessKey);
  });

  it('tells semicolons by the header, after blank lines too', () => {
    const text = `\r\nAccess key ID;Secret access key\r\n${ALICE.accessKeyId};${ALICE.secretAccessKey}\r\n`;
    expect(parseAccessKeyCsv(text, PATH)).toEqual([{ ...ALICE, line: 3 }]);
  });

  it('reads users.csv with semicolons as well (one reader for both files)', () => {
    expect(parseUsersCsv('User;Group\nalice;new-hires\n', 'users.csv')).toEqual([{ user: 'alice', group: 'new-hires' }]);
  });
});

describe('readCsvTable: the one CSV reader (access keys, users.csv)', () => {
  const COLUMNS = { key: ['accesskeyid'], user: ['user', 'username'] } as const;

  it('matches header cells without case, spaces or punctuation, keeps the first of a repeated column, leaves others out', () => {
    const table = readCsvTable('Notes, USER_NAME ,Access Key ID,access-key-id\nhi,alice,AKIA1,AKIA2\n', COLUMNS);
    expect([...table!.header!]).toEqual(['user', 'key']);
    expect(table!.rows).toEqual([{ cells: { user: 'alice', key: 'AKIA1' }, line: 2 }]);
  });

  it('skips blank lines and rows of empty cells, before the header too, and counts them in line numbers', () => {
    const table = readCsvTable('\uFEFF,,\r\n\r\nuser\r\n , \r\nalice\r\n', COLUMNS);
    expect(table!.rows).toEqual([{ cells: { user: 'alice' }, line: 5 }]);
  });

  it('gives a short row only the cells it has', () => {
    expect(readCsvTable('user,access key id\nalice\n', COLUMNS)!.rows).toEqual([{ cells: { user: 'alice' }, line: 2 }]);
  });

  it('says when there is no header (blank lines only) and when csv-parse cannot read it', () => {
    expect(readCsvTable('\n , \n', COLUMNS)).toEqual({ header: undefined, rows: [] });
    expect(readCsvTable('user\n"alice\n', COLUMNS)).toBeUndefined();
  });
});

describe('parseUsersCsv: users.csv, read by the same reader', () => {
  const FILE = '/home/admin/users.csv';

  it('reads a spreadsheet save: BOM, CRLF, `User name` for user, blank rows, the optional columns', () => {
    const text = '\uFEFF,,,\r\nUser name,Group,Path,Access key CSV\r\nalice,new-hires,/eng/,alice_accessKeys.csv\r\n,,,\r\nbob,,,\r\n';
    expect(parseUsersCsv(text, FILE)).toEqual([
      { user: 'alice', group: 'new-hires', path: '/eng/', csv: 'alice_accessKeys.csv' },
      { user: 'bob' },
    ]);
  });

  it.each([
    { title: 'a broken quote', text: 'user\n"alice\n', id: 'batch.badFile', params: { path: FILE } },
    { title: 'no user column', text: 'name,group\nalice,g\n', id: 'batch.noUserColumn', params: { path: FILE } },
    { title: 'an empty file', text: '', id: 'batch.noUserColumn', params: { path: FILE } },
    { title: 'a header only', text: 'user,group\n\n', id: 'batch.empty', params: { path: FILE } },
    { title: 'a name IAM refuses, with its line', text: 'user\nalice\n\nbad name!\n', id: 'batch.badUser', params: { path: FILE, line: 4, name: 'bad name!' } },
    { title: 'an empty name beside other cells', text: 'user,group\n,g\n', id: 'batch.badUser', params: { path: FILE, line: 2, name: '' } },
    { title: 'a name twice, in other case', text: 'user\nalice\nAlice\n', id: 'batch.duplicate', params: { path: FILE, name: 'Alice' } },
  ])('refuses $title → $id', ({ text, id, params }) => {
    const error = userErrorFrom(() => parseUsersCsv(text, FILE));
    expect(error.id).toBe(id);
    expect(error.params).toEqual(params);
  });
});
