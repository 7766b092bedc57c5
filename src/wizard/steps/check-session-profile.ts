import { assertProfileName, guardSessionProfile } from '../save-profiles.js';
import type { WizardDeps } from '../context.js';
import { named, type SetupRun } from '../run.js';

/** The session profile may be written: a name the files can hold, and not someone's long-term keys (asked). */
export async function checkSessionProfile(
  run: Pick<SetupRun, 'profiles' | 'options'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<void> {
  const session = named(run, 'session');
  assertProfileName(session, '--session-profile');
  await guardSessionProfile(session, named(run, 'longTerm'), run.options, deps);
}
