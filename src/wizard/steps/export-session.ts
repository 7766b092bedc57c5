import { exportLines } from '../../credentials/export.js';
import type { WizardDeps } from '../context.js';
import type { SetupRun } from '../run.js';

/** `--export SHELL`: lines that set the session in this shell (stdout). */
export async function exportSession(run: Pick<SetupRun, 'options' | 'session' | 'region' | 'profiles'>, deps: Pick<WizardDeps, 'out'>): Promise<void> {
  if (run.options.exportShell && run.session) deps.out.secretData(exportLines(run.options.exportShell, run.session, run.region?.name ?? run.profiles.region));
}
