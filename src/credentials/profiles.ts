import type { SessionCredentials } from '../keys.js';
import { readTextFile } from './files.js';
import { listIniSections, readIniValue } from './ini.js';
import { configSectionNames, listProfiles, type AwsFiles } from './paths.js';

// What the files say of profiles: the names there are, a profile's region, a saved session.
// Which profiles a run uses, and saving them, is the wizard's (wizard/resolve-profiles.ts,
// wizard/save-profiles.ts).

/** The profiles the two files name (both read), in file order. */
export async function profilesIn(files: AwsFiles): Promise<string[]> {
  const [credentials, config] = await Promise.all([readTextFile(files.credentialsFile), readTextFile(files.configFile)]);
  return listProfiles(listIniSections(credentials), listIniSections(config));
}

/** What a saved session was made from: it is reused only for the same. */
export interface SessionOrigin {
  sourceProfile: string;
  serialNumber: string;
  roleArn?: string;
}

/** The region the profile has in the config file, if any. */
export async function configuredRegion(configFile: string, profile: string): Promise<string | undefined> {
  return regionIn(await readTextFile(configFile), profile);
}

/** The region the profile has in the config file's text, if any. */
export function regionIn(configText: string, profile: string): string | undefined {
  return readIniValue(configText, configSectionNames(profile), 'region');
}

/** Where the MFA session of `profile` goes unless named: `<profile>-mfa` (`<profile>-<role>` for a role's). */
export function defaultSessionProfile(profile: string, roleName?: string): string {
  return `${profile}-${roleName ?? 'mfa'}`;
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
