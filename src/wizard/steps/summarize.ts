import { basename } from 'node:path';
import type { Endpoints } from '../../aws/endpoint.js';
import { lineReaching } from '../../ui/command-line.js';
import type { FileChange } from '../../credentials/files.js';
import { t } from '../../ui/messages/index.js';
import { table } from '../../ui/width.js';
import type { WizardDeps } from '../context.js';
import { isBackupName } from '../backup.js';
import { known, type SetupRun } from '../run.js';
import { whenText } from '../../ui/when.js';

/** Step 9: what was done, which files changed, and what to run next. */
function printSummary(
  input: {
    user: string;
    serialNumber: string;
    /** The device a replacement retired. */
    removed?: string;
    /** The user's other devices (a backup added now, or kept by a recovery). */
    others: string[];
    /** The session saved (the user's own run). */
    session?: { profile: string; sessionProfile: string; expiration: Date };
    /** Admin mode: what was checked, and the user's CSV to hand over (when given). */
    admin?: { checked?: { arn: string; expiration: Date }; csvPath?: string };
    changes: FileChange[];
    endpoint?: string;
    /** Where IAM and STS are for the user's own computer (the endpoint variables are this one's). */
    endpoints?: Endpoints;
    /** The demo's: no command to run later (its emulator and HOME go with it). */
    rehearsal?: boolean;
  },
  deps: Pick<WizardDeps, 'out' | 'clock'>,
): void {
  const { out } = deps;
  const { session, admin, user } = input;
  const now = deps.clock.now();
  out.heading(t('summary.heading', { user }));
  const rows: Parameters<typeof table>[0] = [[t('summary.device'), input.serialNumber]];
  for (const serial of input.others) rows.push([t('summary.otherDevice'), isBackupName(serial, user) ? t('summary.backupValue', { serial }) : serial]);
  // With several devices, which one `session` asks for (the config's mfa_serial).
  if (input.others.length > 0 && session) rows.push([t('summary.mfaSerial'), t('summary.mfaSerialValue', { serial: input.serialNumber })]);
  if (input.removed) rows.push([t('summary.removed'), input.removed]);
  if (session) {
    rows.push([t('summary.profiles'), t('summary.profilesValue', { profile: session.profile, sessionProfile: session.sessionProfile, expires: whenText(session.expiration, now) })]);
  }
  if (admin) {
    rows.push([
      t('summary.checked'),
      admin.checked ? t('summary.checkedSession', { user, expires: whenText(admin.checked.expiration, now) }) : t('summary.checkedListed', { user }),
    ]);
  }
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
  if (session && !input.rehearsal) {
    rows.push([t('summary.next'), `aws sts get-caller-identity --profile ${session.sessionProfile}${endpoint}`, 'command']);
    rows.push([t('summary.daily'), `mfa-onboard session --profile ${session.profile}${endpoint}`, 'command']);
  }
  if (admin) {
    // The hand-over: the user's keys and session are hers; she sets up her own computer.
    const csv = admin.csvPath;
    rows.push([t('summary.handOver'), csv !== undefined ? t('summary.handOverCsv', { user, path: csv }) : t('summary.handOverNoCsv', { user })]);
    const argv = ['mfa-onboard', ...(csv !== undefined ? [basename(csv)] : ['--profile', user])];
    if (!input.rehearsal) rows.push([t('summary.userRuns', { user }), lineReaching(argv, input.endpoints ?? {}), 'command']);
  }
  for (const line of table(rows, out.size()?.columns)) out.info(line);
}

/** Step 9: the summary of this run. */
export async function summarize(
  run: Pick<SetupRun, 'identity' | 'enrolled' | 'old' | 'session' | 'profiles' | 'changes' | 'admin' | 'checked' | 'csvPath' | 'assigned' | 'backup' | 'options'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'endpoint' | 'endpoints'>,
): Promise<void> {
  const serialNumber = known(run, 'enrolled');
  const { longTerm, session: sessionProfile } = run.profiles;
  const { old, session, checked, csvPath } = run;
  printSummary(
    {
      user: known(run, 'identity').userName,
      serialNumber,
      others: [...run.assigned.map((d) => d.serialNumber).filter((s) => s !== serialNumber && s !== old?.serialNumber), ...(run.backup ? [run.backup] : [])],
      ...(old && old.serialNumber !== serialNumber ? { removed: old.serialNumber } : {}),
      ...(session && longTerm !== undefined && sessionProfile !== undefined
        ? { session: { profile: longTerm, sessionProfile, expiration: session.expiration } }
        : {}),
      ...(run.admin ? { admin: { ...(checked ? { checked } : {}), ...(csvPath !== undefined ? { csvPath } : {}) } } : {}),
      changes: run.changes,
      ...(deps.endpoint !== undefined ? { endpoint: deps.endpoint } : {}),
      ...(deps.endpoints !== undefined ? { endpoints: deps.endpoints } : {}),
      ...(run.options.rehearsal ? { rehearsal: true } : {}),
    },
    deps,
  );
}
