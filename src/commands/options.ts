import type { Flags } from '../cli.js';
import { SHELLS, type Shell } from '../credentials/export.js';
import { UserError } from '../errors.js';
import { assertProfileName } from '../credentials/profiles.js';
import { DEFAULT_SESSION_SECONDS, parseDuration, parseTime } from '../wizard/duration.js';
import type { SessionOptions } from './session.js';
import { DEVICE_NAME_SCOPES, PARTITIONS, type DeviceNameScope, type Partition } from '../policy/document.js';
import type { CreateUserOptions } from './admin.js';
import type { BatchOptions } from './batch.js';
import type { PolicyOptions } from './policy.js';
import type { ResetOptions } from './reset.js';
import type { StatusOptions } from './status.js';
import type { SetupOptions } from '../wizard/context.js';

/** Command-line flags (and the AWS_* variables the CLI honours) → the wizard's options. */
export function setupOptions(flags: Flags, csvPath: string | undefined, env: NodeJS.ProcessEnv): SetupOptions {
  return {
    ...(csvPath !== undefined ? { csvPath } : {}),
    ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
    // With a CSV or --profile, AWS_PROFILE plays no part: only a name that is used is checked.
    ...(env.AWS_PROFILE ? { envProfile: csvPath === undefined && flags.profile === undefined ? envProfile(env)! : env.AWS_PROFILE } : {}),
    ...(flags['session-profile'] !== undefined ? { sessionProfile: flags['session-profile'] } : {}),
    ...(flags.user !== undefined ? { user: flags.user } : {}),
    ...(flags['device-name'] !== undefined ? { deviceName: flags['device-name'] } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
    durationSeconds: flags.duration !== undefined ? parseDuration(flags.duration) : DEFAULT_SESSION_SECONDS,
    showSecret: Boolean(flags['show-secret']),
    ...(flags['qr-png'] !== undefined ? { qrPng: flags['qr-png'] } : {}),
    replaceProfile: Boolean(flags['replace-profile']),
    replace: Boolean(flags.replace),
    ...(flags.serial !== undefined ? { serial: flags.serial } : {}),
    ...(flags['delete-csv'] ? { deleteCsv: true } : flags['keep-csv'] ? { deleteCsv: false } : {}),
    ...(flags['allow-clock-drift'] ? { allowClockDrift: true } : {}),
    ...(flags.export !== undefined ? { exportShell: shellFlag(flags.export) } : {}),
    yes: Boolean(flags.yes),
  };
}

function shellFlag(value: string): Shell {
  if (!(SHELLS as readonly string[]).includes(value)) throw new UserError('cli.badShell', { value });
  return value as Shell;
}

/** Flags of `mfa-onboard session` → its options. */
export function sessionOptions(flags: Flags, env: NodeJS.ProcessEnv): SessionOptions {
  const shell = flags.export !== undefined ? shellFlag(flags.export) : undefined;
  if (shell !== undefined && flags['credential-process']) {
    throw new UserError('cli.conflict', { a: '--export', b: '--credential-process' });
  }
  return {
    profile: profileFlag(flags, env),
    ...(flags['session-profile'] !== undefined ? { sessionProfile: flags['session-profile'] } : {}),
    // 15 min: botocore refreshes credential_process credentials this long before they end.
    minRemainingMs: flags['min-remaining'] !== undefined ? parseTime(flags['min-remaining'], '--min-remaining') * 1000 : 15 * 60_000,
    force: Boolean(flags.force),
    ...(flags.duration !== undefined ? { durationSeconds: parseDuration(flags.duration) } : {}),
    ...(flags.serial !== undefined ? { serial: flags.serial } : {}),
    ...(flags['role-arn'] !== undefined ? { roleArn: flags['role-arn'] } : {}),
    ...(flags['role-session-name'] !== undefined ? { roleSessionName: flags['role-session-name'] } : {}),
    ...(shell !== undefined ? { exportShell: shell } : {}),
    credentialProcess: Boolean(flags['credential-process']),
    replaceProfile: Boolean(flags['replace-profile']),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
  };
}

/** The region the environment names for calls, as the AWS CLI reads it. */
function envRegion(env: NodeJS.ProcessEnv): { envRegion?: string } {
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  return region ? { envRegion: region } : {};
}

/** AWS_PROFILE, refused (naming the variable) when it cannot be a profile name. */
function envProfile(env: NodeJS.ProcessEnv): string | undefined {
  if (env.AWS_PROFILE) assertProfileName(env.AWS_PROFILE, 'AWS_PROFILE');
  return env.AWS_PROFILE || undefined;
}

/** The profile a command works on: --profile, else AWS_PROFILE, else default. */
function profileFlag(flags: Flags, env: NodeJS.ProcessEnv): string {
  return flags.profile ?? envProfile(env) ?? 'default';
}

/** Flags of `mfa-onboard status` → its options. */
export function statusOptions(flags: Flags, env: NodeJS.ProcessEnv): StatusOptions {
  return {
    profile: profileFlag(flags, env),
    ...(flags.user !== undefined ? { user: flags.user } : {}),
    ...(flags['session-profile'] !== undefined ? { sessionProfile: flags['session-profile'] } : {}),
    json: Boolean(flags.json),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
  };
}

/** Flags of `mfa-onboard reset` → its options. */
export function resetOptions(flags: Flags, env: NodeJS.ProcessEnv): ResetOptions {
  if (flags.all && flags.serial !== undefined) throw new UserError('cli.conflict', { a: '--all', b: '--serial' });
  if (flags.enrol && flags['no-enrol']) throw new UserError('cli.conflict', { a: '--enrol', b: '--no-enrol' });
  return {
    profile: profileFlag(flags, env),
    ...(flags.user !== undefined ? { user: flags.user } : {}),
    all: Boolean(flags.all),
    ...(flags.serial !== undefined ? { serial: flags.serial } : {}),
    ...(flags.enrol ? { enrol: true } : flags['no-enrol'] ? { enrol: false } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
  };
}

/** Flags of `mfa-onboard policy` → its options. */
export function policyOptions(flags: Flags, env: NodeJS.ProcessEnv): PolicyOptions {
  const scope = flags['device-name-scope'] ?? 'user';
  if (!(DEVICE_NAME_SCOPES as readonly string[]).includes(scope)) throw new UserError('policy.badScope', { value: scope });
  const partition = flags.partition;
  if (partition !== undefined && !(PARTITIONS as readonly string[]).includes(partition)) throw new UserError('policy.badPartition', { value: partition });
  if (flags['attach-group'] === undefined) {
    // Only attaching uses these: printing would silently ignore them.
    const flag = (['create-group', 'policy-name', 'profile', 'region'] as const).find((name) => flags[name] !== undefined);
    if (flag !== undefined) throw new UserError('policy.needsAttachGroup', { flag: `--${flag}` });
  }
  return {
    allowIps: flags['allow-ip'] ?? [],
    scope: scope as DeviceNameScope,
    ...(partition !== undefined ? { partition: partition as Partition } : {}),
    ...(flags['attach-group'] !== undefined ? { attachGroup: flags['attach-group'] } : {}),
    createGroup: Boolean(flags['create-group']),
    policyName: flags['policy-name'] ?? 'mfa-onboard-require-mfa',
    profile: profileFlag(flags, env),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
  };
}

/** Flags of `mfa-onboard admin create-user NAME` → its options. */
export function createUserOptions(flags: Flags, name: string, env: NodeJS.ProcessEnv): CreateUserOptions {
  return {
    profile: profileFlag(flags, env),
    name,
    path: flags.path ?? '/',
    ...(flags.group !== undefined ? { group: flags.group } : {}),
    outDir: flags.out ?? '.',
    existing: Boolean(flags.existing),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
  };
}

/** Flags of `mfa-onboard batch users.csv` → its options (the wizard's flags apply to each hire). */
export function batchOptions(flags: Flags, usersCsv: string, env: NodeJS.ProcessEnv): BatchOptions {
  // Flags that name one user's device, profile or shell would be the same for every hire.
  for (const flag of ['user', 'serial', 'replace', 'device-name', 'session-profile', 'export'] as const) {
    if (flags[flag] !== undefined && flags[flag] !== false) throw new UserError('batch.flagForOne', { flag: `--${flag}` });
  }
  return {
    usersCsv,
    profile: profileFlag(flags, env),
    create: Boolean(flags.create),
    only: flags.only ?? [],
    skip: flags.skip ?? [],
    ...(flags.report !== undefined ? { report: flags.report } : {}),
    ...(flags.region !== undefined ? { region: flags.region } : {}),
    ...envRegion(env),
    setup: setupOptions(flags, undefined, env),
  };
}
