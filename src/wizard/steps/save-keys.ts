import type { AccessKey } from '../../credentials/csv.js';
import { readTextFile, type FileChange } from '../../credentials/files.js';
import { readIniValue } from '../../credentials/ini.js';
import { maskKeyId } from '../../credentials/mask.js';
import { UserError } from '../../errors.js';
import { t } from '../../ui/messages/index.js';
import type { Identity, SetupOptions, WizardDeps } from '../context.js';
import { withLongTerm, type Profiles } from '../resolve-profiles.js';
import { checkProfileName, PROFILE_NAME, saveSections } from '../save-profiles.js';
import type { Admin } from '../acting-for-user.js';
import { known, type SetupRun } from '../run.js';

/**
 * Writes the long-term keys to `[<profile>]` of the credentials file, after
 * STS has confirmed them. Asks before replacing another key already stored there.
 */
export async function saveLongTermProfile(
  key: AccessKey,
  identity: Identity,
  options: Pick<SetupOptions, 'profile' | 'replaceProfile'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'files' | 'writer'>,
): Promise<{ profile: string; change: FileChange }> {
  const { prompter, files } = deps;
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
  const change = await saveSections(
    files.credentialsFile,
    [
      {
        section: profile,
        values: { aws_access_key_id: key.accessKeyId, aws_secret_access_key: key.secretAccessKey },
        // A session token left from earlier credentials would poison the new long-term keys.
        remove: ['aws_session_token', 'aws_security_token', 'expiration'],
      },
    ],
    (written) => t(written.changed ? 'profile.saved' : 'profile.unchanged', { profile, path: written.path }),
    deps,
  );
  return { profile, change };
}

/**
 * Admin mode keeps nothing of the user's: a flag that would save her session, print it into
 * this shell or delete her CSV (the hand-over) is refused before anything is created.
 */
function refuseHiresOwn(options: Pick<SetupOptions, 'sessionProfile' | 'exportShell' | 'deleteCsv'>): void {
  const flag = options.sessionProfile !== undefined ? '--session-profile' : options.exportShell !== undefined ? '--export' : options.deleteCsv === true ? '--delete-csv' : undefined;
  if (flag !== undefined) throw new UserError('admin.hiresOwn', { flag });
}

/**
 * The names, settled for the rest of the run: the long-term profile is the one the keys were
 * saved to (asked, perhaps), else the one given, or none when an administrator enrols without
 * the user's keys; the session profile goes beside it. A profile given beside `--user` that
 * proved not to be an administrator's is no admin profile.
 */
export function settled(profiles: Profiles, admin: Admin | undefined, saved: string | undefined): Profiles {
  const { admin: _notAdmin, ...users } = profiles;
  const names = admin ? profiles : users;
  return withLongTerm(names, saved ?? (admin ? undefined : names.longTerm));
}

/**
 * After step 2: the keys of a CSV are written only now that AWS has accepted them. In admin
 * mode they are not written at all: they are the user's, used in memory for the session
 * check and handed over with the CSV. With that the names are settled, here and only here:
 * the long-term profile name may have been asked just now, and the session profile is named
 * after it.
 */
export async function saveKeys(
  run: Pick<SetupRun, 'key' | 'admin' | 'identity' | 'options' | 'profiles' | 'changes'>,
  deps: Pick<WizardDeps, 'out' | 'prompter' | 'files' | 'writer'>,
): Promise<void> {
  if (run.admin) refuseHiresOwn(run.options);
  let saved: string | undefined;
  if (run.key && !run.admin) {
    const identity = known(run, 'identity');
    const { profile: savedTo, change } = await saveLongTermProfile(run.key, identity, { profile: run.profiles.longTerm, replaceProfile: run.options.replaceProfile }, deps);
    run.changes.push(change);
    saved = savedTo;
  }
  run.profiles = settled(run.profiles, run.admin, saved);
}
