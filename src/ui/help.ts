// Help laid out once, from rows: the commands keep their help as data (a flag, the message
// that describes it), and this lays those rows out for the terminal, in any language.
import { displayWidth, padToWidth, wrapText } from './width.js';

/** A part of a help screen, already translated; parts are separated by a blank line. */
export type HelpBlock =
  /** A paragraph; a line of its own indented by spaces is a command, never broken. */
  | { kind: 'text'; text: string }
  /** A heading with what follows it directly under it. */
  | { kind: 'section'; heading: string; body: HelpBody }
  | HelpBody;

/** What a section holds. */
export type HelpBody =
  /** Command-line syntax: broken only between a bracketed group or a flag and its value, never inside one. */
  | { kind: 'usage'; lines: readonly string[] }
  /** Two columns: what is typed (a flag, a command) and what it does. */
  | { kind: 'rows'; rows: readonly (readonly [what: string, description: string])[] };

/** The left column never takes more than this: a longer entry puts its description on the next line. */
const MAX_LEFT = 26;
/** Narrower than this, a description goes under its entry instead of beside it. */
const MIN_DESCRIPTION = 30;
const INDENT = '  ';

/** Lays out a help screen for `width` columns: every line fits, except a command, which is never broken. */
export function layoutHelp(blocks: readonly HelpBlock[], width: number): string {
  return blocks.map((block) => layoutBlock(block, width).join('\n')).join('\n\n');
}

function layoutBlock(block: HelpBlock, width: number): string[] {
  switch (block.kind) {
    case 'text':
      return wrapText(block.text, width).split('\n');
    case 'section':
      return [block.heading, ...layoutBlock(block.body, width)];
    case 'usage':
      return block.lines.flatMap((line) => usageLines(line, width));
    case 'rows':
      return rowLines(block.rows, width);
  }
}

/**
 * One usage line, broken where it is too long only between its groups (a bracketed
 * group, a flag with its value), the rest hanging under the command's name.
 */
function usageLines(line: string, width: number): string[] {
  const groups: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of line) {
    // Words are split at spaces outside brackets: a bracketed group is one word.
    if (char === ' ' && depth === 0) {
      groups.push(current);
      current = '';
      continue;
    }
    if (char === '[') depth++;
    if (char === ']') depth--;
    current += char;
  }
  groups.push(current);
  // A flag's value (`--user NAME`) and the words of the command's name (`mfa-onboard batch
  // users.csv`) stay with what they follow: a line breaks only before a flag or a bracket.
  const units = groups.reduce<string[]>((all, group, i) => {
    if (i > 0 && !/^[[-]/.test(group) && !/^\[/.test(all[all.length - 1]!)) all[all.length - 1] += ` ${group}`;
    else all.push(group);
    return all;
  }, []);
  const hang = INDENT + ' '.repeat(4);
  const lines: string[] = [];
  let text = INDENT + units[0]!;
  for (const unit of units.slice(1)) {
    if (displayWidth(text) + 1 + displayWidth(unit) > width) {
      lines.push(text);
      text = hang + unit;
    } else text += ` ${unit}`;
  }
  return [...lines, text];
}

/** Rows in two columns; a description too long for its column wraps in it (or under its entry, when narrow). */
function rowLines(rows: readonly (readonly [string, string])[], width: number): string[] {
  const left = Math.min(MAX_LEFT, Math.max(...rows.map(([what]) => displayWidth(what))));
  const beside = width - INDENT.length - left - 2 >= MIN_DESCRIPTION;
  const column = beside ? INDENT.length + left + 2 : INDENT.length + 4;
  const room = width - column;
  const at = ' '.repeat(column);
  // A command stands on a line of its own, whole; where the column is too narrow for it, further left.
  const commandAt = (command: string) => (displayWidth(command) <= room ? at : ' '.repeat(INDENT.length + 4));
  return rows.flatMap(([what, description]) => {
    const said = description.split('\n').flatMap((part) => {
      const command = part.trimStart();
      return part.startsWith(' ') ? [commandAt(command) + command] : wrapText(part, room).split('\n').map((line) => at + line);
    });
    const entry = INDENT + what;
    if (beside && displayWidth(what) <= left && said[0]!.startsWith(at)) return [padToWidth(entry, column) + said[0]!.slice(column), ...said.slice(1)];
    return [entry, ...said];
  });
}
