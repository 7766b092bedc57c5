import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';
import { known, type SetupRun } from '../run.js';

const LIST_RETRIES = 3;
const LIST_RETRY_MS = 2_000;

/**
 * Instead of the session check, without the user's keys or a session profile: IAM lists the
 * device as enabled for the user.
 */
export async function confirmDeviceListed(
  run: Pick<SetupRun, 'iam' | 'identity' | 'enrolled'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  const aws = known(run, 'iam');
  const user = known(run, 'identity').userName;
  const serial = known(run, 'enrolled');
  // IAM is eventually consistent: a device enabled a moment ago may not be listed yet.
  for (let attempt = 0; !(await aws.listMfaDevices(user)).some((d) => d.serialNumber === serial); attempt++) {
    if (attempt >= LIST_RETRIES) throw new UserError('admin.notListed', { serial, user });
    await deps.clock.sleep(LIST_RETRY_MS, deps.signal);
  }
  deps.out.success(t('admin.listed', { serial, user }));
}
