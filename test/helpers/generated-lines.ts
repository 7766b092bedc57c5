/**
 * `count` command lines of up to `longest - 1` words drawn from `words`, from a fixed seed: the
 * same lines on every run, so a failure names a line that fails again.
 */
export function generatedLines(words: readonly string[], count: number, longest: number, seed: number): string[][] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(longest) }, () => words[next(words.length)]!));
}
