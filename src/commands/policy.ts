import { GROUP_NAME, parseCallerArn, POLICY_NAME } from '../aws/names.js';
import type { GroupPolicy, Sts } from '../aws/client.js';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AwsError, CancelledError, UserError } from '../errors.js';
import { lineDiff, prettyPolicy } from '../policy/diff.js';
import { mfaPolicy, type DeviceNameScope, type Partition } from '../policy/document.js';
import { shellLine } from '../ui/command-line.js';
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
  /** `--force`: replace a different inline policy of that name without asking (needed without a terminal). */
  force: boolean;
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

/** `20261207T143005Z`: a moment in a file name, sortable, the same in every time zone. */
function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Before an inline policy someone may have changed by hand is replaced: shows what would
 * change (its lines against ours, pretty JSON), then asks (default No) on a terminal, or
 * without one needs --force; the policy there now is saved (0600, beside the AWS config
 * file) before it is replaced. Returns the saved copy's path.
 */
async function confirmReplace(
  current: string,
  document: string,
  group: string,
  options: Pick<PolicyOptions, 'policyName' | 'force'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'writer' | 'files' | 'clock'>,
): Promise<string> {
  const { out } = deps;
  const name = options.policyName;
  out.info(t('policy.differs', { group, name }));
  for (const line of lineDiff(prettyPolicy(current), document, { anchor: /^\s*"Sid": / })) out.info(`${line.kind} ${line.text}`);
  if (!options.force) {
    if (!deps.interactive) throw new UserError('policy.needsForce', { group, name });
    const go = await deps.prompter.confirm({ message: t('policy.replaceAsk', { group, name }), flag: '--force', default: false });
    if (!go) throw new CancelledError('policy.kept');
  }
  const path = join(dirname(deps.files.configFile), `policy-${group}-${name}-${stamp(deps.clock.now())}.json`);
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await deps.writer.write(path, `${prettyPolicy(current)}\n`, 'create');
  } catch (error) {
    throw new UserError('policy.saveFailed', { group, name, path, reason: (error as Error).message }, { cause: error });
  }
  return path;
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
    // A person at a terminal is told what the JSON is, and after it (what stays on a 24-line
    // screen) what to do with it; a pipe or a file gets the JSON alone.
    if (out.dataIsTTY) out.info(t('policy.forTerminalTitle'));
    out.data(printed);
    if (out.dataIsTTY) out.info(t('policy.forTerminal'));
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
  options: Pick<PolicyOptions, 'partition' | 'createGroup' | 'policyName' | 'profile' | 'force'>,
  render: (partition: string) => string,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'interactive' | 'writer' | 'files' | 'clock'>,
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
    const saved = current === undefined ? undefined : await confirmReplace(current, document, group, options, deps);
    try {
      await aws.putGroupPolicy(group, options.policyName, document);
    } catch (error) {
      // Not replaced: the group still has the policy the copy holds, which would only mislead.
      if (saved !== undefined) await rm(saved, { force: true });
      throw error;
    }
    if (saved !== undefined) {
      const command = shellLine(['aws', 'iam', 'put-group-policy', '--group-name', group, '--policy-name', options.policyName, '--policy-document', `file://${saved}`]);
      out.info(t('policy.saved', { group, name: options.policyName, path: saved, command }));
    }
    out.success(t(current === undefined ? 'policy.attached' : 'policy.updated', { group, name: options.policyName }));
  } catch (error) {
    if (error instanceof AwsError) throw refusal('attach-policy', error, { profile: options.profile, action: error.action }) ?? error;
    throw error;
  }
}
