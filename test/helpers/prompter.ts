import type { Prompter } from '../../src/ui/prompter.js';

/** An answer for one expected question: matched by flag, value or a function of the message. */
export interface Answer {
  flag: string;
  answer: string | boolean | ((message: string) => string | boolean | Promise<string | boolean>);
}

export type ScriptedPrompter = Prompter & { asked: string[]; assertDone(): void };

/** Every scripted prompter made since the last `takeScriptedPrompters()`: the setup file checks them after each test. */
const made: ScriptedPrompter[] = [];

/**
 * A prompter that answers from a script, in order. It fails loudly on a question
 * nobody expected, and `assertDone` fails on answers nobody asked for (called for every
 * prompter after every test by test/helpers/setup.ts; a test may call it earlier).
 */
export function scriptedPrompter(script: Answer[]): ScriptedPrompter {
  const queue = [...script];
  const asked: string[] = [];
  const next = (flag: string, message: string) => {
    asked.push(message);
    const expected = queue.shift();
    if (!expected) throw new Error(`Unexpected prompt (${flag}): ${message}`);
    if (expected.flag !== flag) throw new Error(`Expected a prompt for ${expected.flag}, got ${flag}: ${message}`);
    return typeof expected.answer === 'function' ? expected.answer(message) : expected.answer;
  };
  const prompter: ScriptedPrompter = {
    asked,
    async input(q) {
      const value = String(await next(q.flag, q.message));
      const verdict = q.validate?.(value) ?? true;
      if (verdict !== true) throw new Error(`Scripted answer "${value}" failed validation: ${verdict}`);
      return value;
    },
    async confirm(q) {
      return Boolean(await next(q.flag, q.message));
    },
    async select(q) {
      const value = String(await next(q.flag, q.message));
      if (!q.choices.some((c) => c.value === value)) throw new Error(`No choice ${value} in ${q.message}`);
      return value as never;
    },
    assertDone() {
      if (queue.length) throw new Error(`Unused answers: ${queue.map(describeAnswer).join(', ')}`);
    },
  };
  made.push(prompter);
  return prompter;
}

/** An answer as a failure names it: its flag and, unless it is computed, its value. */
function describeAnswer(answer: Answer): string {
  return typeof answer.answer === 'function' ? `${answer.flag} (computed)` : `${answer.flag} = ${JSON.stringify(answer.answer)}`;
}

/** The scripted prompters made since the last call (and forgets them). */
export function takeScriptedPrompters(): ScriptedPrompter[] {
  return made.splice(0);
}
