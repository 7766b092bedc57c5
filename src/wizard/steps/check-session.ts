import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';
import { verifySession } from './verify-new-session.js';

/**
 * Step 7 in admin mode, with the user's own keys: a session with a fresh code from the
 * user's phone, and STS asked who it is. It happens in memory only: the keys and the
 * session are the user's, and an administrator who kept them could act as the user with MFA
 * satisfied. What was checked (whose session, until when) is kept for the summary; the
 * session itself is dropped here.
 */
export async function checkSession(
  run: Pick<SetupRun, 'own' | 'awsFactory' | 'identity' | 'device' | 'history' | 'options' | 'checked'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'readCode' | 'signal'>,
): Promise<void> {
  const device = known(run, 'device');
  const user = known(run, 'identity').userName;
  try {
    const { credentials, arn } = await verifySession(known(run, 'own'), run.awsFactory, known(run, 'identity'), device, known(run, 'history'), run.options, deps);
    run.checked = { arn, expiration: credentials.expiration };
  } catch (error) {
    // The device is enabled whatever happened here: the user checks it on her own computer.
    deps.out.warn(t('admin.enabledNotChecked', { serial: device.serialNumber, user }));
    throw error;
  }
}
