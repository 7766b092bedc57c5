import { validateAccessKey } from '../../credentials/csv.js';
import { UserError } from '../../errors.js';
import { errorText } from '../../ui/error-text.js';
import { t } from '../../ui/messages/index.js';
import { readAccessKeys } from '../import-csv.js';
import type { WizardDeps } from '../context.js';
import type { SetupRun } from '../run.js';

/**
 * A path typed at the prompt, as a shell would have read it: `~/` expanded, and the quotes
 * or backslash-escaped spaces a terminal adds when a file is dragged in removed.
 */
export function typedPath(answer: string, home: string | undefined): string {
  let path = answer.trim();
  const quoted = /^(['"])(.*)\1$/.exec(path);
  path = quoted ? quoted[2]! : path.replace(/\\(.)/g, '$1');
  return home && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
}

/** Step 1: neither a CSV nor a profile given: the CSV's path is asked. */
export async function askCsvPath(run: Pick<SetupRun, 'csvPath' | 'profiles'>, deps: Pick<WizardDeps, 'prompter' | 'home'>): Promise<void> {
  if (run.csvPath !== undefined || run.profiles.longTerm !== undefined) return;
  // A typo, a folder or the wrong file is said at the prompt, which asks again (issue 23.14).
  const validate = (answer: string): string | true => {
    if (answer.trim() === '') return t('csv.askPathEmpty');
    const path = typedPath(answer, deps.home);
    try {
      const keys = readAccessKeys(path);
      if (keys.length === 1) validateAccessKey(keys[0]!, path);
      return true;
    } catch (error) {
      if (error instanceof UserError) return errorText(error);
      throw error;
    }
  };
  const answer = await deps.prompter.input({ message: t('csv.askPath'), flag: 'CSV (the file argument) or --profile', validate });
  run.csvPath = typedPath(answer, deps.home);
}
