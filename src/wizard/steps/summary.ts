import { promises as fs } from 'node:fs';
import type { FileChange } from '../../credentials/files.js';
import { t } from '../../ui/messages/index.js';
import type { SetupOptions, WizardDeps } from '../context.js';

/** Step 9: what was done, which files changed, and what to run next. */
export function printSummary(
  input: {
    user: string;
    serialNumber: string;
    profile: string;
    sessionProfile: string;
    expiration: Date;
    changes: FileChange[];
    endpoint?: string;
  },
  deps: Pick<WizardDeps, 'out'>,
): void {
  const { out } = deps;
  out.heading(t('summary.heading', { user: input.user }));
  out.info(t('summary.device', { serial: input.serialNumber }));
  out.info(t('summary.profiles', { profile: input.profile, sessionProfile: input.sessionProfile, expires: input.expiration.toISOString() }));
  // A file changed twice (keys, then session) is reported once, with its latest backup.
  const latest = new Map(input.changes.filter((c) => c.changed).map((c) => [c.path, c]));
  for (const change of latest.values()) {
    out.info(t(change.backupPath ? 'summary.fileBackup' : 'summary.file', { path: change.path, backup: change.backupPath ?? '' }));
  }
  const endpoint = input.endpoint ? ` --endpoint-url ${input.endpoint}` : '';
  out.info(t('summary.next', { command: `aws sts get-caller-identity --profile ${input.sessionProfile}${endpoint}` }));
}

/** Offers to delete the CSV: it holds the secret key in plain text, now kept in the credentials file. */
export async function offerCsvDeletion(
  csvPath: string,
  credentialsFile: string,
  options: Pick<SetupOptions, 'deleteCsv'>,
  deps: Pick<WizardDeps, 'out' | 'prompter'>,
): Promise<void> {
  const remove =
    options.deleteCsv ??
    (await deps.prompter.confirm({
      message: t('csv.deleteAsk', { path: csvPath, credentials: credentialsFile }),
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
