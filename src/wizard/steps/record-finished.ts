import type { WizardDeps } from '../context.js';
import { enrolmentFinished } from '../enrolment-state.js';
import { known, type SetupRun } from '../run.js';

/** The enrolment is complete: nothing under way any more, and the config points at the new device. */
export async function recordFinished(
  run: Pick<SetupRun, 'profiles' | 'old' | 'enrolled' | 'recordedOld'>,
  deps: Pick<WizardDeps, 'files' | 'writer'>,
): Promise<void> {
  const serial = known(run, 'enrolled');
  await enrolmentFinished(run.profiles.longTerm, { ...(run.old ? { retired: run.old.serialNumber } : {}), serial, replacement: run.recordedOld !== undefined }, deps);
}
