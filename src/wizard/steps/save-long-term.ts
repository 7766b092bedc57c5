import type { AccessKey } from '../../credentials/csv.js';
import { readTextFile, type FileChange } from '../../credentials/files.js';
import { editIni, readIniValue } from '../../credentials/ini.js';
import { maskKeyId } from '../../credentials/mask.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Identity, SetupOptions, WizardDeps } from '../context.js';
import { reportTightened } from './save-profiles.js';

/**
 * What a profile name may be. The AWS CLI's own writer refuses no name (it quotes spaces and
 * cannot read back `]`); the AWS SDK for JavaScript ignores a `[profile a=b]` or `[profile a,b]`
 * section of the config file (its section pattern has neither), so `mfa_serial` would be lost
 * there. 128 characters: no AWS name it is made from is longer (users and roles: 64), so a
 * longer one is a pasted value.
 */
const PROFILE_NAME = /^[\w.@+-]{1,128}$/;

/** Checks a profile name the files can hold safely; returns a message, or true. */
export function checkProfileName(name: string): string | true {
  return PROFILE_NAME.test(name) ? true : t('profile.badName', { name: name.replace(/[\r\n]/g, '⏎') });
}

/** Refuses a profile name given with `flag`, showing a newline in it as ⏎. */
export function assertProfileName(name: string, flag: string): void {
  const verdict = checkProfileName(name);
  if (verdict !== true) throw new UserError('profile.badNameFlag', { name: name.replace(/[\r\n]/g, '⏎'), flag });
}

/**
 * Step 1b: writes the long-term keys to `[<profile>]` of the credentials file, after
 * STS has confirmed them. Asks before replacing another key already stored there.
 */
export async function saveLongTermProfile(
  key: AccessKey,
  identity: Identity,
  options: Pick<SetupOptions, 'profile' | 'replaceProfile'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'files' | 'writer'>,
): Promise<{ profile: string; change: FileChange }> {
  const { out, prompter, files } = deps;
  if (options.profile !== undefined) assertProfileName(options.profile, '--profile');
  const existing = await readTextFile(files.credentialsFile);
  let profile = options.profile;
  const declined = new Set<string>();
  for (;;) {
    profile ??= await prompter.input({
      message: t('profile.ask'),
      flag: '--profile',
      default: identity.userName.match(PROFILE_NAME) ? identity.userName : undefined,
      validate: checkProfileName,
    });
    // The same name again (--yes takes the default every time): asking once more cannot help.
    if (declined.has(profile)) throw new UserError('profile.keptExisting', { profile });
    const storedKeyId = readIniValue(existing, profile, 'aws_access_key_id');
    if (storedKeyId === undefined || storedKeyId === key.accessKeyId || options.replaceProfile) break;
    const replace = await prompter.confirm({
      message: t('profile.replaceAsk', { profile, keyId: maskKeyId(storedKeyId) }),
      flag: '--replace-profile',
      default: false,
    });
    if (replace) break;
    if (options.profile !== undefined) throw new UserError('profile.keptExisting', { profile });
    declined.add(profile);
    profile = undefined;
  }
  const change = await deps.writer.update(files.credentialsFile, (text) =>
    editIni(text, [
      {
        section: profile,
        values: { aws_access_key_id: key.accessKeyId, aws_secret_access_key: key.secretAccessKey },
        // A session token left from earlier credentials would poison the new long-term keys.
        remove: ['aws_session_token', 'aws_security_token', 'expiration'],
      },
    ]),
  );
  reportTightened(change, deps);
  out.success(
    t(change.changed ? 'profile.saved' : 'profile.unchanged', { profile, path: change.path }),
  );
  return { profile, change };
}
