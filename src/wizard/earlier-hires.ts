import type { Aws } from '../aws/client.js';
import { listIniSections, readIniValue } from '../credentials/ini.js';
import { configSectionNames } from '../credentials/paths.js';
import { t } from '../ui/messages/index.js';
import type { WizardDeps } from './context.js';

/** A hire's profile an earlier version's admin mode left on the administrator's computer. */
export interface HireLeftHere {
  /** The profile holding the hire's long-term keys. */
  profile: string;
  /** Whose keys they are, as IAM says. */
  user: string;
  /** Its sections in the credentials file: the keys, and the MFA sessions made from them. */
  credentials: string[];
  /** Its sections in the config file (mfa_serial, region). */
  config: string[];
}

/**
 * Profiles of other IAM users that an earlier version's admin mode wrote on the
 * administrator's computer (`[kim]` with kim's keys, `[kim-mfa]` with her MFA session,
 * `[profile kim]` with her mfa_serial). A profile is one when it bears the wizard's marks (a
 * session saved from it, or an mfa_serial) and IAM says its key is another user's
 * (GetAccessKeyLastUsed names the owner of any key of the account, without its secret). The
 * name alone proves nothing, and a device name is free-form: the key's owner is the sound
 * test. `self` is the profile being looked at (the caller's own keys: not asked); `caller`
 * the caller's IAM user name (none for a role). A key IAM will not say the owner of (another
 * account, no permission) is left out: nothing is claimed that was not checked.
 */
export async function hiresLeftHere(
  aws: Pick<Aws, 'accessKeyOwner'>,
  self: string,
  caller: string | undefined,
  files: { credentials: string; config: string },
): Promise<HireLeftHere[]> {
  const { credentials, config } = files;
  const sections = listIniSections(credentials);
  const value = (section: string, key: string) => readIniValue(credentials, section, key);
  const sessionsOf = (profile: string) => sections.filter((s) => value(s, 'aws_session_token') !== undefined && value(s, 'mfa_onboard_source_profile') === profile);
  const configSections = listIniSections(config);
  const configOf = (profile: string) => configSections.filter((s) => configSectionNames(profile).includes(s));
  const found: HireLeftHere[] = [];
  for (const profile of sections) {
    const keyId = value(profile, 'aws_access_key_id');
    if (profile === self || keyId === undefined || value(profile, 'aws_session_token') !== undefined) continue;
    const sessions = sessionsOf(profile);
    const marked = sessions.length > 0 || readIniValue(config, configSectionNames(profile), 'mfa_serial') !== undefined;
    if (!marked) continue;
    const owner = await aws.accessKeyOwner(keyId).catch(() => undefined);
    // IAM user names are unique regardless of case.
    if (owner === undefined || owner.toLowerCase() === caller?.toLowerCase()) continue;
    found.push({ profile, user: owner, credentials: [profile, ...sessions], config: [profile, ...sessions].flatMap(configOf) });
  }
  return found;
}

/** Says which sections hold other users' keys and sessions, and that they should go (it deletes nothing). */
export function reportOthersProfiles(found: HireLeftHere[], deps: Pick<WizardDeps, 'out' | 'files'>): void {
  const { out, files } = deps;
  const list = (names: string[]) => names.map((name) => `[${name}]`).join(', ');
  out.warn(t('status.othersProfiles', { count: found.length }));
  for (const hire of found) {
    // A file a line: a section list is never cut in two by the window's edge.
    out.info(t('status.othersProfile', { user: hire.user }));
    out.info(t('status.othersIn', { sections: list(hire.credentials), path: files.credentialsFile }));
    if (hire.config.length) out.info(t('status.othersIn', { sections: list(hire.config), path: files.configFile }));
  }
}
