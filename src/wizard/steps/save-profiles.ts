import { dirname } from 'node:path';
import { defaultRegionFor } from '../../aws/arn.js';
import type { SessionCredentials } from '../../aws/client.js';
import { readTextFile, type FileChange } from '../../credentials/files.js';
import { editIni, readIniValue } from '../../credentials/ini.js';
import { maskKeyId } from '../../credentials/mask.js';
import { UserError } from '../../errors.js';
import { configSection, configSectionNames } from '../../credentials/paths.js';
import { t } from '../../ui/messages/index.js';
import type { SetupOptions, WizardDeps } from '../context.js';

/** Says so when a file readable by others was tightened to 0600. */
export function reportTightened(change: FileChange, deps: Pick<WizardDeps, 'out'>): void {
  if (change.dirTightenedFrom !== undefined) {
    deps.out.warn(t('file.dirTightened', { path: dirname(change.path), mode: change.dirTightenedFrom.toString(8) }));
  }
  if (change.tightenedFrom !== undefined) {
    deps.out.warn(t('file.tightened', { path: change.path, mode: change.tightenedFrom.toString(8) }));
  }
}

/**
 * Step 6b, right after the device is enabled: `mfa_serial` (and the region, when chosen)
 * go to the config file, so the enrolment is on record even if the session check fails.
 * The session profile gets the region too, so regional calls with it work.
 */
export async function saveMfaSerial(
  input: { profile: string; sessionProfile: string; serialNumber: string; region?: { name: string; forProfile: boolean } },
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
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
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
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
  deps: Pick<WizardDeps, 'out' | 'files' | 'writer'>,
): Promise<void> {
  const { configFile } = deps.files;
  if ((await configuredRegion(configFile, input.sessionProfile)) !== undefined) return;
  const region = (await configuredRegion(configFile, input.sourceProfile)) ?? input.callRegion;
  const change = await deps.writer.update(configFile, (text) => editIni(text, [{ ...configSection(input.sessionProfile), values: { region } }]));
  reportTightened(change, deps);
}

/** The region the profile has in the config file, if any. */
export async function configuredRegion(configFile: string, profile: string): Promise<string | undefined> {
  return readIniValue(await readTextFile(configFile), configSectionNames(profile), 'region');
}

/**
 * The region API calls go to: --region, else AWS_REGION, else the profile's, else
 * us-east-1 (a new user has none configured; IAM is global and STS answers there).
 */
export async function regionForCalls(
  options: { region?: string; envRegion?: string },
  configFile: string,
  profile: string | undefined,
): Promise<string> {
  return (
    options.region ??
    options.envRegion ??
    (profile !== undefined ? await configuredRegion(configFile, profile) : undefined) ??
    defaultRegionFor('aws')
  );
}

/** Asks before the session profile overwrites long-term keys stored under that name. */
export async function guardSessionProfile(
  sessionProfile: string,
  profile: string,
  options: Pick<SetupOptions, 'replaceProfile'>,
  deps: Pick<WizardDeps, 'prompter' | 'files'>,
): Promise<void> {
  if (sessionProfile === profile) throw new UserError('profile.sessionIsLongTerm', { profile });
  const text = await readTextFile(deps.files.credentialsFile);
  const keyId = readIniValue(text, sessionProfile, 'aws_access_key_id');
  // Long-term keys: an access key with no session token beside it (whatever its prefix).
  const longTerm = keyId !== undefined && readIniValue(text, sessionProfile, 'aws_session_token') === undefined;
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
