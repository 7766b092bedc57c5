import { UserError } from '../../errors.js';
import type { WizardDeps } from '../context.js';
import { targetUser } from '../acting-for-user.js';
import { identify } from '../identify.js';
import { importCsv } from '../import-csv.js';
import { known, type SetupRun } from '../run.js';

/**
 * Admin mode: the user is who IAM says; a CSV given beside is the user's own keys
 * (for the session check), and must be theirs.
 */
export async function identifyForAdmin(
  run: Pick<SetupRun, 'admin' | 'options' | 'csvPath' | 'awsFactory' | 'identity' | 'key' | 'own' | 'iam'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'signal'>,
): Promise<void> {
  const admin = known(run, 'admin');
  const identity = await targetUser(admin, run.options.user!, deps);
  run.identity = identity;
  run.iam = admin.aws;
  const path = run.csvPath;
  if (path === undefined) return;
  const key = await importCsv({ csvPath: path, forUser: run.options.user }, deps);
  run.key = key;
  run.own = await run.awsFactory({ keys: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } });
  const hers = await identify(run.own, { fromCsv: path, fresh: run.options.freshKey === true }, deps);
  if (hers.arn !== identity.arn) throw new UserError('admin.csvOtherUser', { path, arn: hers.arn, user: identity.userName });
}
