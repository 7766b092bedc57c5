import { readTextFile } from '../../credentials/files.js';
import { readSavedSession } from '../../credentials/profiles.js';
import { t } from '../../ui/messages/index.js';
import { whenText } from '../../ui/when.js';
import { table } from '../../ui/width.js';
import type { WizardDeps } from '../context.js';
import { known, named, type SetupRun } from '../run.js';

/**
 * A user set up already ran the wizard again: nothing to enrol. Says so, with the session
 * profile, and the commands for what people come back for (a fresh session, a new phone).
 */
export async function reportSetUp(
  run: Pick<SetupRun, 'identity' | 'setUp' | 'profiles' | 'csvPath'>,
  deps: Pick<WizardDeps, 'out' | 'files' | 'clock' | 'endpoint'>,
): Promise<void> {
  const { out } = deps;
  const user = known(run, 'identity').userName;
  const profile = named(run, 'longTerm');
  const sessionProfile = named(run, 'session');
  const saved = readSavedSession(await readTextFile(deps.files.credentialsFile), sessionProfile);
  const endpoint = deps.endpoint !== undefined ? ` --endpoint-url ${deps.endpoint}` : '';
  const flag = profile === 'default' ? '' : ` --profile ${profile}`;
  out.heading(t('setUp.heading', { user }));
  const session = saved
    ? t(saved.expiration.getTime() > deps.clock.now() ? 'setUp.sessionUntil' : 'setUp.sessionEnded', { profile: sessionProfile, expires: whenText(saved.expiration, deps.clock.now()) })
    : t('setUp.sessionNone', { profile: sessionProfile });
  const rows: Parameters<typeof table>[0] = [
    [t('summary.device'), known(run, 'setUp')],
    [t('setUp.session'), session],
    [t('setUp.freshSession'), `mfa-onboard session${flag}${endpoint}`, 'command'],
    [t('setUp.newPhone'), `mfa-onboard${flag} --replace${endpoint}`, 'command'],
  ];
  for (const line of table(rows, out.size()?.columns)) out.info(line);
  // An administrator's own keys, run without --user: say how to act for someone else.
  if (run.csvPath === undefined) out.info(t('replace.forAnother', { profile }));
}
