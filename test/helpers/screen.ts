import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI } from './built.js';
import { DARK_THEME, photograph, scan, type Theme } from './camera.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Z0-9]|\u001b[=>]/g;

/**
 * The built CLI in a real pseudo-terminal, with a headless terminal emulator keeping the
 * screen as a person would see it.
 */
export class Screen {
  /** Everything the program wrote, raw. */
  raw = '';
  readonly exited: Promise<number>;
  private readonly term: InstanceType<typeof xterm.Terminal>;
  private readonly proc: ReturnType<typeof pty.spawn>;
  private pendingWrites = 0;

  /** Runs the built CLI with `args`; `command` runs another program instead (e.g. the aws CLI). */
  constructor(
    args: string[],
    env: NodeJS.ProcessEnv,
    size = { cols: 120, rows: 60 },
    /** The command that runs the CLI (the built one, or MFA_ONBOARD_BIN's executable). */
    cli: readonly string[] = CLI,
    command?: { file: string; args: string[] },
    /** The terminal's colours; `answersColorQuery`: it tells its background when asked (OSC 11), as most do. */
    readonly terminal: { theme: Theme; answersColorQuery: boolean } = { theme: DARK_THEME, answersColorQuery: true },
  ) {
    this.term = new xterm.Terminal({ ...size, scrollback: 5000, allowProposedApi: true });
    this.proc = pty.spawn(command?.file ?? cli[0]!, command?.args ?? [...cli.slice(1), ...args], {
      name: 'xterm-256color',
      ...size,
      env: { TERM: 'xterm-256color', ...env } as Record<string, string>,
      cwd: env.HOME,
    });
    this.proc.onData((data) => {
      this.lastDataAt = Date.now();
      this.raw += data;
      // NOTE: @xterm/headless does not answer colour queries; a real terminal does.
      if (terminal.answersColorQuery && data.includes('\u001b]11;?')) {
        const hex = (v: number) => (v * 257).toString(16).padStart(4, '0');
        const [r, g, b] = terminal.theme.background;
        this.proc.write(`\u001b]11;rgb:${hex(r)}/${hex(g)}/${hex(b)}\u001b\\`);
      }
      this.pendingWrites++;
      this.term.write(data, () => this.pendingWrites--);
    });
    // NOTE: once the terminal has drawn all the program wrote: on a busy machine the last
    // output (leaving the alternate screen) was still queued in the emulator at the exit.
    this.exited = new Promise((done) => this.proc.onExit(({ exitCode }) => void this.drawn().then(() => done(exitCode))));
  }

  /** Resolves once the terminal emulator has drawn everything the program wrote so far. */
  private async drawn(): Promise<void> {
    while (this.pendingWrites > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** When the program last wrote. */
  private lastDataAt = 0;

  /**
   * The exit code, once the program has exited and what it wrote has reached the screen: a pty
   * can deliver the last output after the exit is known (seen with the standalone executable).
   */
  async exitedAndShown(quietMs = 150): Promise<number> {
    const code = await this.exited;
    while (this.pendingWrites > 0 || Date.now() - this.lastDataAt < quietMs) await new Promise((r) => setTimeout(r, 25));
    return code;
  }

  /** The raw output with terminal control sequences removed. */
  plain(): string {
    return this.raw.replace(ANSI, '');
  }

  /** Every line of the terminal, scrollback included, as shown. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines;
  }

  /** What a phone camera pointed at the screen now decodes (never trying an inverted image). */
  scanScreen(): string | undefined {
    return scan(photograph(this.term, this.terminal.theme));
  }

  /** Whether a QR code can be read anywhere in the normal buffer, scrollback included. */
  scanScrollback(): string | undefined {
    const buffer = this.term.buffer.normal;
    // A photograph of every line at once: whatever is anywhere in the history.
    return scan(photograph(this.term, this.terminal.theme, 0, buffer.length, buffer));
  }

  /** True while the program shows the terminal's alternate screen. */
  onAlternateScreen(): boolean {
    return this.term.buffer.active.type === 'alternate';
  }

  /** Waits until `pattern` appears in the plain output after position `from`; returns where it ends. */
  async waitFor(pattern: RegExp | string, from = 0, timeoutMs = 40_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.plain().slice(from);
      const index = typeof pattern === 'string' ? text.indexOf(pattern) : text.search(pattern);
      if (index >= 0 && this.pendingWrites === 0) {
        const length = typeof pattern === 'string' ? pattern.length : (text.match(pattern)?.[0].length ?? 0);
        return from + index + length;
      }
      if (Date.now() > deadline) {
        throw new Error(`Timed out waiting for ${String(pattern)}. Screen:\n${this.lines().filter(Boolean).slice(-30).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Resizes the window, as a person dragging its corner (the program gets SIGWINCH). */
  resize(cols: number, rows: number): void {
    this.term.resize(cols, rows);
    this.proc.resize(cols, rows);
  }

  /**
   * Closes the terminal window as a terminal emulator does: its side of the pty goes away
   * (the program's reads end, its writes fail with EIO), then the program gets SIGHUP.
   */
  close(): void {
    (this.proc as unknown as { destroy(): void }).destroy();
  }

  type(text: string): void {
    this.proc.write(text);
  }

  /**
   * Presses a key at a menu. NOTE: a key sent the instant a menu is drawn can be lost (seen
   * with inquirer's select), so this waits a moment first, as a person's reaction would.
   */
  async press(key: 'down' | 'up'): Promise<void> {
    await new Promise((r) => setTimeout(r, 300));
    this.proc.write(key === 'down' ? '\u001b[B' : '\u001b[A');
  }

  /** Types a line and presses Enter. */
  answer(text: string): void {
    this.proc.write(`${text}\r`);
  }

  /**
   * The administrator's screen at the end of a batch hire's turn: types the batch's profile,
   * then picks `choice` (the menu lists next, then again unless the hire is done, then stop).
   * Returns where the choice was made.
   */
  async takeKeyboardBack(profile: string, from: number, choice: 'next' | 'again' | 'stop' = 'next', done = true): Promise<number> {
    await this.waitFor('Administrator: type the profile this batch runs with', from);
    this.answer(profile);
    const at = await this.waitFor('Administrator: what next?', from);
    const downs = choice === 'next' ? 0 : choice === 'again' ? 1 : done ? 1 : 2;
    for (let i = 0; i < downs; i++) await this.press('down');
    await new Promise((r) => setTimeout(r, 300));
    this.answer('');
    return at;
  }

  interrupt(): void {
    this.proc.write('\u0003');
  }

  kill(): void {
    try {
      this.proc.kill();
    } catch {
      // already gone
    }
  }
}
