import { dirname } from 'node:path';
import { readTextFile, type FileChange, type FileWriter } from '../credentials/files.js';
import { editIni, readIniValue, type SectionEdit } from '../credentials/ini.js';
import { maskKeyId } from '../credentials/mask.js';
import { assertProfileName, PROFILE_NAME, shownProfileName } from '../credentials/profile-name.js';
import { configuredRegion, type SessionOrigin } from '../credentials/profiles.js';
import { configSection, type AwsFiles } from '../credentials/paths.js';
import { UserError } from '../errors.js';
import type { SessionCredentials } from '../keys.js';
import { t } from '../ui/messages/index.js';
import type { Output } from '../ui/output.js';
import type { Prompter } from '../ui/prompter.js';

// Writing a run's profiles, and what is asked and said around it. Which profiles a run uses
// is resolve-profiles.ts (no catalog there: the session command's fast path settles names
// with it).

// The steps that name and check profiles take the file-level rule from here too.
export { assertProfileName, PROFILE_NAME };

/** Checks a profile name typed at the prompt: true, or what is wrong with it. */
export function checkProfileName(name: string): string | true {
  return PROFILE_NAME.test(name) ? true : t('profile.badName', { name: shownProfileName(name) });
}

/** Says so when a file readable by others was tightened to 0600. */
function reportTightened(change: FileChange, deps: { out: Output }): void {
  if (change.dirTightenedFrom !== undefined) {
    deps.out.warn(t('file.dirTightened', { path: dirname(change.path), mode: change.dirTightenedFrom.toString(8) }));
  }
  if (change.tightenedFrom !== undefined) {
    deps.out.warn(t('file.tightened', { path: change.path, mode: change.tightenedFrom.toString(8) }));
  }
}

/**
 * Writes `edits` into one of the AWS files, says so when the write tightened it to 0600,
 * then what was saved (`said`, told what the write did; nothing when left out).
 */
export async function saveSections(
  file: string,
  edits: SectionEdit[],
  said: ((change: FileChange) => string) | undefined,
  deps: { out: Output; writer: FileWriter },
): Promise<FileChange> {
  const change = await deps.writer.update(file, (text) => editIni(text, edits));
  reportTightened(change, deps);
  if (said) deps.out.success(said(change));
  return change;
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
  return saveSections(
    deps.files.configFile,
    [
      { ...configSection(input.profile), values: profileValues },
      ...(region ? [{ ...configSection(input.sessionProfile), values: { region: region.name } }] : []),
    ],
    (change) => t('save.serial', { profile: input.profile, config: change.path }),
    deps,
  );
}

/**
 * The session goes to `[<session profile>]` of the credentials file, with its
 * expiry (which the SDKs ignore).
 */
export async function saveSession(
  input: { sessionProfile: string; session: SessionCredentials; origin: SessionOrigin },
  deps: { out: Output; files: AwsFiles; writer: FileWriter },
): Promise<FileChange> {
  const { session } = input;
  return saveSections(
    deps.files.credentialsFile,
    [
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
    ],
    (change) => t('save.done', { sessionProfile: input.sessionProfile, credentials: change.path }),
    deps,
  );
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
  await saveSections(configFile, [{ ...configSection(input.sessionProfile), values: { region } }], undefined, deps);
}


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

