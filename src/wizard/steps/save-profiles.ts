import { dirname } from 'node:path';
import type { SessionCredentials } from '../../aws/client.js';
import { updateFile, type FileChange } from '../../credentials/files.js';
import { editIni } from '../../credentials/ini.js';
import { configSection } from '../../credentials/paths.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';

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
  deps: Pick<WizardDeps, 'out' | 'files'>,
): Promise<FileChange> {
  const { region } = input;
  const profileValues: Record<string, string> = { mfa_serial: input.serialNumber };
  if (region?.forProfile) profileValues.region = region.name;
  const change = await updateFile(deps.files.configFile, (text) =>
    editIni(text, [
      { ...configSection(input.profile), values: profileValues },
      ...(region ? [{ ...configSection(input.sessionProfile), values: { region: region.name } }] : []),
    ]),
  );
  reportTightened(change, deps);
  return change;
}

/**
 * Step 8: the session goes to `[<session profile>]` of the credentials file, with its
 * expiry (which the SDKs ignore).
 */
export async function saveSession(
  input: { sessionProfile: string; session: SessionCredentials; configFile: string },
  deps: Pick<WizardDeps, 'out' | 'files'>,
): Promise<FileChange> {
  const { session } = input;
  const change = await updateFile(deps.files.credentialsFile, (text) =>
    editIni(text, [
      {
        section: input.sessionProfile,
        values: {
          aws_access_key_id: session.accessKeyId,
          aws_secret_access_key: session.secretAccessKey,
          aws_session_token: session.sessionToken,
          // Not read by the SDKs; tells a person (and a later refresh) when it runs out.
          expiration: session.expiration.toISOString(),
        },
      },
    ]),
  );
  reportTightened(change, deps);
  deps.out.success(t('save.done', { sessionProfile: input.sessionProfile, credentials: change.path, config: input.configFile }));
  return change;
}
