import { parseCallerArn, ROLE_ARN, ROLE_SESSION_NAME, type ParsedIdentity } from '../aws/names.js';
import type { SessionCredentials } from '../aws/client.js';
import { credentialProcessJson, exportLines, type Shell } from '../credentials/export.js';
import { readTextFile } from '../credentials/files.js';
import { readIniValue } from '../credentials/ini.js';
import { configSectionNames } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import { DEFAULT_SESSION_SECONDS, MAX_SESSION_SECONDS } from '../wizard/duration.js';
import type { CommandContext } from '../deps.js';
import type { Aws, WizardDeps } from '../wizard/context.js';
import { assertProfileName, checkProfileFlags, configuredRegion, defaultSessionProfile, ensureSessionRegion, guardSessionProfile, readSavedSession, regionForCalls, saveSession } from '../credentials/profiles.js';
import { whenText } from '../ui/when.js';
import { askForSession, type Role } from '../wizard/session.js';

/** What `mfa-onboard session` is asked to do. */
export interface SessionOptions {
  profile: string;
  sessionProfile?: string;
  /** Reuse a saved session only if it lasts at least this much longer. */
  minRemainingMs: number;
  force: boolean;
  /** `--mfa-serial` (formerly `--serial`): the device to use. */
  mfaSerial?: string;
  exportShell?: Shell;
  credentialProcess: boolean;
  replaceProfile: boolean;
  region?: string;
  envRegion?: string;
  /** Assume this role with the MFA code (else a config profile's role_arn is used). */
  roleArn?: string;
  roleSessionName?: string;
  /** From --duration; undefined means 12 h for a session, 1 h for a role. */
  durationSeconds?: number;
}

/** AssumeRole allows up to 12 h, capped by the role's own maximum (1 h by default). */
const MAX_ROLE_SECONDS = 43_200;
const MAX_ROOT_SECONDS = 3_600;
const DEFAULT_ROLE_SECONDS = 3_600;

/** --role-arn, else `role_arn` + `source_profile` (+ `mfa_serial`) in the profile's config section. */
async function findRole(options: SessionOptions, deps: Pick<WizardDeps, 'files'>): Promise<Role | undefined> {
  if (options.roleArn !== undefined) {
    if (!ROLE_ARN.test(options.roleArn)) throw new UserError('role.badArn', { value: options.roleArn });
    return { roleArn: options.roleArn, sourceProfile: options.profile };
  }
  const names = configSectionNames(options.profile);
  const config = await readTextFile(deps.files.configFile);
  const roleArn = readIniValue(config, names, 'role_arn');
  if (roleArn === undefined) return undefined;
  const sourceProfile = readIniValue(config, names, 'source_profile');
  if (!sourceProfile) throw new UserError('role.noSourceProfile', { profile: options.profile });
  if (readIniValue(config, configSectionNames(sourceProfile), 'role_arn') !== undefined) {
    throw new UserError('role.chainedSource', { profile: options.profile, source: sourceProfile });
  }
  const serial = readIniValue(config, names, 'mfa_serial');
  return { roleArn, sourceProfile, ...(serial ? { serial } : {}) };
}

/** The device to use: --mfa-serial, else the profile's mfa_serial, else the user's only one (or asked). */
async function chooseSerial(
  options: SessionOptions,
  longTermProfile: string,
  role: Role | undefined,
  caller: ParsedIdentity,
  aws: Aws,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<string> {
  if (options.mfaSerial) return options.mfaSerial;
  if (role?.serial) return role.serial;
  const configured = readIniValue(await readTextFile(deps.files.configFile), configSectionNames(longTermProfile), 'mfa_serial');
  if (configured) return configured;
  if (caller.kind !== 'user') throw new UserError('session.noSerialForRoot', { profile: longTermProfile });
  const devices = await aws.listMfaDevices(caller.userName!);
  if (devices.length === 0) throw new UserError('session.noDevice', { profile: longTermProfile, user: caller.userName! });
  if (devices.length === 1) return devices[0]!.serialNumber;
  return deps.prompter.select({
    message: t('session.whichDevice', { count: devices.length }),
    flag: '--mfa-serial',
    choices: devices.map((d) => ({ value: d.serialNumber, name: d.serialNumber })),
  });
}

/** A new session for the profile or its role: finds the device, then asks for its code. */
async function newSession(
  options: SessionOptions,
  role: Role | undefined,
  deps: WizardDeps,
): Promise<{ session: SessionCredentials; serial: string; region: string }> {
  const longTermProfile = role?.sourceProfile ?? options.profile;
  const wanted = options.durationSeconds ?? (role ? DEFAULT_ROLE_SECONDS : DEFAULT_SESSION_SECONDS);
  if (role && wanted > MAX_ROLE_SECONDS) throw new UserError('role.durationTooLong', { duration: wanted });
  const region = await regionForCalls(options, deps.files.configFile, longTermProfile);
  const aws = await deps.awsFor(region)({ profile: longTermProfile });
  if (await aws.usesTemporaryCredentials()) throw new UserError('identify.temporaryProfile', { profile: longTermProfile });
  const caller = parseCallerArn((await aws.getCallerIdentity()).arn);
  const serial = await chooseSerial(options, longTermProfile, role, caller, aws, deps);
  // The root user's sessions last at most an hour: a longer --duration is refused, the default lowered.
  const rootCapped = !role && caller.kind === 'root' && wanted > MAX_ROOT_SECONDS;
  if (rootCapped && options.durationSeconds !== undefined) throw new UserError('session.rootDuration', { duration: wanted });
  const durationSeconds = rootCapped ? MAX_ROOT_SECONDS : wanted;
  const assume = role ? { role, sessionName: options.roleSessionName ?? `mfa-onboard-${longTermProfile}` } : undefined;
  return { session: await askForSession(aws, serial, durationSeconds, deps, assume ? { assume } : {}), serial, region };
}

/** Sections of the config file that make a profile something other than long-term keys. */
const NOT_LONG_TERM = ['credential_process', 'role_arn', 'sso_session', 'sso_start_url', 'web_identity_token_file'];

/** Refuses a source profile whose credentials are not long-term keys (it would recurse or chain). */
async function assertLongTermSource(profile: string, deps: Pick<WizardDeps, 'files'>): Promise<void> {
  const config = await readTextFile(deps.files.configFile);
  const found = NOT_LONG_TERM.find((key) => readIniValue(config, configSectionNames(profile), key) !== undefined);
  if (found) throw new UserError('session.sourceNotLongTerm', { profile, key: found });
}

/** Session values are base64 and an ISO date: anything else would not survive a shell's quoting. */
function assertPrintable(session: SessionCredentials): void {
  const plain = [session.accessKeyId, session.secretAccessKey, session.sessionToken].every((v) => /^[A-Za-z0-9+/=]+$/.test(v));
  if (!plain || Number.isNaN(session.expiration.getTime())) throw new UserError('session.oddValue');
}

/** Set while `mfa-onboard session` runs, and so in every process the SDK starts from it. */
const SESSION_MARKER = 'MFA_ONBOARD_SESSION_RUNNING';

/** The command's entry: refuses to run inside itself, then runs. */
export async function sessionCommand(options: SessionOptions, context: CommandContext): Promise<void> {
  // The SDK may run a credential_process that runs us again: never let that loop.
  if (context.runtime.env[SESSION_MARKER]) throw new UserError('session.recursive');
  process.env[SESSION_MARKER] = '1';
  await runSession(options, context.deps());
}

/**
 * `mfa-onboard session`: reuse the saved MFA session while it lasts, else get a new one
 * with a code and save it; optionally hand it to a shell or to `credential_process`.
 */
export async function runSession(requested: SessionOptions, deps: WizardDeps): Promise<void> {
  const { out, clock } = deps;
  checkProfileFlags(requested);
  if (requested.roleSessionName !== undefined && !ROLE_SESSION_NAME.test(requested.roleSessionName)) {
    throw new UserError('role.badSessionName', { value: requested.roleSessionName });
  }
  // A session profile named as --profile (AWS_PROFILE=alice-mfa, say): refresh it from its source.
  const credentialsText = await readTextFile(deps.files.credentialsFile);
  const named = readSavedSession(credentialsText, requested.profile)?.origin;
  const options: SessionOptions = named
    ? { ...requested, profile: named.sourceProfile, sessionProfile: requested.sessionProfile ?? requested.profile }
    : requested;
  const role = await findRole(options, deps);
  const longTermProfile = role?.sourceProfile ?? options.profile;
  await assertLongTermSource(longTermProfile, deps);
  // A role named by --role-arn gets its own profile beside the plain MFA session.
  const roleName = options.roleArn?.split('/').pop();
  const sessionProfile = options.sessionProfile ?? defaultSessionProfile(options.profile, roleName);
  assertProfileName(sessionProfile, '--session-profile');
  if (sessionProfile === options.profile || sessionProfile === longTermProfile) {
    throw new UserError('profile.sessionIsLongTerm', { profile: sessionProfile });
  }
  await guardSessionProfile(sessionProfile, longTermProfile, options, deps);

  // One refresh at a time per session profile: parallel AWS tools must not each ask for a
  // code (AWS takes each code once). The wait covers a person typing a code.
  const session = await deps.writer.lock(
    `${deps.files.credentialsFile}.${sessionProfile}`,
    async () => {
      const saved = options.force ? undefined : readSavedSession(await readTextFile(deps.files.credentialsFile), sessionProfile);
      const wanted = { sourceProfile: longTermProfile, roleArn: role?.roleArn, serial: options.mfaSerial };
      const sameOrigin =
        saved?.origin !== undefined &&
        saved.origin.sourceProfile === wanted.sourceProfile &&
        saved.origin.roleArn === wanted.roleArn &&
        (wanted.serial === undefined || saved.origin.serialNumber === wanted.serial);
      const left = saved ? saved.expiration.getTime() - clock.now() : 0;
      // No session outlasts 36 hours: an end further away means this computer's clock is behind.
      const clockBehind = left > MAX_SESSION_SECONDS * 1000;
      if (saved && clockBehind) out.warn(t('session.clockBehind', { sessionProfile, expires: whenText(saved.expiration, clock.now()) }));
      if (saved && sameOrigin && !clockBehind && left > options.minRemainingMs) {
        out.addSecret(saved.secretAccessKey);
        out.addSecret(saved.sessionToken);
        out.success(t('session.reused', { sessionProfile, expires: whenText(saved.expiration, clock.now()) }));
        return saved;
      }
      if (saved && !sameOrigin) out.info(t('session.otherOrigin', { sessionProfile }));
      else if (saved && !clockBehind) {
        out.info(t(left > 0 ? 'session.endingSoon' : 'session.expired', { sessionProfile, expires: whenText(saved.expiration, clock.now()) }));
      }
      const fresh = await newSession(options, role, deps);
      const origin = { sourceProfile: longTermProfile, serialNumber: fresh.serial, ...(role ? { roleArn: role.roleArn } : {}) };
      await saveSession({ sessionProfile, session: fresh.session, origin }, deps);
      await ensureSessionRegion({ sourceProfile: longTermProfile, sessionProfile, callRegion: fresh.region }, deps);
      return fresh.session;
    },
    { waitMs: 5 * 60_000, staleMs: 10 * 60_000 },
  );
  if (options.exportShell || options.credentialProcess) assertPrintable(session);
  if (options.exportShell) {
    // The region the session is for: the one asked for, else the session profile's, else the calls'.
    const region =
      options.region ??
      options.envRegion ??
      (await configuredRegion(deps.files.configFile, sessionProfile)) ??
      (await regionForCalls(options, deps.files.configFile, longTermProfile));
    out.secretData(exportLines(options.exportShell, session, region));
  }
  else if (options.credentialProcess) out.secretData(credentialProcessJson(session));
  else out.info(t('session.useIt', { sessionProfile, expires: whenText(session.expiration, clock.now()) }));
}
