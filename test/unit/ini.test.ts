import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText } from '../../src/ui/error-text.js';
import { userErrorFrom } from '../helpers/errors.js';
import { editIni, listIniSections, readIniValue, type SectionEdit } from '../../src/credentials/ini.js';
import { UserError } from '../../src/errors.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/ini/', import.meta.url));

type FileKind = 'config' | 'credentials';
interface FixtureCase {
  name: string;
  title: string;
}

const cases: FixtureCase[] = [
  { name: 'empty-file', title: 'an empty file gets the section and nothing else' },
  { name: 'append-section-after-comments', title: 'a new section is appended after comments, which stay byte for byte' },
  { name: 'append-section-after-blank-line', title: 'a file ending in a blank line gets no second blank line' },
  { name: 'replace-keeps-spacing', title: 'existing keys are replaced in place, keeping `key=value` / `key = value` / `key =value`' },
  {
    name: 'insert-before-trailing-comments',
    title: 'a missing key goes after the last key, before the comments and blanks leading to the next section',
  },
  { name: 'crlf', title: 'a CRLF file gets CRLF on inserted lines and keeps its other lines' },
  { name: 'no-final-newline-replace', title: 'no final newline: replacing the last key keeps the file without one' },
  {
    name: 'no-final-newline-insert',
    title: 'no final newline: a key inserted at the end of the last section keeps the file without one',
  },
  { name: 'no-final-newline-append', title: 'no final newline: appending a section first ends the last line' },
  { name: 'profile-vs-plain-in-config', title: 'config: editing [profile alice] leaves [alice] alone' },
  { name: 'plain-only-in-config', title: 'config: [alice] is not [profile alice], so [profile alice] is appended' },
  { name: 'profile-only-in-credentials', title: 'credentials: [profile alice] is not [alice], so [alice] is appended' },
  { name: 'default-written-as-profile-default', title: 'default with alias `profile default` edits [profile default] in place' },
  { name: 'default-plain', title: 'default with alias edits [default] in place' },
  { name: 'default-missing', title: 'default with alias appends [default] when neither spelling exists' },
  { name: 'services-blocks-untouched', title: '[services x] blocks and indented sub-keys stay intact; keys go after a sub-key block' },
  {
    name: 'replace-key-with-continuation-lines',
    title: 'a key with indented continuation lines becomes one `key = value` line',
  },
  { name: 'duplicate-key-lines-removed', title: 'later lines for a key we set (any case) are removed' },
  {
    name: 'header-with-extra-whitespace',
    title: '`[ profile   alice ]` is not profile alice to the SDKs: a proper [profile alice] is appended',
  },
  { name: 'values-with-equals-slash-plus', title: 'values containing `=`, `/` and `+` are written and read back exactly' },
  {
    name: 'indented-keys',
    title: 'keys indented under their header are replaced in place, not appended again',
  },
];

interface Fixture {
  kind: FileKind;
  edits: SectionEdit[];
  before: string;
  after: string;
  afterPath: string;
}

function loadFixture(name: string): Fixture {
  const dir = join(FIXTURES, name);
  const spec = JSON.parse(readFileSync(join(dir, 'edits.json'), 'utf8')) as { kind: FileKind; edits: SectionEdit[] };
  return {
    ...spec,
    before: readFileSync(join(dir, 'before.ini'), 'utf8'),
    after: readFileSync(join(dir, 'after.ini'), 'utf8'),
    afterPath: join(dir, 'after.ini'),
  };
}

/** The name a reader files a section under: `profile alice` is profile `alice` in config. */
function profileName(kind: FileKind, section: string): string {
  if (kind === 'config' && section.startsWith('profile ')) return section.slice('profile '.length);
  return section;
}

/** What the JS SDK's own loader reads for one section of a file. */
async function readWithSdk(path: string, kind: FileKind, section: string): Promise<Record<string, string | undefined> | undefined> {
  const missing = join(tmpdir(), 'mfa-onboard-no-such-file');
  const files = await loadSharedConfigFiles(
    kind === 'config'
      ? { configFilepath: path, filepath: missing, ignoreCache: true }
      : { filepath: path, configFilepath: missing, ignoreCache: true },
  );
  const data = kind === 'config' ? files.configFile : files.credentialsFile;
  return data[profileName(kind, section)];
}

type BotocoreResult =
  | { raw: Record<string, Record<string, unknown>>; profiles: Record<string, Record<string, unknown>> }
  | { error: string };

// NOTE: one Python start for every file: botocore is the parser the AWS CLI itself uses.
const BOTOCORE_SCRIPT = `
import json, sys
import botocore.configloader as c
out = {}
for path in sys.argv[1:]:
    try:
        out[path] = {"raw": c.raw_config_parse(path), "profiles": c.load_config(path)["profiles"]}
    except Exception as e:
        out[path] = {"error": type(e).__name__ + ": " + str(e)}
print(json.dumps(out))
`;

const botocoreAvailable =
  spawnSync('python3', ['-c', 'import botocore.configloader'], { stdio: 'ignore' }).status === 0;

function parseWithBotocore(paths: string[]): Record<string, BotocoreResult> {
  const run = spawnSync('python3', ['-c', BOTOCORE_SCRIPT, ...paths], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`botocore run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, BotocoreResult>;
}

/** What botocore reads for one section: credentials by exact name, config through its profile map. */
function botocoreSection(result: BotocoreResult | undefined, kind: FileKind, section: string): Record<string, unknown> {
  if (!result) throw new Error('botocore did not report on this file');
  if ('error' in result) throw new Error(`botocore could not parse the file: ${result.error}`);
  const found = kind === 'credentials' ? result.raw[section] : result.profiles[profileName(kind, section)];
  return found ?? {};
}

describe('editIni before/after fixtures', () => {
  let workDir: string;
  const results = new Map<string, { path: string; text: string }>();
  let botocore: Record<string, BotocoreResult> = {};

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'mfa-onboard-ini-'));
    for (const { name } of cases) {
      const fixture = loadFixture(name);
      const text = editIni(fixture.before, fixture.edits);
      mkdirSync(join(workDir, name));
      const path = join(workDir, name, fixture.kind);
      writeFileSync(path, text);
      results.set(name, { path, text });
    }
    if (botocoreAvailable) {
      const paths = cases.flatMap(({ name }) => [results.get(name)!.path, loadFixture(name).afterPath]);
      botocore = parseWithBotocore(paths);
    }
  });

  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('every fixture directory has a case here, and every case a directory', () => {
    const dirs = readdirSync(FIXTURES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(dirs.sort()).toEqual(cases.map(({ name }) => name).sort());
  });

  it('the byte-exact fixtures were not normalized on checkout', () => {
    const crlf = loadFixture('crlf');
    for (const text of [crlf.before, crlf.after]) {
      expect(text).toContain('\r\n');
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    }
    for (const name of ['no-final-newline-replace', 'no-final-newline-insert', 'no-final-newline-append']) {
      expect(loadFixture(name).before.endsWith('\n')).toBe(false);
    }
    expect(loadFixture('empty-file').before).toBe('');
  });

  describe.each(cases)('$name: $title', ({ name }) => {
    it('produces after.ini exactly', () => {
      expect(results.get(name)!.text).toBe(loadFixture(name).after);
    });

    it('editing after.ini again changes nothing', () => {
      const fixture = loadFixture(name);
      expect(editIni(fixture.after, fixture.edits)).toBe(fixture.after);
    });

    it('the JS SDK loader reads back every value set', async () => {
      const fixture = loadFixture(name);
      for (const edit of fixture.edits) {
        const section = await readWithSdk(results.get(name)!.path, fixture.kind, edit.section);
        expect(section, `section ${edit.section}`).toBeDefined();
        for (const [key, value] of Object.entries(edit.values)) {
          expect(section![key], `${edit.section}.${key}`).toBe(value);
        }
      }
    });

    describe.skipIf(!botocoreAvailable)('botocore (the AWS CLI parser)', () => {
      it('parses the result and reads back every value set', () => {
        const fixture = loadFixture(name);
        const parsed = botocore[results.get(name)!.path];
        for (const edit of fixture.edits) {
          const section = botocoreSection(parsed, fixture.kind, edit.section);
          for (const [key, value] of Object.entries(edit.values)) {
            expect(section[key.toLowerCase()], `${edit.section}.${key}`).toBe(value);
          }
        }
      });

      it('parses after.ini and reads back every value set', () => {
        const fixture = loadFixture(name);
        const parsed = botocore[fixture.afterPath];
        for (const edit of fixture.edits) {
          const section = botocoreSection(parsed, fixture.kind, edit.section);
          for (const [key, value] of Object.entries(edit.values)) {
            expect(section[key.toLowerCase()], `${edit.section}.${key}`).toBe(value);
          }
        }
      });
    });
  });

  it('crlf: every line ending of the result is CRLF', () => {
    const { text } = results.get('crlf')!;
    expect(text.match(/\r\n/g)?.length).toBe(text.match(/\n/g)?.length);
  });

  it('profile-vs-plain-in-config: the [alice] lines are the same as before', () => {
    const plainAlice = (text: string) => text.slice(0, text.indexOf('[profile alice]'));
    expect(plainAlice(results.get('profile-vs-plain-in-config')!.text)).toBe(
      plainAlice(loadFixture('profile-vs-plain-in-config').before),
    );
  });
});

describe('editIni refuses what would break the file', () => {
  it.each<{ title: string; text: string; edit: SectionEdit }>([
    { title: 'a section twice', text: '[alice]\na = 1\n\n[alice]\nb = 2\n', edit: { section: 'alice', values: { a: '2' } } },
    {
      title: '[default] and its alias [profile default]',
      text: '[default]\nregion = x\n\n[profile default]\nregion = y\n',
      edit: { section: 'default', aliases: ['profile default'], values: { region: 'z' } },
    },
  ])('$title → ini.duplicateSection', ({ text, edit }) => {
    const error = userErrorFrom(() => editIni(text, [edit]));
    expect(error.id).toBe('ini.duplicateSection');
    expect(errorText(error)).toContain(`[${edit.section}]`);
  });

  it('a header with extra whitespace is another section, as the SDKs read it: no duplicate', () => {
    const text = '[profile alice]\nregion = x\n[ profile  alice ]\n';
    expect(editIni(text, [{ section: 'profile alice', values: { region: 'y' } }])).toBe(
      '[profile alice]\nregion = y\n[ profile  alice ]\n',
    );
  });

  it.each([
    { title: 'LF', value: 'SECRETPARTONE\nSECRETPARTTWO' },
    { title: 'CR', value: 'SECRETPARTONE\rSECRETPARTTWO' },
    { title: 'CRLF', value: 'SECRETPARTONE\r\nSECRETPARTTWO' },
    { title: 'a trailing newline', value: 'SECRETPARTONE\n' },
  ])('a value with $title → ini.badValue, without echoing the value', ({ value }) => {
    const error = userErrorFrom(() =>
      editIni('[alice]\n', [{ section: 'alice', values: { aws_secret_access_key: value } }]),
    );
    expect(error.id).toBe('ini.badValue');
    expect(errorText(error)).toContain('aws_secret_access_key');
    expect(errorText(error)).not.toContain('SECRETPARTONE');
    expect(errorText(error)).not.toContain('SECRETPARTTWO');
  });

  it.each([
    { title: 'a closing bracket', section: 'profile a]b' },
    { title: 'an opening bracket', section: '[profile alice' },
    { title: 'a newline', section: 'alice\n[evil]' },
    { title: 'a carriage return', section: 'alice\r' },
    { title: 'nothing', section: '' },
    { title: 'only spaces', section: '   ' },
  ])('a section name with $title → ini.badName', ({ section }) => {
    const error = userErrorFrom(() => editIni('', [{ section, values: { region: 'us-east-1' } }]));
    expect(error.id).toBe('ini.badName');
  });

  it.each([
    { title: 'a space', key: 'aws access key' },
    { title: 'an equals sign', key: 'a=b' },
    { title: 'a newline', key: 'region\nmfa_serial' },
    { title: 'a bracket', key: '[region]' },
  ])('a key with $title → ini.badName', ({ key }) => {
    const error = userErrorFrom(() => editIni('[alice]\n', [{ section: 'alice', values: { [key]: 'x' } }]));
    expect(error.id).toBe('ini.badName');
  });

  it('a bad value in a later edit fails the whole call', () => {
    expect(() =>
      editIni('', [
        { section: 'alice', values: { region: 'us-east-1' } },
        { section: 'bob', values: { region: 'bad\nvalue' } },
      ]),
    ).toThrow(UserError);
  });
});

describe('readIniValue', () => {
  const config = [
    '# [profile alice] in a comment is no section',
    '[alice]',
    'region = ap-south-1',
    '',
    '[ profile   alice ]',
    'region = sa-east-1',
    '[profile alice]',
    'REGION=us-east-1',
    'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
    'region = eu-west-1',
    '',
    '[profile default]',
    'aws_session_token = abc/def+ghi==',
    '',
  ].join('\n');

  it.each([
    { title: 'the first matching line, key case ignored', section: 'profile alice', key: 'region', expected: 'us-east-1' },
    { title: 'the plain section, not the profile', section: 'alice', key: 'region', expected: 'ap-south-1' },
    { title: 'a value with `:` and `/`', section: 'profile alice', key: 'mfa_serial', expected: 'arn:aws:iam::123456789012:mfa/alice' },
    { title: 'a value with `=` and `+`', section: ['default', 'profile default'], key: 'aws_session_token', expected: 'abc/def+ghi==' },
    { title: 'a missing key', section: 'alice', key: 'mfa_serial', expected: undefined },
    { title: 'a missing section', section: 'profile bob', key: 'region', expected: undefined },
    { title: 'a section only named in a comment', section: 'default', key: 'aws_session_token', expected: undefined },
  ])('reads $title', ({ section, key, expected }) => {
    expect(readIniValue(config, section, key)).toBe(expected);
  });

  it('does not take `[ profile   alice ]` for profile alice (neither SDK does)', () => {
    expect(readIniValue('[ profile   alice ]\nregion = sa-east-1\n', 'profile alice', 'region')).toBeUndefined();
  });

  it('reads a `key: value` line (configparser takes both delimiters)', () => {
    expect(readIniValue('[alice]\nregion: eu-north-1\n', 'alice', 'region')).toBe('eu-north-1');
  });

  it('reads a CRLF file without the carriage return', () => {
    expect(readIniValue('[alice]\r\nregion = us-east-1\r\n', 'alice', 'region')).toBe('us-east-1');
  });

  it('reads a key indented under its header', () => {
    expect(readIniValue('[alice]\n    region = us-east-1\n', 'alice', 'region')).toBe('us-east-1');
  });
});

describe('listIniSections', () => {
  it('lists headers in file order, exactly as written, ignoring comments and continuation lines', () => {
    const text = [
      '# [commented]',
      '[default]',
      'region = us-east-1',
      '[ profile   alice ]   ; note',
      '[services local]',
      'iam =',
      '  endpoint_url = http://localhost',
      '[alice]',
      '[alice]',
    ].join('\r\n');
    expect(listIniSections(text)).toEqual(['default', ' profile   alice ', 'services local', 'alice', 'alice']);
  });

  it('lists nothing in an empty file', () => {
    expect(listIniSections('')).toEqual([]);
  });
});

describe('a 10 MB file (issue 14, group 8)', () => {
  const filler = Array.from({ length: 88_000 }, (_, i) => `[user${i}]\naws_access_key_id = AKIA${String(i).padStart(16, '0')}\naws_secret_access_key = ${'b'.repeat(40)}\n`).join('\n');
  const tail = '\n[alice]\n# keys\naws_access_key_id = OLD\n  continued\n\n[bob]\nregion = x';
  const edits: SectionEdit[] = [
    { section: 'alice', values: { aws_access_key_id: 'NEW', aws_session_token: 'T' } },
    { section: 'alice-mfa', values: { aws_access_key_id: 'S' } },
  ];

  it('reads and edits as in a small file, the 88,000 other sections untouched, and fast (0.24 s here, 6 s before)', async () => {
    const big = filler + tail;
    expect(big.length).toBeGreaterThan(10_000_000);
    const started = Date.now();
    const sections = listIniSections(big);
    const value = readIniValue(big, 'alice', 'aws_access_key_id');
    const edited = editIni(big, edits);
    const seconds = (Date.now() - started) / 1000;
    expect(sections).toHaveLength(88_002);
    expect(sections.slice(-2)).toEqual(['alice', 'bob']);
    expect(value).toBe('OLD');
    expect(edited).toBe(filler + editIni(tail, edits));
    expect(editIni(tail, edits)).toBe('\n[alice]\n# keys\naws_access_key_id = NEW\naws_session_token = T\n\n[bob]\nregion = x\n\n[alice-mfa]\naws_access_key_id = S\n');
    // Figure: 0.24 s here for all three (6 s before: every line was classified, each time).
    console.info(`10 MB: list + read + 2 edits in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(3);
    expect(readIniValue(big, 'user87999', 'aws_access_key_id')).toBe('AKIA0000000000087999');
    expect(readIniValue(big, 'nobody', 'region')).toBeUndefined();
  });
});
