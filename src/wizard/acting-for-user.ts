import { parseCallerArn, type ParsedIdentity } from '../aws/names.js';
import { AwsError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { refusal } from './aws-refusals.js';
import type { Aws, Identity, WizardDeps } from './context.js';

/* An administrator acting for another IAM user: shared by the admin-mode steps and `reset`. */

/** Who an administrator's profile is. */
export interface AdminCaller {
  profile: string;
  arn: string;
  caller: ParsedIdentity;
}

/** An administrator's profile, acting for another IAM user (its client makes the IAM calls). */
export interface Admin extends AdminCaller {
  aws: Aws;
}

/** Who the profile's credentials are; an administrator when that is not the IAM user `user`. */
export async function asAdmin(profile: string, user: string, sts: Pick<Aws, 'getCallerIdentity'>): Promise<AdminCaller | undefined> {
  const { arn } = await sts.getCallerIdentity();
  const caller = parseCallerArn(arn);
  // IAM user names are unique regardless of case: Alice is alice.
  if (caller.kind === 'user' && caller.userName?.toLowerCase() === user.toLowerCase()) return undefined;
  return { profile, arn, caller };
}

/** The user an administrator acts for, as IAM has it (a missing user or a refusal explained). */
export async function targetUser(admin: Admin, user: string, deps: Pick<WizardDeps, 'out'>): Promise<Identity> {
  let found;
  try {
    found = await admin.aws.getUser(user);
  } catch (error) {
    if (error instanceof AwsError) throw refusal('find-user', error, { user, account: admin.caller.account, profile: admin.profile, arn: admin.arn }) ?? error;
    throw error;
  }
  const identity = found;
  deps.out.success(t('admin.actingFor', { user: identity.userName, arn: identity.arn, admin: admin.arn }));
  return identity;
}
