/** One line of a line diff: kept (' '), only in the old text ('-'), only in the new ('+'). */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

/** A policy document as people compare it: pretty JSON (two spaces), or the text as it is when it is not JSON. */
export function prettyPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * The lines that change from `before` to `after` (longest common subsequence), with up to
 * `context` unchanged lines around each change; a gap is one `…` line, naming the last line
 * matching `anchor` that it hides. Policies are a few
 * hundred lines at most, so the quadratic table is small.
 */
export function lineDiff(before: string, after: string, { context = 2, anchor }: { context?: number; anchor?: RegExp } = {}): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const all: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      all.push({ kind: ' ', text: a[i]! });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      // What goes is shown before what comes in its place.
      all.push({ kind: '-', text: a[i]! });
      i++;
    } else {
      all.push({ kind: '+', text: b[j]! });
      j++;
    }
  }
  const near = (index: number) => all.slice(Math.max(0, index - context), index + context + 1).some((line) => line.kind !== ' ');
  const shown: DiffLine[] = [];
  let gap: DiffLine | undefined;
  all.forEach((line, index) => {
    if (near(index)) {
      gap = undefined;
      shown.push(line);
    } else {
      if (!gap) shown.push((gap = { kind: ' ', text: '…' }));
      // A gap names the last `anchor` line it hides (a statement's Sid): where the change is.
      if (anchor?.test(line.text)) gap.text = `… ${line.text.trim()}`;
    }
  });
  return shown;
}
