import { CancelledError, UserError } from '../errors.js';
import { t } from './messages/index.js';
import { visible } from './output.js';

/** Every question names the flag that answers it in advance. */
export interface Question {
  message: string;
  /** The command-line flag that answers this question, e.g. `--profile`. */
  flag: string;
}

export interface Choice<T extends string> {
  value: T;
  name: string;
}

/** The one way the tool asks a person anything. */
export interface Prompter {
  input(q: Question & { default?: string; validate?: (value: string) => string | true }): Promise<string>;
  confirm(q: Question & { default: boolean }): Promise<boolean>;
  select<T extends string>(q: Question & { choices: Choice<T>[]; default?: T }): Promise<T>;
}

interface Streams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  signal: AbortSignal;
}

/** Prompts on the terminal with inquirer (loaded only when the first question is asked). */
export function createInteractivePrompter(streams: Streams): Prompter {
  const context = () => ({ input: streams.input, output: streams.output, signal: streams.signal });
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
        input({ message: visible(q.message), default: q.default, validate: q.validate }, context()),
      );
    },
    async confirm(q) {
      const { confirm } = await import('@inquirer/prompts');
      return guard(() =>
        confirm(
          { message: visible(q.message), default: q.default, transformer: (answer) => t(answer ? 'prompt.yes' : 'prompt.no') },
          context(),
        ),
      );
    },
    async select(q) {
      const { select } = await import('@inquirer/prompts');
      return guard(() =>
        select(
          {
            message: visible(q.message),
            choices: q.choices.map((choice) => ({ ...choice, name: visible(choice.name) })),
            default: q.default,
            theme: { style: { keysHelpTip: () => t('prompt.selectHelp') } },
          },
          context(),
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
    throw new UserError(hasDefault ? 'prompt.noTerminal' : 'prompt.noTerminalNoDefault', { question: q.message, flag: q.flag });
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
