import { UserError } from '../../errors.js';
import type { WizardDeps } from '../context.js';
import { asAdmin, confirmListed, targetUser } from '../acting-for-user.js';
import { known, type SetupRun } from '../run.js';
import { identify } from '../identify.js';
import { importCsv } from '../import-csv.js';

/**
 * Admin mode (`--user` with a profile): a profile that is someone else's (an administrator's)
 * acts for the user. Beside a CSV, a profile whose keys do not work is just the name to
 * import into; without one, a profile that is the user's own is simply the user's keys.
 * (Not an administrator's: `settled` drops the name once the names are known.)
 */
export async function actAsAdmin(
  run: Pick<SetupRun, 'profiles' | 'options' | 'csvPath' | 'awsFactory' | 'admin' | 'own'>,
): Promise<void> {
  const candidate = run.profiles.admin!;
  const profileAws = await run.awsFactory({ profile: candidate });
  const asking = asAdmin(candidate, run.options.user!, profileAws);
  const admin = await (run.csvPath === undefined ? asking : asking.catch(() => undefined));
  if (admin) run.admin = { ...admin, aws: profileAws };
  else if (run.csvPath === undefined) run.own = profileAws;
}

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

/** Instead of the session check, without the user's keys or a session profile: IAM lists the device as the user's. */
export async function confirmListedStep(
  run: Pick<SetupRun, 'iam' | 'identity' | 'enrolled'>,
  deps: Pick<WizardDeps, 'out' | 'clock' | 'signal'>,
): Promise<void> {
  await confirmListed(known(run, 'iam'), known(run, 'identity'), known(run, 'enrolled'), deps);
}
