import { defaultRegionFor, ROLE_ARN } from '../aws/names.js';
import { readTextFile } from '../credentials/files.js';
import { listIniSections, readIniValue } from '../credentials/ini.js';
import { assertProfileName } from '../credentials/profile-name.js';
import { defaultSessionProfile, readSavedSession, regionIn } from '../credentials/profiles.js';
import { configSectionNames, listProfiles, type AwsFiles } from '../credentials/paths.js';
import { UserError } from '../errors.js';

// Which profiles and regions a run works with, from its flags, the environment and the two
// files: settled once, before anything is written (save-profiles.ts writes them).

/**
 * The region API calls go to: --region, else AWS_REGION, else the profile's, else
 * us-east-1 (a new user has none configured; IAM is global and STS answers there). The
 * config file is read only when no flag or variable names one.
 */
async function callRegion(options: { region?: string; envRegion?: string }, profile: string | undefined, configText: () => Promise<string>): Promise<string> {
  return options.region ?? options.envRegion ?? (profile === undefined ? undefined : regionIn(await configText(), profile)) ?? defaultRegionFor('aws');
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
