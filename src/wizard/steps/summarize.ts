import type { FileChange } from '../../credentials/files.js';
import { t } from '../../ui/messages/index.js';
import { table } from '../../ui/width.js';
import type { WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';
import { whenText } from '../../ui/when.js';

/** Step 9: what was done, which files changed, and what to run next. */
function printSummary(
  input: {
    user: string;
    serialNumber: string;
    /** The device a replacement retired. */
    removed?: string;
    /** The verified session; absent when an administrator enrolled without the user's keys. */
    session?: { profile: string; sessionProfile: string; expiration: Date };
    changes: FileChange[];
    endpoint?: string;
  },
  deps: Pick<WizardDeps, 'out' | 'clock'>,
): void {
  const { out } = deps;
  const { session } = input;
  out.heading(t('summary.heading', { user: input.user }));
  const rows: Parameters<typeof table>[0] = [[t('summary.device'), input.serialNumber]];
  if (input.removed) rows.push([t('summary.removed'), input.removed]);
  rows.push(
    session
      ? [t('summary.profiles'), t('summary.profilesValue', { profile: session.profile, sessionProfile: session.sessionProfile, expires: whenText(session.expiration, deps.clock.now()) })]
      : [t('summary.session'), t('summary.sessionNeedsKeys', { user: input.user })],
  );
  // A file changed twice (keys, then session) is reported once, with its backup.
  const latest = new Map<string, FileChange>();
  for (const change of input.changes.filter((c) => c.changed)) {
    const seen = latest.get(change.path);
    latest.set(change.path, { ...change, backupPath: seen?.backupPath ?? change.backupPath });
  }
  for (const change of latest.values()) {
    rows.push([t('summary.file'), change.backupPath ? t('summary.fileBackup', { path: change.path, backup: change.backupPath }) : change.path]);
  }
  const endpoint = input.endpoint ? ` --endpoint-url ${input.endpoint}` : '';
  if (session) {
    rows.push([t('summary.next'), `aws sts get-caller-identity --profile ${session.sessionProfile}${endpoint}`, 'command']);
    rows.push([t('summary.daily'), `mfa-onboard session --profile ${session.profile}${endpoint}`, 'command']);
  } else {
    rows.push([t('summary.next'), t('summary.userNext', { user: input.user, command: `mfa-onboard session --profile ${input.user} --mfa-serial ${input.serialNumber}${endpoint}` })]);
  }
  for (const line of table(rows, out.size()?.columns)) out.info(line);
}

/** Step 9: the summary of this run. */
export async function summarize(
  run: Pick<SetupRun, 'identity' | 'enrolled' | 'old' | 'session' | 'profiles' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'endpoint'>,
): Promise<void> {
  const serialNumber = known(run, 'enrolled');
  const { longTerm, session: sessionProfile } = run.profiles;
  const { old, session } = run;
  printSummary(
    {
      user: known(run, 'identity').userName,
      serialNumber,
      ...(old && old.serialNumber !== serialNumber ? { removed: old.serialNumber } : {}),
      ...(session && longTerm !== undefined && sessionProfile !== undefined
        ? { session: { profile: longTerm, sessionProfile, expiration: session.expiration } }
        : {}),
      changes: run.changes,
      ...(deps.endpoint !== undefined ? { endpoint: deps.endpoint } : {}),
    },
    deps,
  );
}
