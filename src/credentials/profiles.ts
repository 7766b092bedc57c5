import { dirname } from 'node:path';
import { defaultRegionFor, ROLE_ARN } from '../aws/names.js';
import type { SessionCredentials } from '../aws/client.js';
import { readTextFile, type FileChange, type FileWriter } from './files.js';
import { editIni, listIniSections, readIniValue } from './ini.js';
import { maskKeyId } from './mask.js';
import { UserError } from '../errors.js';
import { configSection, configSectionNames, listProfiles } from './paths.js';
import { t } from '../ui/messages/index.js';
import type { Output } from '../ui/output.js';
import type { Prompter } from '../ui/prompter.js';
import type { AwsFiles } from './paths.js';

// NOTE: the profile-name rule is its own small module so that the flags (loaded for --help)
// can check AWS_PROFILE without loading the files library.
import { assertProfileName } from './profile-name.js';
export { assertProfileName, checkProfileName, PROFILE_NAME } from './profile-name.js';

/** Says so when a file readable by others was tightened to 0600. */
export function reportTightened(change: FileChange, deps: { out: Output }): void {
  if (change.dirTightenedFrom !== undefined) {
    deps.out.warn(t('file.dirTightened', { path: dirname(change.path), mode: change.dirTightenedFrom.toString(8) }));
  }
  if (change.tightenedFrom !== undefined) {
    deps.out.warn(t('file.tightened', { path: change.path, mode: change.tightenedFrom.toString(8) }));
  }
}

/**
 * Right after the device is enabled: `mfa_serial` (and the region, when chosen)
 * go to the config file, so the enrolment is on record even if the session check fails.
 * The session profile gets the region too, so regional calls with it work.
 */
export async function saveMfaSerial(
  input: { profile: string; sessionProfile: string; serialNumber: string; region?: { name: string; forProfile: boolean } },
  deps: { out: Output; files: AwsFiles; writer: FileWriter },
): Promise<FileChange> {
  const { region } = input;
  const profileValues: Record<string, string> = { mfa_serial: input.serialNumber };
  if (region?.forProfile) profileValues.region = region.name;
  const change = await deps.writer.update(deps.files.configFile, (text) =>
    editIni(text, [
      { ...configSection(input.profile), values: profileValues },
      ...(region ? [{ ...configSection(input.sessionProfile), values: { region: region.name } }] : []),
    ]),
  );
  reportTightened(change, deps);
  deps.out.success(t('save.serial', { profile: input.profile, config: change.path }));
  return change;
}

/**
 * Step 8: the session goes to `[<session profile>]` of the credentials file, with its
 * expiry (which the SDKs ignore).
 */
/** What a saved session was made from: it is reused only for the same. */
export interface SessionOrigin {
  sourceProfile: string;
  serialNumber: string;
  roleArn?: string;
}

export async function saveSession(
  input: { sessionProfile: string; session: SessionCredentials; origin: SessionOrigin },
  deps: { out: Output; files: AwsFiles; writer: FileWriter },
): Promise<FileChange> {
  const { session } = input;
  const change = await deps.writer.update(deps.files.credentialsFile, (text) =>
    editIni(text, [
      {
        section: input.sessionProfile,
        values: {
          aws_access_key_id: session.accessKeyId,
          aws_secret_access_key: session.secretAccessKey,
          aws_session_token: session.sessionToken,
          // Not read by the SDKs: when it runs out, and what it was made from (for reuse).
          expiration: session.expiration.toISOString(),
          mfa_onboard_source_profile: input.origin.sourceProfile,
          mfa_onboard_serial: input.origin.serialNumber,
          ...(input.origin.roleArn ? { mfa_onboard_role_arn: input.origin.roleArn } : {}),
        },
        remove: input.origin.roleArn ? [] : ['mfa_onboard_role_arn'],
      },
    ]),
  );
  reportTightened(change, deps);
  deps.out.success(t('save.done', { sessionProfile: input.sessionProfile, credentials: change.path }));
  return change;
}

/**
 * A session profile without a region is one the AWS CLI refuses ("You must specify a
 * region"): give it the region its source profile has, else the one the session came from.
 */
export async function ensureSessionRegion(
  input: { sourceProfile: string; sessionProfile: string; callRegion: string },
  deps: { out: Output; files: AwsFiles; writer: FileWriter },
): Promise<void> {
  const { configFile } = deps.files;
  if ((await configuredRegion(configFile, input.sessionProfile)) !== undefined) return;
  const region = (await configuredRegion(configFile, input.sourceProfile)) ?? input.callRegion;
  const change = await deps.writer.update(configFile, (text) => editIni(text, [{ ...configSection(input.sessionProfile), values: { region } }]));
  reportTightened(change, deps);
}

/** The region the profile has in the config file, if any. */
export async function configuredRegion(configFile: string, profile: string): Promise<string | undefined> {
  return regionIn(await readTextFile(configFile), profile);
}

function regionIn(configText: string, profile: string): string | undefined {
  return readIniValue(configText, configSectionNames(profile), 'region');
}

/**
 * The region API calls go to: --region, else AWS_REGION, else the profile's, else
 * us-east-1 (a new user has none configured; IAM is global and STS answers there). The
 * config file is read only when no flag or variable names one.
 */
async function callRegion(options: { region?: string; envRegion?: string }, profile: string | undefined, configText: () => Promise<string>): Promise<string> {
  return options.region ?? options.envRegion ?? (profile === undefined ? undefined : regionIn(await configText(), profile)) ?? defaultRegionFor('aws');
}

/** Where the MFA session of `profile` goes unless named: `<profile>-mfa` (`<profile>-<role>` for a role's). */
export function defaultSessionProfile(profile: string, roleName?: string): string {
  return `${profile}-${roleName ?? 'mfa'}`;
}

/** What a command is told about profiles and regions: flags and the environment. */
export interface ProfileFlags {
  /** `--profile` (for the commands other than setup, AWS_PROFILE or `default` when not given). */
  profile?: string;
  /** AWS_PROFILE (setup: the profile to use when neither a CSV nor --profile is given). */
  envProfile?: string;
  sessionProfile?: string;
  region?: string;
  envRegion?: string;
  /** Setup: the access-key CSV to import (the profile is then where it goes). */
  csvPath?: string;
  /** Setup: `--user`, whom a profile of someone else's (an administrator's) acts for. */
  user?: string;
}

/** The profile names a run works with, settled once; nothing downstream renames them. */
export interface Profiles {
  /**
   * The profile of the long-term keys: used as they are, or (with a CSV) imported into;
   * undefined until known (setup asks for it, or an administrator enrols without the user's keys).
   */
  longTerm?: string;
  /** Where the MFA session goes: `--session-profile`, else `<longTerm>-mfa`. */
  session?: string;
  /** Setup: a profile that may be an administrator's acting for `--user` (identify says whether it is). */
  admin?: string;
  /** The region the calls go to. */
  region: string;
}

/**
 * Flags, environment and the two files → the profiles and the region of the calls. Names
 * given were checked where flags became options. A file is read only when it is needed (a
 * damaged one is then reported after AWS has answered, as the SDK would), and at most once.
 */
export async function resolveProfiles(given: ProfileFlags, files: AwsFiles): Promise<Profiles> {
  let config: Promise<string> | undefined;
  const configText = () => (config ??= readTextFile(files.configFile));
  const importing = given.csvPath !== undefined;
  const named = given.profile ?? given.envProfile;
  // With a CSV, AWS_PROFILE plays no part, and --profile is an administrator's only if it exists.
  const adminCandidate = importing ? given.profile : named;
  const exists = async (profile: string) =>
    listProfiles(listIniSections(await readTextFile(files.credentialsFile)), listIniSections(await configText())).includes(profile);
  const admin =
    given.user !== undefined && adminCandidate !== undefined && (!importing || (await exists(adminCandidate))) ? adminCandidate : undefined;
  // Keys used as they are (no CSV): their profile's region is where the calls go.
  const calling = admin ?? (importing ? undefined : named);
  const region = await callRegion(given, calling, configText);
  const longTerm = importing ? given.profile : named;
  const profiles: Profiles = {
    ...(longTerm !== undefined ? { longTerm } : {}),
    ...(given.sessionProfile !== undefined ? { session: given.sessionProfile } : {}),
    ...(admin !== undefined ? { admin } : {}),
    region,
  };
  // Importing, or acting for someone: which profile the keys end in is known once AWS says whose they are.
  return importing || admin !== undefined ? profiles : withLongTerm(profiles, longTerm);
}

/**
 * An administrator's profile, used as it is (reset, batch, policy, admin): the profile and
 * the region of its calls, as resolveProfiles settles them.
 */
export async function resolveAdminProfile(
  given: Pick<ProfileFlags, 'region' | 'envRegion'> & { profile: string },
  files: AwsFiles,
): Promise<{ profile: string; region: string }> {
  const { region, envRegion } = given;
  const profiles = await resolveProfiles(
    { profile: given.profile, ...(region !== undefined ? { region } : {}), ...(envRegion !== undefined ? { envRegion } : {}) },
    files,
  );
  return { profile: given.profile, region: profiles.region };
}

/** What `mfa-onboard session` is told about profiles: flags and the environment. */
export interface SessionProfileFlags {
  /** --profile, else AWS_PROFILE, else default: long-term keys, a role's profile, or a session profile. */
  profile: string;
  sessionProfile?: string;
  /** --role-arn: a role to assume with the profile's keys. */
  roleArn?: string;
  region?: string;
  envRegion?: string;
}

/** The names a session run works with, settled once from its flags and the two files. */
export interface SessionProfiles {
  /** Whose long-term keys ask for the session: the profile, or its role's source_profile. */
  longTerm: string;
  /** Where the session goes: --session-profile, else `<profile>-mfa` (`<profile>-<role>` for --role-arn). */
  session: string;
  /** The role to assume with MFA: --role-arn, else the profile's role_arn. */
  role?: { roleArn: string; sourceProfile: string };
  /** The device the config names: the role profile's mfa_serial, else the long-term profile's. */
  configuredSerial?: string;
  /** The region of the calls. */
  region: string;
  /** The region the session is for (--export): the one asked for, else the session profile's, else the calls'. */
  sessionRegion: string;
}

/** Config keys that make a profile something other than long-term keys. */
const NOT_LONG_TERM = ['credential_process', 'role_arn', 'sso_session', 'sso_start_url', 'web_identity_token_file'];

/**
 * `mfa-onboard session`'s flags and the two files (each read once) → its profiles, role and
 * regions. A session profile named as --profile (AWS_PROFILE=alice-mfa, say) is refreshed
 * from its source; a role's source must hold long-term keys (else it would recurse or chain).
 */
export async function resolveSessionProfiles(given: SessionProfileFlags, files: AwsFiles): Promise<SessionProfiles> {
  return sessionProfilesOf(given, await readTextFile(files.credentialsFile), await readTextFile(files.configFile));
}

/** `resolveSessionProfiles` on the two files' text (the start-up fast path reads them itself). */
export function sessionProfilesOf(given: SessionProfileFlags, credentials: string, config: string): SessionProfiles {
  const named = readSavedSession(credentials, given.profile)?.origin;
  const profile = named?.sourceProfile ?? given.profile;
  const role = roleOf(given.roleArn, profile, config);
  const longTerm = role?.sourceProfile ?? profile;
  const found = NOT_LONG_TERM.find((key) => readIniValue(config, configSectionNames(longTerm), key) !== undefined);
  if (found) throw new UserError('session.sourceNotLongTerm', { profile: longTerm, key: found });
  // A role named by --role-arn gets its own profile beside the plain MFA session.
  const roleName = given.roleArn?.split('/').pop();
  const session = given.sessionProfile ?? (named ? given.profile : defaultSessionProfile(profile, roleName));
  // A name made from a role's may hold what a profile name cannot.
  if (given.sessionProfile === undefined) assertProfileName(session, '--session-profile');
  if (session === profile || session === longTerm) throw new UserError('profile.sessionIsLongTerm', { profile: session });
  const region = given.region ?? given.envRegion ?? regionIn(config, longTerm) ?? defaultRegionFor('aws');
  // The role profile's mfa_serial, else its source's (the same profile when there is no role).
  const configuredSerial = readIniValue(config, configSectionNames(profile), 'mfa_serial') || readIniValue(config, configSectionNames(longTerm), 'mfa_serial');
  return {
    longTerm,
    session,
    ...(role ? { role } : {}),
    ...(configuredSerial ? { configuredSerial } : {}),
    region,
    sessionRegion: given.region ?? given.envRegion ?? regionIn(config, session) ?? region,
  };
}

/** --role-arn, else `role_arn` + `source_profile` in the profile's config section. */
function roleOf(roleArn: string | undefined, profile: string, config: string): SessionProfiles['role'] {
  if (roleArn !== undefined) {
    if (!ROLE_ARN.test(roleArn)) throw new UserError('role.badArn', { value: roleArn });
    return { roleArn, sourceProfile: profile };
  }
  const names = configSectionNames(profile);
  const configured = readIniValue(config, names, 'role_arn');
  if (configured === undefined) return undefined;
  const sourceProfile = readIniValue(config, names, 'source_profile');
  if (!sourceProfile) throw new UserError('role.noSourceProfile', { profile });
  if (readIniValue(config, configSectionNames(sourceProfile), 'role_arn') !== undefined) {
    throw new UserError('role.chainedSource', { profile, source: sourceProfile });
  }
  return { roleArn: configured, sourceProfile };
}

/**
 * The names once the long-term profile is settled (or known to be none, when an administrator
 * enrols without the user's keys): the session profile is `--session-profile`, else `<longTerm>-mfa`.
 */
export function withLongTerm(profiles: Profiles, longTerm: string | undefined): Profiles {
  const { longTerm: _tentative, session, ...rest } = profiles;
  if (longTerm === undefined) return rest;
  return { ...rest, longTerm, session: session ?? defaultSessionProfile(longTerm) };
}

/** Asks before the session profile overwrites long-term keys stored under that name. */
export async function guardSessionProfile(
  sessionProfile: string,
  profile: string,
  options: { replaceProfile: boolean },
  deps: { prompter: Prompter; files: AwsFiles },
): Promise<void> {
  if (sessionProfile === profile) throw new UserError('profile.sessionIsLongTerm', { profile });
  const text = await readTextFile(deps.files.credentialsFile);
  const keyId = readIniValue(text, sessionProfile, 'aws_access_key_id');
  // Long-term keys: an access key with no session token beside it (whatever its prefix), unless
  // it is what is left of a session this tool saved (it notes where the session came from).
  const ours = readIniValue(text, sessionProfile, 'mfa_onboard_source_profile') !== undefined;
  const longTerm = keyId !== undefined && !ours && readIniValue(text, sessionProfile, 'aws_session_token') === undefined;
  if (!longTerm || options.replaceProfile) return;
  const replace = await deps.prompter.confirm({
    message: t('profile.sessionHoldsKeysAsk', { profile: sessionProfile, keyId: maskKeyId(keyId) }),
    flag: '--replace-profile',
    default: false,
  });
  if (!replace) throw new UserError('profile.sessionHoldsKeys', { profile: sessionProfile });
}

const EXPIRATION = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * When a saved session ends, in ms since the epoch: ISO 8601 as its zone says; with no zone
 * (broamski/aws-mfa writes `YYYY-MM-DD HH:MM:SS`, in UTC) as UTC, never as local time.
 * Anything else is not trusted (NaN), so a new session is got rather than a dead one reused.
 */
export function parseExpiration(text: string): number {
  const match = EXPIRATION.exec(text.trim());
  if (!match) return Number.NaN;
  const zone = (match[3] ?? 'Z').toUpperCase();
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  // Date.parse takes at most milliseconds.
  const time = match[2]!.replace(/(\.\d{3})\d+$/, '$1');
  return Date.parse(`${match[1]}T${time}${offset}`);
}

/** The session saved under `sessionProfile`, if it is complete and says when it ends. */
export function readSavedSession(
  credentialsText: string,
  sessionProfile: string,
): (SessionCredentials & { origin?: SessionOrigin }) | undefined {
  const value = (key: string) => readIniValue(credentialsText, sessionProfile, key);
  const [accessKeyId, secretAccessKey, sessionToken, expiration] = [
    value('aws_access_key_id'),
    value('aws_secret_access_key'),
    value('aws_session_token'),
    value('expiration'),
  ];
  const ends = expiration ? parseExpiration(expiration) : Number.NaN;
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(ends)) return undefined;
  const sourceProfile = value('mfa_onboard_source_profile');
  const serialNumber = value('mfa_onboard_serial');
  const roleArn = value('mfa_onboard_role_arn');
  const origin = sourceProfile && serialNumber ? { sourceProfile, serialNumber, ...(roleArn ? { roleArn } : {}) } : undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(ends), ...(origin ? { origin } : {}) };
}
