import { t } from '../ui/messages/index.js';
import type { WizardDeps } from '../wizard/context.js';
import { takeHire } from '../wizard/batch/hire.js';
import { hiresToDo, openBatch } from '../wizard/batch/open.js';
import { nextRunNotes, outcomes, report } from '../wizard/batch/report.js';
import { clearScreen } from '../wizard/batch/screen.js';
import type { BatchOptions } from '../wizard/batch/types.js';

export type { BatchOptions } from '../wizard/batch/types.js';
export { parseUsersCsv } from '../wizard/batch/users.js';

/**
 * `mfa-onboard batch users.csv --profile ADMIN`: each hire in turn (created first with
 * --create), enrolled with their own phone in admin mode, with a hand-over screen between
 * hires. Resumable from a state file; a report and an audit log at the end.
 */
export async function runBatch(options: BatchOptions, deps: WizardDeps): Promise<void> {
  const run = await openBatch(options, deps);
  const todo = await hiresToDo(run, deps);
  const handled = run.selected.length - todo.length;
  // The hires' QR codes must not be scrolled back to: said before the first clear.
  if (todo.length > 0 && deps.out.size()) deps.out.info(t('batch.clearsBetween'));
  try {
    for (const [index, hire] of todo.entries()) await takeHire(run, hire, handled + index + 1, todo[index + 1]?.user, deps);
  } finally {
    // The last hire's QR code does not stay above the summary, nor above an error.
    clearScreen(run, deps);
  }
  run.audit.hire = '';
  await report(outcomes(run), options, deps, nextRunNotes(run));
}
