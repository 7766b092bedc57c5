import { visible, wrapText } from './width.js';

export { visible } from './width.js';
/** Where the tool writes: status for people on stderr, data for scripts on stdout. */
export interface Output {
  /** A line of status for the person (stderr). */
  info(text: string): void;
  /** A line saying something succeeded. */
  success(text: string): void;
  /** A line of warning. */
  warn(text: string): void;
  /** A line of a heading. */
  heading(text: string): void;
  /** The paragraph that says why the run stopped (after a blank line). */
  error(text: string): void;
  /** Text as it is, with no newline added (stderr): QR codes, countdowns. */
  raw(text: string): void;
  /** Shows a secret the person asked to see (the MFA key for manual entry): the one unfiltered path. */
  reveal(text: string): void;
  /** Data for scripts (stdout). */
  data(text: string): void;
  /** Credentials the person asked for on stdout (--export, --credential-process): unfiltered. */
  secretData(text: string): void;
  /** Never print this value: any occurrence in later output is replaced by asterisks. */
  addSecret(value: string): void;
  /** Applies the secret filter, and `visible`, to a string (for text that leaves by another way, such as prompts). */
  redact(text: string): string;
  readonly isTTY: boolean;
  /** Stdout (data, secrets asked for) is a terminal: a person would read it there, not a program. */
  readonly dataIsTTY: boolean;
  readonly color: boolean;
  /** Terminal size, when there is a terminal. */
  size(): { columns: number; rows: number } | undefined;
  /**
   * Switches to the terminal's alternate screen: what is drawn there never reaches the
   * scrollback (the QR code and the key are secrets). Nothing happens without a terminal.
   */
  enterAlternateScreen(): void;
  /** Back to the normal screen as it was, cursor shown. Does nothing when not on the alternate screen. */
  leaveAlternateScreen(): void;
  /** Clears the whole screen and puts the cursor at the top (for redrawing the alternate screen). */
  clearScreen(): void;
  /** Calls `listener` when the terminal window is resized; returns how to stop listening. */
  onResize(listener: () => void): () => void;
}

interface Stream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

const ENTER_ALTERNATE = '\u001b[?1049h\u001b[H\u001b[2J';
const LEAVE_ALTERNATE = '\u001b[?25h\u001b[?1049l';

/** True when colour may be used on `stream`: a terminal, no NO_COLOR, not TERM=dumb. */
export function colorAllowed(stream: Stream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR === '0') return false;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const codes = { green: [32, 39], yellow: [33, 39], bold: [1, 22], red: [31, 39], dim: [2, 22] } as const;

/** Builds the output seam over two streams. */
export function createOutput(stderr: Stream, stdout: Stream, env: NodeJS.ProcessEnv): Output {
  const secrets: string[] = [];
  const color = colorAllowed(stderr, env);
  const paint = (style: keyof typeof codes, text: string) =>
    color ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text;
  const hideSecrets = (text: string) => {
    let result = text;
    for (const secret of secrets) result = result.split(secret).join('*'.repeat(8));
    return result;
  };
  const size = () =>
    stderr.isTTY && stderr.columns && stderr.rows ? { columns: stderr.columns, rows: stderr.rows } : undefined;
  /** A line of prose, wrapped to the terminal's width; `hang` indents the lines after the first. */
  const line = (text: string, hang = 0) => {
    const columns = size()?.columns;
    const shown = hideSecrets(text);
    // Without a terminal nothing is wrapped, but prose after a command still hangs.
    stderr.write(wrapText(shown, columns ?? Infinity, hang) + '\n');
  };
  let alternate = false;
  const leaveAlternate = () => {
    if (!alternate) return;
    alternate = false;
    process.off('exit', leaveAlternate);
    try {
      stderr.write(LEAVE_ALTERNATE);
    } catch {
      // The terminal is gone (closed window): nothing left to restore.
    }
  };
  // NOTE: every line is made `visible` here, once, before any colour is added: values from
  // files and from AWS reach messages in many places, and none of them may drive the terminal.
  return {
    info: (text) => line(visible(text)),
    success: (text) => line(`${paint('green', '✔')} ${visible(text)}`, 2),
    warn: (text) => line(`${paint('yellow', '!')} ${visible(text)}`, 2),
    heading: (text) => line(`\n${paint('bold', visible(text))}`),
    error: (text) => line(`\n${paint('red', '✖')} ${visible(text)}`, 2),
    raw: (text) => stderr.write(hideSecrets(text)),
    reveal: (text) => stderr.write(text),
    data: (text) => stdout.write(hideSecrets(visible(text)) + '\n'),
    secretData: (text) => stdout.write(text + '\n'),
    addSecret: (value) => {
      // Short values would blank out ordinary text; every secret we hold is long.
      if (value.length >= 8 && !secrets.includes(value)) {
        secrets.push(value);
        // Longest first: a secret containing another must be hidden whole.
        secrets.sort((a, b) => b.length - a.length);
      }
    },
    redact: (text) => hideSecrets(visible(text)),
    isTTY: Boolean(stderr.isTTY),
    dataIsTTY: Boolean(stdout.isTTY),
    color,
    size,
    enterAlternateScreen: () => {
      if (!stderr.isTTY || alternate) return;
      alternate = true;
      // NOTE: a second Ctrl-C exits at once (bin.ts): the terminal is still given back.
      process.on('exit', leaveAlternate);
      stderr.write(ENTER_ALTERNATE);
    },
    leaveAlternateScreen: leaveAlternate,
    clearScreen: () => {
      if (stderr.isTTY) stderr.write('\u001b[H\u001b[2J');
    },
    onResize: (listener) => {
      stderr.on?.('resize', listener);
      return () => void stderr.off?.('resize', listener);
    },
  };
}
