import { GROUP_NAME, parseCallerArn, POLICY_NAME } from '../aws/names.js';
import type { GroupPolicy, Sts } from '../aws/client.js';
import { AwsError } from '../aws/errors.js';
import { UserError } from '../errors.js';
import { mfaPolicy, type DeviceNameScope, type Partition } from '../policy/document.js';
import { t } from '../ui/messages/index.js';
import { refusal } from '../wizard/aws-refusals.js';
import type { WizardDeps } from '../wizard/context.js';
import { resolveAdminProfile } from '../wizard/resolve-profiles.js';

export interface PolicyOptions {
  allowIps: string[];
  scope: DeviceNameScope;
  /** `--partition`: the ARNs' partition when printing (default aws); attaching takes the caller's. */
  partition?: Partition;
  attachGroup?: string;
  createGroup: boolean;
  policyName: string;
  /** The administrator's profile, for --attach-group. */
  profile: string;
  region?: string;
  envRegion?: string;
}

/** Two policy texts say the same when their JSON is equal, whatever the spacing. */
function samePolicy(a: string, b: string): boolean {
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/**
 * `mfa-onboard policy`: prints the require-MFA policy (stdout) and, with --attach-group,
 * puts it on the group as an inline policy; running it twice changes nothing and says so.
 */
export async function runPolicy(options: PolicyOptions, deps: WizardDeps): Promise<void> {
  const { out } = deps;
  const render = (partition: string) =>
    JSON.stringify(mfaPolicy({ allowIps: options.allowIps, scope: options.scope, partition }), null, 2);
  // Rendered first, so that a wrong --allow-ip is refused before any call.
  const printed = render(options.partition ?? 'aws');
  if (options.attachGroup === undefined) {
    if (options.createGroup) throw new UserError('policy.needsAttachGroup', { flag: '--create-group' });
    out.data(printed);
    return;
  }
  const group = options.attachGroup;
  for (const [flag, name, pattern] of [['--attach-group', group, GROUP_NAME], ['--policy-name', options.policyName, POLICY_NAME]] as const) {
    if (!pattern.test(name)) throw new UserError('policy.badName', { flag, name });
  }
  const { region } = await resolveAdminProfile(options, deps.files);
  await attachPolicy(await deps.awsFor(region)({ profile: options.profile }), group, options, render, deps);
}

/**
 * Puts the policy (rendered for the administrator's partition) on the group as an inline
 * policy, making the group first with --create-group; says so when it was there already.
 */
export async function attachPolicy(
  aws: Pick<Sts, 'getCallerIdentity'> & GroupPolicy,
  group: string,
  options: Pick<PolicyOptions, 'partition' | 'createGroup' | 'policyName' | 'profile'>,
  render: (partition: string) => string,
  deps: Pick<WizardDeps, 'out'>,
): Promise<void> {
  const { out } = deps;
  try {
    // The group's users sign in to the administrator's partition (aws-cn, aws-us-gov, …).
    const { partition } = parseCallerArn((await aws.getCallerIdentity()).arn);
    if (options.partition !== undefined && options.partition !== partition) {
      throw new UserError('policy.otherPartition', { partition: options.partition, profile: options.profile, actual: partition });
    }
    const document = render(partition);
    if (!(await aws.groupExists(group))) {
      if (!options.createGroup) throw new UserError('policy.noGroup', { group });
      await aws.createGroup(group);
      out.success(t('policy.groupCreated', { group }));
    }
    const current = await aws.getGroupPolicy(group, options.policyName);
    if (current !== undefined && samePolicy(current, document)) {
      out.success(t('policy.unchanged', { group, name: options.policyName }));
      return;
    }
    await aws.putGroupPolicy(group, options.policyName, document);
    out.success(t(current === undefined ? 'policy.attached' : 'policy.updated', { group, name: options.policyName }));
  } catch (error) {
    if (error instanceof AwsError) throw refusal('attach-policy', error, { profile: options.profile, action: error.action }) ?? error;
    throw error;
  }
}
