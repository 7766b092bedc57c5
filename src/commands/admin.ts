import { createUserWithKey, type NewUser } from '../wizard/create-user.js';
import type { WizardDeps } from '../wizard/context.js';
import { resolveAdminProfile } from '../wizard/resolve-profiles.js';

export interface CreateUserOptions extends NewUser {
  region?: string;
  envRegion?: string;
}

/**
 * `mfa-onboard admin create-user NAME`: creates the IAM user (in `--group`), an access key,
 * and `<NAME>_accessKeys.csv` (mode 0600, never over another file), with the profile's
 * keys. The secret goes into that file only. Anything this run made before a failure is
 * taken back, and nothing else.
 */
export async function runCreateUser(options: CreateUserOptions, deps: WizardDeps): Promise<void> {
  const { region } = await resolveAdminProfile(options, deps.files);
  const aws = await deps.awsFor(region)({ profile: options.profile });
  await createUserWithKey(aws, options, deps);
}
