import { promises as fs } from 'node:fs';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import type { SetupRun } from '../run.js';

/**
 * The CSV this run imported holds the secret key in plain text, now kept in the credentials
 * file: offered for deletion at the end (`--delete-csv` / `--keep-csv` answer in advance).
 */
export async function offerCsvDeletion(run: Pick<SetupRun, 'csvPath' | 'options'>, deps: Pick<WizardDeps, 'out' | 'prompter' | 'files'>): Promise<void> {
  const { csvPath } = run;
  if (csvPath === undefined) return;
  const remove =
    run.options.deleteCsv ??
    (await deps.prompter.confirm({
      message: t('csv.deleteAsk', { path: csvPath, credentials: deps.files.credentialsFile }),
      flag: '--delete-csv / --keep-csv',
      default: true,
    }));
  if (!remove) {
    deps.out.warn(t('csv.kept', { path: csvPath }));
    return;
  }
  await fs.rm(csvPath, { force: true });
  deps.out.success(t('csv.deleted', { path: csvPath }));
}
