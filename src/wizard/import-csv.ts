import { readFileSync, statSync } from 'node:fs';
import { parseAccessKeyCsv, validateAccessKey, type AccessKey } from '../credentials/csv.js';
import { maskKeyId } from '../credentials/mask.js';
import { UserError } from '../errors.js';
import { t } from '../ui/messages/index.js';
import type { SetupOptions, WizardDeps } from './context.js';

const MAX_CSV_BYTES = 1024 * 1024;

/**
 * The keys of the access-key CSV at `path`; a missing, odd, too big or malformed file is a
 * UserError saying which. Synchronous (a small file): a typed path is checked as it is typed.
 */
export function readAccessKeys(path: string): AccessKey[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UserError('csv.notFound', { path });
  }
  if (!stat.isFile()) throw new UserError('csv.notAFile', { path });
  if (stat.size > MAX_CSV_BYTES) {
    const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
    throw new UserError('csv.tooBig', { path, size: mb(stat.size), limit: mb(MAX_CSV_BYTES) });
  }
  return parseAccessKeyCsv(readFileSync(path, 'utf8'), path);
}

/**
 * Step 1: reads the console's access-key CSV and picks the user's key: `user` names the
 * row; `forUser` (an administrator's hire) names it only in a file with user names, since
 * a per-key download has none and holds one key.
 */
export async function importCsv(
  options: Pick<SetupOptions, 'user'> & { csvPath: string; forUser?: string },
  deps: Pick<WizardDeps, 'out' | 'prompter'>,
): Promise<AccessKey> {
  const { csvPath: path } = options;
  const keys = readAccessKeys(path);
  for (const key of keys) if (key.secretAccessKey) deps.out.addSecret(key.secretAccessKey);

  let key: AccessKey;
  const user = options.user ?? (keys.some((k) => k.userName) ? options.forUser : undefined);
  if (user !== undefined) {
    const named = keys.filter((k) => k.userName === user);
    if (named.length === 0) {
      const names = keys.map((k) => k.userName).filter(Boolean).join(', ');
      throw new UserError(names ? 'csv.userNotInFile' : 'csv.userColumnMissingForUser', {
        path,
        user,
        users: names,
      });
    }
    key = named[0]!;
  } else if (keys.length === 1) {
    key = keys[0]!;
  } else {
    const choice = await deps.prompter.select({
      message: t('csv.whichUser', { count: keys.length }),
      flag: '--user',
      choices: keys.map((k, index) => ({
        value: String(index),
        name: `${k.userName ?? t('csv.noUserName')} (${maskKeyId(k.accessKeyId)})`,
      })),
    });
    key = keys[Number(choice)]!;
  }
  validateAccessKey(key, path);
  deps.out.success(t('csv.read', { path, keyId: maskKeyId(key.accessKeyId) }));
  return key;
}
