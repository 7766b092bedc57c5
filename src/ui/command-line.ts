// A command line shown for pasting: words quoted as a POSIX shell needs them.

/** One word as a shell reads it back: as it is when plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `argv` as one line a shell reads back as the same words. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellWord).join(' ');
}

/**
 * A command for another computer (a hire's), reaching the IAM and STS this run reaches:
 * `--endpoint-url URL` when one URL serves both, else the service variables before it (for
 * a POSIX shell); as it is when both are AWS's own.
 */
export function lineReaching(argv: readonly string[], endpoints: { iam?: string; sts?: string }): string {
  const { iam, sts } = endpoints;
  if (iam !== undefined && iam === sts) return shellLine([...argv, '--endpoint-url', iam]);
  return shellLine([...(iam !== undefined ? [`AWS_ENDPOINT_URL_IAM=${iam}`] : []), ...(sts !== undefined ? [`AWS_ENDPOINT_URL_STS=${sts}`] : []), ...argv]);
}
