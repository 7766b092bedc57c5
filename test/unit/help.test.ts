import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { admin } from '../../src/commands/admin.flags.js';
import { batch } from '../../src/commands/batch.flags.js';
import { demo } from '../../src/commands/demo.flags.js';
import { addBackup } from '../../src/commands/add-backup.flags.js';
import { emulator } from '../../src/commands/emulator.flags.js';
import { COMMAND_NAMES, type CommandFlags, type FlagTable } from '../../src/commands/flags.js';
import { policy } from '../../src/commands/policy.flags.js';
import { reset } from '../../src/commands/reset.flags.js';
import { session } from '../../src/commands/session.flags.js';
import { setup } from '../../src/commands/setup.flags.js';
import { status } from '../../src/commands/status.flags.js';
import { layoutHelp } from '../../src/ui/help.js';
import { catalogs, format, type Language } from '../../src/ui/messages/index.js';
import { displayWidth, wrapText } from '../../src/ui/width.js';

const COMMANDS = [setup, session, status, reset, policy, admin, batch, demo, emulator, addBackup] as CommandFlags<FlagTable, unknown>[];
const LANGUAGES = Object.keys(catalogs) as Language[];

/** `mfa-onboard ...argv` with stdout a terminal `columns` wide: what it printed there. */
async function help(argv: string[], columns: number, lang: Language): Promise<string> {
  let text = '';
  const stdout = { write: (chunk: string) => ((text += chunk), true), columns, isTTY: true };
  const stderr = { write: () => true, isTTY: false };
  const code = await main(argv, { env: { MFA_ONBOARD_LANG: lang }, stdin: new PassThrough(), stdout, stderr, signal: new AbortController().signal } as never);
  expect(code).toBe(0);
  return text.replace(/\n$/, '');
}

/** Lines of a description that go on from the line before (indented past the entries). */
const continuations = (text: string) => text.split('\n').filter((line, i, all) => /^ {6,}\S/.test(line) && /\S/.test(all[i - 1] ?? ''));

describe('mfa-onboard --help: about two screens', () => {
  it('these tests cover every command', () => {
    expect(COMMANDS.map((c) => c.name).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it.each(LANGUAGES)('%s: at most 48 lines at 80 columns (191 before), every line fits, with every command and the way to more', async (lang) => {
    const text = await help(['--help'], 80, lang);
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(48);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    for (const command of COMMANDS) expect(text).toMatch(new RegExp(`^  ${command.name} `, 'm'));
    expect(text).toMatch(/^ {4}mfa-onboard COMMAND --help$/m);
    // The wizard's most used options, not every one of them.
    expect(text).toContain('--profile NAME');
    expect(text).not.toContain('--rehearse-fault');
  });
});

describe('<command> --help: every flag a command takes, laid out once by display width', () => {
  // The wizard's flags are listed by setup; reset, batch and demo point there.
  const own = (command: CommandFlags<FlagTable, unknown>) => command.help.rows.map(([what]) => what).join(' ');
  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s lists every flag it takes (the wizard\'s in setup --help)', (_name, command) => {
    const listed = `${own(command)} ${command.flags.user && command !== status && command !== setup ? own(setup) : ''}`;
    for (const flag of Object.keys(command.flags)) {
      // --serial is the old spelling of the device flags: taken, never advertised.
      if (flag === 'serial' || ['help', 'version', 'lang'].includes(flag)) continue;
      expect(listed, `--${flag}`).toMatch(new RegExp(`(^|[ ,])--${flag}([ ,]|$)`));
    }
  });

  const cases = LANGUAGES.flatMap((lang) => [60, 80, 140].flatMap((columns) => [[], ...COMMANDS.map((c) => [c.name])].map((words) => [lang, columns, words] as const)));
  it.each(cases)('%s at %i columns: %j --help fits, breaks no flag from its word, never starts a line with 。or 、', async (lang, columns, words) => {
    const text = await help([...words, '--help'], columns, lang);
    for (const line of text.split('\n')) {
      expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      expect(line).not.toMatch(/^\s*[。、)]/);
      expect(line).not.toMatch(/[(（]$/);
    }
    // "with" / "--profile of an administrator": a flag stays with the word that leads to it (after a
    // list's comma or a sentence's end, a line may start with one).
    for (const line of continuations(text)) if (/^\s+--/.test(line)) expect(text.split('\n')[text.split('\n').indexOf(line) - 1]).toMatch(/[,.;:、。]$/);
    expect(text).not.toMatch(/formerly|旧名/);
  });

  it('every description is there, whole, in either language', async () => {
    for (const lang of LANGUAGES) {
      const text = (await help(['setup', '--help'], 80, lang)).replace(/\s+/g, '');
      for (const [, id] of setup.help.rows) expect(text).toContain(catalogs[lang][id].replace(/\s+/g, ''));
    }
  });

  it('batch --help says the columns of users.csv', async () => {
    const text = await help(['batch', '--help'], 80, 'en');
    for (const column of ['user', 'path', 'group', 'csv']) expect(text).toMatch(new RegExp(`\\b${column} \\(`));
  });

  it('regression: "--region go with" / "--attach-group only" and "with" / "--profile of an administrator" stay together', () => {
    for (const width of [40, 50, 60, 70, 80]) {
      for (const [words, flag] of [
        [catalogs.en['help.note.policy'], '--attach-group'],
        ['which user of a credentials.csv holding several; with --profile of an administrator, the user to act for', '--profile'],
        ['--create-group, --policy-name, --profile and --region go with --attach-group only', '--attach-group'],
      ] as const) {
        const lines = wrapText(words, width).split('\n');
        const at = lines.findIndex((line) => line.includes(flag));
        expect(lines[at], `${width}: ${lines.join(' | ')}`).not.toMatch(new RegExp(`^${flag}`));
      }
    }
  });

  it('a usage line breaks between groups, never inside a bracket or between a flag and its value', () => {
    const usage = policy.help.usage[0]!;
    for (const width of [60, 80]) {
      const lines = layoutHelp([{ kind: 'usage', lines: [usage] }], width).split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect((line.match(/\[/g) ?? []).length).toBe((line.match(/]/g) ?? []).length);
        expect(line).not.toMatch(/--\S+$/);
      }
      expect(lines.map((line) => line.trim()).join(' ')).toBe(usage);
    }
  });

  it('a command in a description or a note stands whole on a line of its own, however narrow', () => {
    const text = layoutHelp(
      [{ kind: 'rows', rows: [['--export sh|fish|powershell|cmd', format(catalogs.ja['flag.session.export'])]] }, { kind: 'text', text: catalogs.en['help.note.batch'] }],
      60,
    );
    expect(text).toMatch(/^ +eval "\$\(mfa-onboard session --export sh\)"$/m);
    expect(text).toMatch(/^ {4}mfa-onboard setup --help$/m);
  });
});

describe('which first words are a CSV path', () => {
  it('a / or \\, a .csv ending, or a file that exists; not a bare word', async () => {
    const { looksLikePath, closestName: closestCommand } = await import('../../src/commands/command-word.js');
    const none = () => false;
    for (const word of ['./keys', 'C:\\Users\\a\\keys', 'keys.csv', 'KEYS.CSV', '~/Downloads/alice_accessKeys.csv']) expect(looksLikePath(word, none), word).toBe(true);
    for (const word of ['sesion', 'keys', 'status']) expect(looksLikePath(word, none), word).toBe(false);
    expect(looksLikePath('keys', (path) => path === 'keys')).toBe(true);
    const names = COMMANDS.map((c) => c.name);
    expect(['sesion', 'sesson', 'stauts', 'rset', 'polic', 'admn', 'bacth', 'deom', 'SETUP'].map((w) => closestCommand(w, names))).toEqual(['session', 'session', 'status', 'reset', 'policy', 'admin', 'batch', 'demo', 'setup']);
    expect(['alice', 'keys', 'frobnicate', 'se'].map((w) => closestCommand(w, names))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
