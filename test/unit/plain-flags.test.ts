import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generatedLines } from '../helpers/generated-lines.js';
import { plainFlags } from '../../src/commands/plain-flags.js';
import { session } from '../../src/commands/session.flags.js';

/** What parseArgs makes of `args` with session's table, as `session` runs it; undefined when it refuses them. */
function parsed(args: string[]) {
  try {
    return parseArgs({ args, options: session.flags, allowPositionals: true, strict: true });
  } catch {
    return undefined;
  }
}

/** The words a command line is made of here: session's flags in each spelling, values plain and odd, and words that are no flag. */
const WORDS = [
  ...Object.keys(session.flags).flatMap((name) => [`--${name}`, `--${name}=x`]),
  '-h',
  '-V',
  '-y',
  '-yh',
  '--',
  '-',
  '--profile=',
  '--export=sh',
  '--no-force',
  '--Profile',
  '--unknown',
  'alice',
  'sh',
  '-x',
  '--profile=a=b',
  '',
];

describe('plainFlags (the start-up path reads session flags without parseArgs)', () => {
  it('reads what parseArgs reads, or leaves the line to it: 20,000 generated command lines', () => {
    let read = 0;
    for (const args of generatedLines(WORDS, 20_000, 6, 25)) {
      const plain = plainFlags(args, session.flags);
      if (plain === undefined) continue;
      read++;
      const full = parsed(args);
      expect(full, JSON.stringify(args)).toBeDefined();
      expect(full!.positionals, JSON.stringify(args)).toEqual([]);
      expect({ ...plain }, JSON.stringify(args)).toEqual({ ...full!.values });
    }
    // Not a vacuous pass: most lines made of flags are read.
    expect(read).toBeGreaterThan(2_000);
  });

  it.each([
    [['--profile', 'alice', '--credential-process']],
    [['--credential-process', '--profile=alice', '--min-remaining', '30m']],
    [['--export', 'fish', '--session-profile', 'alice-mfa', '--region', 'eu-west-1']],
    [['-y', '--profile', 'alice', '--profile', 'bob', '--export', 'sh']],
    [['--lang', 'ja', '--export', 'powershell']],
    [[]],
  ])('reads the lines the AWS tools and shells run: %j', (args) => {
    const full = parsed(args)!;
    expect({ ...plainFlags(args, session.flags) }).toEqual({ ...full.values });
  });

  it.each([
    [['--profile', '-x'], 'a value that looks like a flag (parseArgs refuses it)'],
    [['--profile', '-'], 'a value of - (parseArgs takes it; left to it)'],
    [['--profile'], 'a value missing'],
    [['--force=yes'], 'a boolean given a value'],
    [['-yh'], 'grouped letters'],
    [['--', '--profile'], 'the end of flags'],
    [['alice'], 'a word that is not a flag'],
    [['--nope'], 'an unknown flag'],
    [['--toString'], "a name the table's prototype has"],
  ])('leaves %j to parseArgs: %s', (args) => {
    expect(plainFlags(args, session.flags)).toBeUndefined();
  });

  it('leaves a table with defaults to parseArgs (it would fill them in)', () => {
    expect(plainFlags(['--a', 'x'], { a: { type: 'string' }, b: { type: 'string', default: 'y' } })).toBeUndefined();
  });
});
