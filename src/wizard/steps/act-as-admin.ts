import { asAdmin } from '../acting-for-user.js';
import type { SetupRun } from '../run.js';

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
