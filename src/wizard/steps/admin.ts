import { UserError } from '../../errors.js';
import type { WizardDeps } from '../context.js';
import { asAdmin, confirmListed, targetUser } from '../admin.js';
import { known, type SetupRun } from '../run.js';
import { identify } from './identify.js';
import { importCsv } from './import-csv.js';

/**
 * Step 2, admin mode: with `--user`, a profile that is someone else's (an administrator's)
 * acts for the user. Beside a CSV, a profile whose keys do not work is just the name to
 * import into; without one, a profile that is the user's own is simply the user's keys.
 */
export async function actAsAdmin(
  run: Pick<SetupRun, 'profiles' | 'options' | 'csvPath' | 'awsFactory' | 'admin' | 'own'>,
): Promise<void> {
  const { admin: candidate, ...others } = run.profiles;
  if (candidate === undefined) return;
  const profileAws = await run.awsFactory({ profile: candidate });
  const asking = asAdmin(candidate, run.options.user!, profileAws);
  const admin = await (run.csvPath === undefined ? asking : asking.catch(() => undefined));
  if (admin) {
    run.admin = admin;
    return;
  }
  run.profiles = others;
  if (run.csvPath === undefined) run.own = profileAws;
}

/**
 * Step 2, admin mode: the user is who IAM says; a CSV given beside is the user's own keys
 * (for the session check), and must be theirs.
 */
export async function identifyForAdmin(
  run: Pick<SetupRun, 'admin' | 'options' | 'csvPath' | 'awsFactory' | 'identity' | 'key' | 'own' | 'iam'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'clock' | 'signal'>,
): Promise<void> {
  const { admin } = run;
  if (!admin) return;
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

/** Step 7 without the user's keys: IAM lists the device as the user's. */
export async function confirmListedStep(
  run: Pick<SetupRun, 'own' | 'profiles' | 'iam' | 'identity' | 'enrolled'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  if (run.own && run.profiles.session !== undefined) return;
  await confirmListed(known(run, 'iam'), known(run, 'identity'), known(run, 'enrolled'), deps);
}
