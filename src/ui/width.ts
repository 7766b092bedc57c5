// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Text of characters one column wide without a look-up: printable ASCII, Latin-1 and the
 * Latin, IPA and spacing-modifier blocks, and general punctuation, arrows and technical
 * symbols up to the first wide one (U+231A), less the invisible and combining ones among them,
 * and the marks output.ts puts before a line (✔ ✖). Loading the East Asian width tables costs a
 * quarter of Node's start-up, which `--help` (its arrows, ellipses and bullets) and the line
 * `session --export` says on every shell start would pay. (test/unit/messages.test.ts holds every such code
 * point to string-width.)
 */
const NARROW = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2319\u2714\u2716]*$/;
/**
 * Japanese text in common characters: those above, and hiragana, katakana, the CJK ideographs,
 * Japanese punctuation and brackets and the fullwidth forms, which take two columns each
 * (`WIDE_JAPANESE`; the same test holds every one to get-east-asian-width). Japanese help and
 * messages are measured without loading the width tables or the Unicode pattern below.
 */
const COMMON_JAPANESE = /^[\x20-\x7e\u00a1-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2319\u2714\u2716\u3001-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u4e00-\u9fff\uff01-\uff60]*$/;
const WIDE_JAPANESE = /[\u3001-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u4e00-\u9fff\uff01-\uff60]/;
/**
 * Text in which every code point is a character of its own on screen: no combining or
 * joining marks, variation selectors, skin tones, flags, Hangul jamo, prepended signs, the
 * few letters that join the one before (Thai and Lao am, Kirat Rai vowels) or invisible
 * code points. Its width is the sum of the code points' East Asian widths, which
 * is what string-width finds for it too (test/unit/messages.test.ts checks every such code
 * point), without its grapheme segmentation and emoji pattern, ten times slower.
 */
// NOTE: made on first use: V8 checks a regular expression written out in the code when it
// compiles the file, and the Unicode properties of this one cost ¾ ms, which --help in English
// and the fast session path never need.
let oneCodePointACharacter: RegExp | undefined;
const ONE_CODE_POINT_A_CHARACTER = {
  test: (text: string) =>
    (oneCodePointACharacter ??= new RegExp(String.raw`^[^\p{M}\p{C}\p{Default_Ignorable_Code_Point}\p{Emoji_Modifier}\p{Regional_Indicator}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0d4e\u0e33\u0eb3\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{113d1}\u{11d46}\u{11f02}\u{16d68}-\u{16d6a}]*$`, 'u')).test(text),
};

/**
 * Terminal display width, by grapheme cluster (string-width): East Asian wide and fullwidth
 * characters and emoji take two columns, whatever skin tone or zero-width joiners make them
 * up; combining marks and colour codes none.
 */
export function displayWidth(text: string): number {
  // Most text is plain ASCII: one column a character.
  if (PRINTABLE_ASCII.test(text) || NARROW.test(text)) return text.length;
  if (COMMON_JAPANESE.test(text)) {
    let columns = 0;
    for (const char of text) columns += WIDE_JAPANESE.test(char) ? 2 : 1;
    return columns;
  }
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (!ONE_CODE_POINT_A_CHARACTER.test(plain)) return stringWidth()(plain);
  let width = 0;
  for (const char of plain) width += eastAsianWidth()(char.codePointAt(0)!);
  return width;
}

// NOTE: required on first use, not imported: loading string-width builds its emoji patterns
// (about 30 ms and 1.4 MiB), which plain ASCII (all of --help in English) and Japanese never
// need; esbuild bundles each require as a module initialised on first call.
let widthOfClusters: typeof import('string-width').default | undefined;
let widthOfCodePoint: typeof import('get-east-asian-width').eastAsianWidth | undefined;
const stringWidth = () => (widthOfClusters ??= (require('string-width') as typeof import('string-width')).default);
const eastAsianWidth = () => (widthOfCodePoint ??= (require('get-east-asian-width') as typeof import('get-east-asian-width')).eastAsianWidth);

let segmenter: Intl.Segmenter | undefined;

/** The characters as a terminal draws them: grapheme clusters (an emoji with its skin tone is one). */
function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text) || COMMON_JAPANESE.test(text) || ONE_CODE_POINT_A_CHARACTER.test(text)) return [...text];
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

/** A grapheme that takes two columns (a Japanese character, an emoji). */
const isWide = (grapheme: string) => grapheme !== '' && displayWidth(grapheme) === 2;

/** Pads with spaces to `width` display columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts to at most `width` display columns (never in the middle of a wide character or a cluster). */
export function truncateToWidth(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const char of graphemes(text)) {
    const w = displayWidth(char);
    if (used + w > width) break;
    out += char;
    used += w;
  }
  return out;
}

/**
 * Label/value rows with the values aligned by display width, indented by two spaces; with
 * `width`, a long value wraps under itself (a path or an ARN on a line of its own). A
 * `command` row puts its command whole on the line under its label.
 */
export function table(rows: [label: string, value: string, kind?: 'command'][], width?: number): string[] {
  const labelWidth = Math.max(...rows.map(([label]) => displayWidth(label)));
  const indent = ' '.repeat(labelWidth + 4);
  // NOTE: a command is never broken: a copied half of it would run without the rest. A value's
  // later lines (a command on its own line) stand under it, with or without a width to wrap to.
  const wrapped = (value: string) => (width === undefined ? value : wrapText(value, Math.max(20, width - indent.length))).split('\n').join(`\n${indent}`);
  // A command to paste stands on a line of its own under its label: selecting the line takes it alone.
  return rows.map(([label, value, kind]) => (kind === 'command' ? `  ${label}\n    ${value}` : `  ${padToWidth(label, labelWidth)}  ${wrapped(value)}`));
}

/**
 * Rows of cells in aligned columns (by display width, measured on the cells as they are shown:
 * control characters spelt out by `visible`), two spaces between, indented by two. Given a
 * `width` the table fits it: wider columns are narrowed first, their cells wrapped at word
 * boundaries (never inside a word); when even the narrowest columns do not fit, each row is a
 * block of its own (its first cell, then the others under it, labelled by the header row
 * when there is one).
 */
export function grid(rows: string[][], options: { width?: number; header?: boolean } = {}): string[] {
  const shown = rows.map((row) => row.map(visible));
  const columns = Math.max(0, ...shown.map((row) => row.length));
  const natural = Array.from({ length: columns }, (_, i) => Math.max(0, ...shown.map((row) => displayWidth(row[i] ?? ''))));
  const { width } = options;
  const room = width === undefined ? Infinity : width - 2 - 2 * (columns - 1);
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0);
  if (sum(natural) <= room) return aligned(shown, natural);
  // The narrowest a column can be: its longest word (a word is never split).
  const least = Array.from({ length: columns }, (_, i) => Math.max(0, ...shown.map((row) => longestWord(row[i] ?? ''))));
  if (sum(least) <= room) {
    const widths = [...least];
    // The room left goes to the columns that want it, a column at a time, widest want last.
    let left = room - sum(least);
    const wants = widths.map((w, i) => i).sort((a, b) => natural[a]! - least[a]! - (natural[b]! - least[b]!));
    for (const [k, i] of wants.entries()) {
      const share = Math.floor(left / (wants.length - k));
      const give = Math.min(natural[i]! - widths[i]!, share);
      widths[i]! += give;
      left -= give;
    }
    return aligned(shown, widths);
  }
  return stacked(shown, options.header ?? false, width!);
}

/** The longest unbreakable run of a cell (a word; a wide character stands alone). */
function longestWord(cell: string): number {
  return Math.max(0, ...wrapText(cell, 1).split('\n').map(displayWidth));
}

/** Cells in columns of the given widths, each wrapped to its column, rows as tall as their tallest cell. */
function aligned(rows: string[][], widths: number[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const cells = row.map((cell, i) => (displayWidth(cell) <= widths[i]! ? [cell] : wrapText(cell, widths[i]!).split('\n')));
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      lines.push(`  ${cells.map((c, i) => (i === cells.length - 1 ? c[k] ?? '' : padToWidth(c[k] ?? '', widths[i]!))).join('  ')}`.trimEnd());
    }
  }
  return lines;
}

/** One block a row: its first cell, then each other cell under it (after its header's name), wrapped to `width`. */
function stacked(rows: string[][], header: boolean, width: number): string[] {
  const [names, ...records] = header ? [rows[0]!, ...rows.slice(1)] : [[], ...rows];
  const labelWidth = Math.max(0, ...names.slice(1).map(displayWidth));
  const indent = 4 + (labelWidth > 0 ? labelWidth + 2 : 0);
  const lines: string[] = [];
  for (const [r, [first = '', ...rest]] of records.entries()) {
    if (r > 0) lines.push('');
    lines.push(`  ${first}`);
    rest.forEach((cell, i) => {
      // An empty cell (no error) says nothing in a block.
      if (cell === '') return;
      const label = labelWidth > 0 ? `${padToWidth(names[i + 1] ?? '', labelWidth)}  ` : '';
      const value = wrapText(cell, Math.max(20, width - indent)).split('\n').join(`\n${' '.repeat(indent)}`);
      lines.push(...`    ${label}${value}`.trimEnd().split('\n'));
    });
  }
  return lines;
}

/**
 * Punctuation that never starts a line (Japanese line-breaking rules, kinsoku), the ASCII
 * kind too: "(既定: …します)" keeps its ")".
 */
const NO_BREAK_BEFORE = new Set([...'。、，．・：；？！ー）」』】〉》〕］｝…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)],.:;!?']);
/** Punctuation that never ends a line. */
const NO_BREAK_AFTER = new Set([...'（「『【〈《〔［｛([']);

/** A flag (`--profile`, `-y`), which stays on the line of the word before it. */
const FLAG = /^-{1,2}[A-Za-z]/;

/**
 * Units a line may break between: words (with the space before them) and wide characters.
 * A flag is one unit with the word before it ("with --profile"), unless that word ends a
 * list item ("--a, --b"): a line never starts with a flag its sentence leads up to.
 */
function breakUnits(line: string): { text: string; space: boolean }[] {
  return splitUnits(line).reduce<{ text: string; space: boolean }[]>((units, unit) => {
    const before = units[units.length - 1];
    if (before && unit.space && FLAG.test(unit.text) && !before.text.endsWith(',') && !before.text.endsWith('、')) before.text += ` ${unit.text}`;
    else units.push(unit);
    return units;
  }, []);
}

function splitUnits(line: string): { text: string; space: boolean }[] {
  // Plain ASCII breaks at spaces only: words as they are, no per-character work.
  if (PRINTABLE_ASCII.test(line)) {
    return line.split(/( +)/).reduce<{ text: string; space: boolean }[]>((units, part, i) => {
      if (i % 2 === 0 && part !== '') units.push({ text: part, space: i > 0 });
      return units;
    }, []);
  }
  const units: { text: string; space: boolean }[] = [];
  let space = false;
  let previous = '';
  for (const char of graphemes(line)) {
    if (char === ' ') {
      space = true;
      previous = char;
      continue;
    }
    const breakBefore =
      units.length === 0 ||
      space ||
      (!NO_BREAK_BEFORE.has(char) && !NO_BREAK_AFTER.has(previous) && (isWide(char) || isWide(previous)));
    if (breakBefore) units.push({ text: char, space });
    else units[units.length - 1]!.text += char;
    space = false;
    previous = char;
  }
  return units;
}

/**
 * Wraps prose to `width` display columns at word boundaries (Japanese between characters,
 * never before 。or 、), continuation lines indented by `hang`, and so is a line of prose
 * that follows a command. A word longer than a line (a path, an ARN) gets a line of its own,
 * whole. Lines that start with a space are preformatted (a command to paste, a table) and
 * left as they are: we never break a command, whatever the width.
 */
export function wrapText(text: string, width: number, hang = 0): string {
  let first = true;
  return text
    .split('\n')
    .map((line) => {
      const lead = first ? '' : ' '.repeat(hang);
      if (line !== '') first = false;
      if (line.startsWith(' ') || line === '') return line;
      // NOTE: no width to keep to (no terminal): nothing measured, nothing to load for it.
      if (width === Infinity || displayWidth(lead + line) <= width) return lead + line;
      const lines: string[] = [];
      let current = lead;
      let used = lead.length;
      for (const unit of breakUnits(line)) {
        const unitWidth = displayWidth(unit.text);
        const gap = unit.space ? 1 : 0;
        if (current.trim() !== '' && used + gap + unitWidth > width) {
          lines.push(current);
          current = ' '.repeat(hang) + unit.text;
          used = hang + unitWidth;
        } else if (current.trim() === '') {
          current += unit.text;
          used += unitWidth;
        } else {
          current = `${current}${gap ? ' ' : ''}${unit.text}`;
          used += gap + unitWidth;
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * Control characters other than newline and tab (C0, DEL, C1, and the bidirectional
 * overrides that reorder what is shown): a name from a CSV, a state file or AWS carrying
 * them could move the cursor, rewrite the screen or the window title, or disguise itself.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Shows control characters as `\uHHHH`, so text from files reaches the terminal as text.
 * The same spelling as JSON's: JSON printed for scripts stays valid and means the same.
 */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
