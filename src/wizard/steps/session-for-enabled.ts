import { CancelledError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import { askForSession } from '../ask-for-session.js';
import type { WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';

/** An earlier run's device is enabled: one code from the phone gives the session (save-new-session saves it). */
export async function sessionForEnabled(
  run: Pick<SetupRun, 'finishing' | 'identity' | 'own' | 'options' | 'profiles' | 'session' | 'enrolled' | 'old' | 'recordedOld' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'readCode' | 'files' | 'writer'>,
): Promise<void> {
  const { serial, old } = known(run, 'finishing');
  const user = known(run, 'identity').userName;
  deps.out.info(old === undefined ? t('enrol.finishing', { serial, user }) : t('replace.finishing', { old, serial }));
  run.enrolled = serial;
  if (old !== undefined) {
    run.old = { serialNumber: old };
    run.recordedOld = old;
  }
  run.session = await askForSession(known(run, 'own'), serial, run.options.durationSeconds, deps).catch((error: unknown) => {
    // Stopped again: what was recorded stays, and the run after this one carries on.
    throw error instanceof CancelledError ? new CancelledError('error.cancelledRunAgain') : error;
  });
}
