import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { resolve } from 'node:path';

const BUILT_BIN = resolve(import.meta.dirname, '../../dist/bin.js');
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
    bin = BUILT_BIN,
    command?: { file: string; args: string[] },
  ) {
    this.term = new xterm.Terminal({ ...size, scrollback: 5000, allowProposedApi: true });
    this.proc = pty.spawn(command?.file ?? process.execPath, command?.args ?? [bin, ...args], {
      name: 'xterm-256color',
      ...size,
      env: { TERM: 'xterm-256color', ...env } as Record<string, string>,
      cwd: env.HOME,
    });
    this.proc.onData((data) => {
      this.raw += data;
      this.pendingWrites++;
      this.term.write(data, () => this.pendingWrites--);
    });
    this.exited = new Promise((done) => this.proc.onExit(({ exitCode }) => done(exitCode)));
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
