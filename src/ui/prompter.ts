import { CancelledError, UserError } from '../errors.js';
import { t } from './messages/index.js';
import { visible } from './output.js';
import { readRaw } from './tty.js';
import { wrapText } from './width.js';

/** Every question names the flag that answers it in advance. */
export interface Question {
  message: string;
  /** The command-line flag that answers this question, e.g. `--profile`. */
  flag: string;
  /** Ends the question early (the caller redraws and asks again), as if cancelled. */
  signal?: AbortSignal;
}

export interface Choice<T extends string> {
  value: T;
  name: string;
  /** The key that picks this choice on a one-line question (Enter picks the default). */
  key?: string;
}

/** The one way the tool asks a person anything. */
export interface Prompter {
  input(q: Question & { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  confirm(q: Question & { default: boolean }): Promise<boolean>;
  /**
   * One of `choices`. `compact`: asked on one line, a key a choice (`key`, Enter for the
   * default), so that it fits under a QR code; the message then names the keys.
   */
  select<T extends string>(q: Question & { choices: Choice<T>[]; default?: T; compact?: boolean }): Promise<T>;
}

/**
 * A one-line question answered by a single key, in raw mode: Enter takes the default,
 * Ctrl-C or a closed terminal cancels. Reading stops and the terminal is restored on any
 * way out.
 */
function askKey<T extends string>(
  streams: Streams,
  q: Question & { choices: Choice<T>[]; default?: T },
  signal: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let stop = () => {};
    const done = (finish: () => void) => {
      stop();
      signal.removeEventListener('abort', onAbort);
      finish();
    };
    const onKey = (key: string) => {
      if (key === '\u0003' || key === '\u0004') return done(() => reject(new CancelledError()));
      const choice =
        key === '\r' || key === '\n'
          ? q.choices.find((c) => c.value === q.default)
          : q.choices.find((c) => c.key !== undefined && c.key === key.toLowerCase());
      if (!choice) return;
      done(() => {
        streams.output.write('\n');
        resolve(choice.value);
      });
    };
    const onClosed = () => done(() => reject(new CancelledError()));
    const onAbort = () => done(() => reject(new CancelledError()));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    stop = readRaw(streams.input, onKey, onClosed);
    streams.output.write(visible(q.message));
  });
}

interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal: AbortSignal;
}

/** Prompts on the terminal with inquirer (loaded only when the first question is asked). */
export function createInteractivePrompter(streams: Streams): Prompter {
  const signalFor = (q: Question) => (q.signal ? AbortSignal.any([streams.signal, q.signal]) : streams.signal);
  /** The question wrapped at word boundaries (inquirer would break it anywhere), after its '? '. */
  const shown = (message: string) => wrapText(visible(message), Math.max(20, ((streams.output as { columns?: number }).columns ?? 80) - 2));
  const context = (q: Question) => ({ input: streams.input, output: streams.output, signal: signalFor(q) });
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (error) {
      // NOTE: inquirer rejects with ExitPromptError on Ctrl-C and AbortPromptError on our signal.
      const name = (error as Error | undefined)?.name;
      if (name === 'ExitPromptError' || name === 'AbortPromptError') throw new CancelledError();
      throw error;
    }
  };
  return {
    async input(q) {
      const { input } = await import('@inquirer/prompts');
      return guard(() =>
        input(
          {
            message: shown(q.message),
            default: q.default,
            // Wrapped by us too: inquirer breaks only at spaces, so Japanese ran to the margin and broke early.
            ...(q.validate ? { validate: (value: string) => ((verdict) => (verdict === true ? true : shown(verdict)))(q.validate!(value)) } : {}),
          },
          context(q),
        ),
      );
    },
    async confirm(q) {
      const { confirm } = await import('@inquirer/prompts');
      return guard(() =>
        confirm(
          { message: shown(q.message), default: q.default, transformer: (answer) => t(answer ? 'prompt.yes' : 'prompt.no') },
          context(q),
        ),
      );
    },
    async select(q) {
      if (q.compact) return askKey(streams, q, signalFor(q));
      const { select } = await import('@inquirer/prompts');
      return guard(() =>
        select(
          {
            message: shown(q.message),
            choices: q.choices.map((choice) => ({ ...choice, name: visible(choice.name) })),
            default: q.default,
            theme: { style: { keysHelpTip: () => t('prompt.selectHelp') } },
          },
          context(q),
        ),
      );
    },
  };
}

/**
 * With no terminal nobody can answer: a question fails, naming the flag that answers
 * it. With `--yes`, a question that has a default takes it.
 */
export function createNonInteractivePrompter(options: { yes: boolean }): Prompter {
  const refuse = (q: Question, hasDefault: boolean): never => {
    // A code is given on stdin; a yes/no whose flag is --yes itself has no other default to take.
    const id = q.flag === '--codes-from-stdin' ? 'prompt.noTerminalCode' : hasDefault && q.flag !== '--yes' ? 'prompt.noTerminal' : 'prompt.noTerminalNoDefault';
    throw new UserError(id, { question: q.message, flag: q.flag });
  };
  return {
    async input(q) {
      if (options.yes && q.default !== undefined) {
        const verdict = q.validate?.(q.default) ?? true;
        if (verdict === true) return q.default;
      }
      return refuse(q, q.default !== undefined);
    },
    async confirm(q) {
      return options.yes ? q.default : refuse(q, true);
    },
    async select(q) {
      if (options.yes && q.default !== undefined) return q.default;
      return refuse(q, q.default !== undefined);
    },
  };
}

/** `--yes` on a terminal: a question with a default takes it; the others are still asked. */
export function answeringDefaults(prompter: Prompter): Prompter {
  return {
    input: async (q) => {
      if (q.default !== undefined && (q.validate?.(q.default) ?? true) === true) return q.default;
      return prompter.input(q);
    },
    confirm: async (q) => q.default,
    select: async (q) => (q.default !== undefined ? q.default : prompter.select(q)),
  };
}
