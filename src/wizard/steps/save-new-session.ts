import { saveSession } from '../save-profiles.js';
import type { WizardDeps } from '../context.js';
import { known, named, type SetupRun } from '../run.js';

/** Step 8: the new session goes to the session profile. */
export async function saveNewSession(
  run: Pick<SetupRun, 'profiles' | 'session' | 'enrolled' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
): Promise<void> {
  const origin = { sourceProfile: named(run, 'longTerm'), serialNumber: known(run, 'enrolled') };
  run.changes.push(await saveSession({ sessionProfile: named(run, 'session'), session: known(run, 'session'), origin }, deps));
}
