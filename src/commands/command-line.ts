// A command line shown for pasting: words quoted as a POSIX shell needs them.

/** `argv` as one line a shell reads back as the same words. */
export function shellLine(argv: readonly string[]): string {
  return argv.map((word) => (/^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`)).join(' ');
}
