// A command line shown for pasting: words quoted as a POSIX shell needs them.

/** One word as a shell reads it back: as it is when plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `argv` as one line a shell reads back as the same words. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellWord).join(' ');
}
