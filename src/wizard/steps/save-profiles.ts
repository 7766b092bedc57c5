import type { SessionCredentials } from '../../aws/client.js';
import { updateFile, type FileChange } from '../../credentials/files.js';
import { editIni } from '../../credentials/ini.js';
import { configSection } from '../../credentials/paths.js';
import { t } from '../../ui/messages/index.js';
import type { WizardDeps } from '../context.js';

/**
 * Step 8: the session goes to `[<session profile>]` of the credentials file (with its
 * expiry, which the SDKs ignore); `mfa_serial` (and the region, if chosen) to the config.
 */
export async function saveProfiles(
  input: {
    profile: string;
    sessionProfile: string;
    serialNumber: string;
    region?: string;
    session: SessionCredentials;
  },
  deps: Pick<WizardDeps, 'out' | 'files'>,
): Promise<FileChange[]> {
  const { out, files } = deps;
  const { session } = input;
  const credentials = await updateFile(files.credentialsFile, (text) =>
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
  const region: Record<string, string> = input.region ? { region: input.region } : {};
  const config = await updateFile(files.configFile, (text) =>
    editIni(text, [
      { ...configSection(input.profile), values: { mfa_serial: input.serialNumber, ...region } },
      ...(input.region ? [{ ...configSection(input.sessionProfile), values: region }] : []),
    ]),
  );
  for (const change of [credentials, config]) {
    if (change.tightenedFrom !== undefined) {
      out.warn(t('file.tightened', { path: change.path, mode: change.tightenedFrom.toString(8) }));
    }
  }
  out.success(t('save.done', { sessionProfile: input.sessionProfile, credentials: credentials.path, config: config.path }));
  return [credentials, config];
}
