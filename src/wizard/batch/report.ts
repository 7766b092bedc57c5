import { promises as fs } from 'node:fs';
import { UserError } from '../../errors.js';
import { lineReaching } from '../../ui/command-line.js';
import { t } from '../../ui/messages/index.js';
import { grid } from '../../ui/width.js';
import type { WizardDeps } from '../context.js';
import { batchAgain } from './again.js';
import type { BatchOptions, BatchRun } from './types.js';
import { skippedNow, STATUS, type Outcome } from './state-file.js';

/**
 * What became of each hire this run is about; one left out by --skip is skipped this time.
 * The QR label a hire's app may hold is the next run's to know, not the report's.
 */
export function outcomes(run: Pick<BatchRun, 'selected' | 'skip' | 'state'>): Outcome[] {
  return run.selected.map((h): Outcome => {
    if (skippedNow(run, h.user)) return { user: h.user, status: 'skipped' };
    const { qrShown: _inTheApp, ...outcome } = run.state.hires[h.user] ?? { user: h.user, status: 'skipped' };
    return outcome;
  });
}

/**
 * Said under the table: what the next run does about the hires this one did not enrol, which
 * the table calls skipped (on purpose, at the hand-over: left out until named with --only) or
 * interrupted (Ctrl-C, then passed over: enrolled by the next run). A hire left out with --skip
 * is the administrator's own choice for this run, and not named.
 */
export function nextRunNotes(run: Pick<BatchRun, 'selected' | 'skip' | 'state' | 'options'>): string[] {
  const recorded = (status: Outcome['status']) => run.selected.filter((h) => !skippedNow(run, h.user) && run.state.hires[h.user]?.status === status).map((h) => h.user);
  const interrupted = recorded('interrupted');
  const skipped = recorded('skipped');
  return [
    ...(interrupted.length > 0 ? [t('batch.endInterrupted', { users: interrupted.join(', '), command: batchAgain(run.options) })] : []),
    ...(skipped.length > 0 ? [t('batch.endSkipped', { users: skipped.join(', '), command: batchAgain(run.options, { only: skipped }) })] : []),
  ];
}

/**
 * The summary table on screen (`notes` under it), and `--report FILE` as JSON (.json) or CSV
 * (anything else).
 */
export async function report(outcomes: Outcome[], options: Pick<BatchOptions, 'report'>, deps: Pick<WizardDeps, 'out' | 'writer' | 'endpoints'>, notes: readonly string[] = []): Promise<void> {
  const { out } = deps;
  const done = outcomes.filter((o) => o.status === 'done').length;
  out.heading(t('batch.summary', { done, total: outcomes.length }));
  const rows: string[][] = [
    [t('batch.colUser'), t('batch.colStatus'), t('batch.colDevice'), t('batch.colEnabled'), t('batch.colSession'), t('batch.colError')],
    ...outcomes.map((o) => [
      o.user,
      t(STATUS[o.status]),
      o.serialNumber ?? '-',
      o.enabledAt ?? '-',
      o.status !== 'done' || o.sessionVerified === undefined ? '-' : t(o.sessionVerified ? 'batch.sessionYes' : 'batch.sessionNo'),
      // A message goes on past its first line only to give a command, which a cell would break.
      o.error?.split('\n')[0] ?? '',
    ]),
  ];
  // The table fits the terminal: narrower columns, else one block a hire.
  for (const line of grid(rows, { width: out.size()?.columns, header: true })) out.info(line);
  for (const o of outcomes) if (o.error?.includes('\n')) out.warn(t('batch.failedMore', { user: o.user, message: o.error }));
  for (const note of notes) out.info(note);
  await listHandOvers(outcomes, deps);
  if (options.report !== undefined) {
    // A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR before one) gets
    // the usual leading apostrophe; the JSON report keeps every value as it is.
    const inert = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
    const text = options.report.endsWith('.json')
      ? `${JSON.stringify(outcomes, null, 2)}\n`
      : ['user,status,serial_number,enabled_at,session_verified,error', ...outcomes.map((o) =>
          [o.user, o.status, o.serialNumber ?? '', o.enabledAt ?? '', o.status === 'done' && o.sessionVerified !== undefined ? String(o.sessionVerified) : '', o.error ?? ''].map((cell) => quote(inert(cell))).join(','),
        )].join('\n') + '\n';
    await deps.writer.write(options.report, text, 'replace');
    out.success(t('batch.reportWritten', { path: options.report }));
  }
  // A hire passed over (skipped or interrupted) is the administrator's choice, not a failure.
  if (outcomes.some((o) => o.status === 'failed')) {
    throw new UserError('batch.someFailed', { failed: outcomes.filter((o) => o.status === 'failed').map((o) => o.user).join(', ') });
  }
}

/**
 * The enrolled hires' access-key CSVs still on this computer: each is handed to its hire
 * (whose keys they are: nothing of theirs was kept here), then deleted. One already gone is
 * handed over, and not listed.
 */
async function listHandOvers(outcomes: Outcome[], deps: Pick<WizardDeps, 'out' | 'endpoints'>): Promise<void> {
  const waiting: string[][] = [];
  for (const o of outcomes) {
    if (o.status === 'done' && o.csv !== undefined && (await fs.stat(o.csv).then(() => true, () => false))) waiting.push([o.user, o.csv]);
  }
  if (waiting.length === 0) return;
  const { out } = deps;
  out.heading(t('batch.handOverHeading', { count: waiting.length }));
  for (const line of grid(waiting, { width: out.size()?.columns })) out.info(line);
  out.info(t('batch.handOverRuns', { command: lineReaching(['mfa-onboard', 'FILE'], deps.endpoints ?? {}) }));
}
