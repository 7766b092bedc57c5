// The first word of a command line is a command's name or the wizard's CSV: tell them apart
// before anything runs, so that a mistyped command is not looked for as a file.
import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';
import { shellLine } from '../ui/command-line.js';

/** Edits (insert, delete, change, swap two neighbours) that turn `a` into `b`. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The name `word` is most likely a slip of: one or two edits away (one for short names), or the start of only one. */
export function closestName(word: string, names: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const near = names
    .map((name) => ({ name, edits: distance(typed, name) }))
    .filter(({ name, edits }) => edits <= (name.length <= 4 ? 1 : 2))
    .sort((a, b) => a.edits - b.edits);
  if (near.length > 0) return near[0]!.name;
  const starting = typed.length >= 3 ? names.filter((name) => name.startsWith(typed)) : [];
  return starting.length === 1 ? starting[0] : undefined;
}

/** A word the wizard reads as its CSV: it has a folder separator or ends in .csv, or a file of that name exists. */
export function looksLikePath(word: string, exists: (path: string) => boolean = existsSync): boolean {
  return /[/\\]/.test(word) || /\.csv$/i.test(word) || exists(word);
}

/** An unknown option's error: with the flag it is most likely a slip of, when there is one (never the old --serial). */
export function unknownOption(option: string, flags: readonly string[]): UserError {
  const near = option.startsWith('--') ? closestName(option.slice(2), flags.filter((flag) => flag !== 'serial')) : undefined;
  return near !== undefined ? new UserError('cli.unknownOptionNear', { option, near: `--${near}` }) : new UserError('cli.unknownOption', { option });
}

/**
 * Refuses a first word that names no command and is no CSV path: "did you mean …" when it
 * is close to a command (with the command line corrected), else what the commands are and
 * how a CSV is given.
 */
export function checkCommandWord(word: string, names: readonly string[], argv: readonly string[]): void {
  if (looksLikePath(word)) return;
  const command = closestName(word, names);
  if (command !== undefined) {
    const at = argv.indexOf(word);
    const line = shellLine(['mfa-onboard', ...argv.slice(0, at), command, ...argv.slice(at + 1)]);
    throw new UserError('cli.didYouMean', { word, command, line });
  }
  throw new UserError('cli.unknownCommand', { word, commands: names.join(', ') });
}
