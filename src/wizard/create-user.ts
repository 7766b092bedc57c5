import { constants, promises as fs } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { GroupPolicy, UserAdmin } from '../aws/client.js';
import { outcomeUnknown } from '../aws/errors.js';
import { IAM_PATH, USER_NAME } from '../aws/names.js';
import { AwsError, CancelledError, UserError } from '../errors.js';
import { shellWord } from '../ui/command-line.js';
import { t } from '../ui/messages/index.js';
import type { WizardDeps } from './context.js';
import { refusal } from './aws-refusals.js';
import { Journal } from './journal.js';

/** An IAM user to create (or give a key), and where the key's CSV goes. */
export interface NewUser {
  /** The administrator's profile (named in messages and the next command). */
  profile: string;
  name: string;
  path: string;
  group?: string;
  /** Where `<name>_accessKeys.csv` goes (default: the current directory). */
  outDir: string;
  /** The user may exist already: then only a key is made (if the user has fewer than two). */
  existing: boolean;
  /** Print the command that enrols the new user (not when a batch goes on to do it). */
  announceNext?: boolean;
}

/** The administrator's calls that making a user takes: users and keys, and whether the group exists. */
export type CreateUserAws = UserAdmin & Pick<GroupPolicy, 'groupExists'>;

/** IAM allows two access keys per user. */
const MAX_KEYS = 2;

/** The per-key CSV exactly as the console's download has it (no user name in it). */
function accessKeyCsv(key: { accessKeyId: string; secretAccessKey: string }): string {
  return `Access key ID,Secret access key\r\n${key.accessKeyId},${key.secretAccessKey}\r\n`;
}

/** True when IAM has a user of that name. */
export async function userExists(aws: Pick<UserAdmin, 'getUser'>, name: string): Promise<boolean> {
  try {
    await aws.getUser(name);
    return true;
  } catch (error) {
    if (error instanceof AwsError && error.is('NoSuchEntity')) return false;
    throw error;
  }
}

type AccessKey = { accessKeyId: string; secretAccessKey: string };

/**
 * A new access key of `name` whose secret reached us. A try AWS carried out but whose answer
 * was lost (the SDK then tries again, or gives up) leaves a key whose secret nobody will ever
 * have, counting against the limit of two: such keys (any not in `before` nor the one that
 * came back) are found and deleted, and when none came back, one more is made in their place.
 */
async function deliverableKey(
  aws: Pick<UserAdmin, 'createAccessKey' | 'listAccessKeys' | 'deleteAccessKey'>,
  name: string,
  before: readonly string[],
  out: WizardDeps['out'],
): Promise<AccessKey> {
  for (let round = 1; ; round++) {
    let key: (AccessKey & { tries?: number }) | undefined;
    let failure: unknown;
    try {
      key = await aws.createAccessKey(name);
      out.addSecret(key.secretAccessKey);
    } catch (error) {
      failure = error;
    }
    const maybeMore = key ? (key.tries ?? 1) > 1 : failure instanceof AwsError && (failure.tries > 1 || outcomeUnknown(failure));
    if (!maybeMore) {
      if (key) return key;
      throw failure;
    }
    let listed: string[];
    try {
      // Also after Ctrl-C: a key nobody can be given is not left behind.
      listed = await aws.listAccessKeys(name, { whileStopping: true });
    } catch (error) {
      if (!key) throw failure;
      // The key that came back works; the one a lost answer may have made is for the administrator to check.
      out.warn(t('admin.lostKeyUnchecked', { name, keyId: key.accessKeyId, reason: error instanceof AwsError ? error.code : 'error' }));
      return key;
    }
    const lost = listed.filter((id) => !before.includes(id) && id !== key?.accessKeyId);
    for (const keyId of lost) {
      await aws.deleteAccessKey(name, keyId);
      out.info(t('admin.lostKeyDeleted', { name, keyId }));
    }
    if (key) {
      if (lost.length) out.info(t('admin.lostKeyKept', { keyId: key.accessKeyId }));
      return key;
    }
    // Nothing made, or a second round lost as well: the failure stands (what was made is taken back).
    if (lost.length === 0 || round >= 2) throw failure;
    out.info(t('admin.lostKeyAgain', { name }));
  }
}

/**
 * Creates the IAM user (in `group`), an access key, and `<name>_accessKeys.csv` (mode 0600,
 * never over another file), with the administrator's client `aws`. The secret goes into
 * that file only. Anything this run made before a failure is taken back, and nothing else.
 */
export async function createUserWithKey(aws: CreateUserAws, options: NewUser, deps: Pick<WizardDeps, 'out' | 'writer'> & Partial<Pick<WizardDeps, 'signal'>>): Promise<void> {
  const { out } = deps;
  const { name, group } = options;
  if (!USER_NAME.test(name)) throw new UserError('admin.badUserName', { name });
  if (!IAM_PATH.test(options.path)) throw new UserError('admin.badPath', { path: options.path });
  // Checked first, so that nothing is created for a key that could not be written down.
  const outDir = await fs.stat(options.outDir).catch(() => undefined);
  if (!outDir?.isDirectory()) throw new UserError('admin.noOutDir', { path: options.outDir });
  try {
    await fs.access(options.outDir, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new UserError('admin.outDirNotWritable', { path: options.outDir, reason: (error as NodeJS.ErrnoException).code ?? 'error' }, { cause: error });
  }
  const file = resolve(join(options.outDir, `${name}_accessKeys.csv`));
  // lstat: a dangling symlink of that name also blocks the link later.
  if (await fs.lstat(file).catch(() => undefined)) throw new UserError('admin.csvExists', { path: file });

  const journal = new Journal();
  // Ctrl-C came while a call that changes something was waited for: what was made is taken back.
  const stopIfAsked = () => {
    if (deps.signal?.aborted) throw new CancelledError();
  };
  const noGroup = (error: unknown) => new UserError('admin.noGroup', { group: group ?? '' }, { cause: error });
  try {
    // Before anything is created: a missing group would otherwise make a user only to delete it.
    if (group !== undefined) {
      const found = await aws.groupExists(group).catch((error: unknown) => {
        // NOTE: an admin allowed AddUserToGroup but not GetGroup still gets on; a missing
        // group is then found at AddUserToGroup, and what was made is taken back.
        if (error instanceof AwsError && error.is('AccessDenied')) return true;
        throw error;
      });
      if (!found) throw noGroup(undefined);
    }
    const exists = await userExists(aws, name);
    if (exists && !options.existing) throw new UserError('admin.userExists', { name });
    const addToGroup = async (groupName: string) => {
      try {
        await aws.addUserToGroup(name, groupName);
      } catch (error) {
        if (error instanceof AwsError && error.is('NoSuchEntity')) throw noGroup(error);
        throw error;
      }
    };
    let before: string[] = [];
    if (exists) {
      before = await aws.listAccessKeys(name);
      if (before.length >= MAX_KEYS) throw new UserError('admin.twoKeys', { name, keys: before.join(', ') });
    } else {
      const made = await aws.createUser(name, options.path).then(
        ({ arn }) => arn,
        (error: unknown) => {
          // The first try's answer lost, the SDK's retry met the user that try made (there was none a moment ago).
          if (error instanceof AwsError && error.is('EntityAlreadyExists') && error.tries > 1) return undefined;
          throw error;
        },
      );
      journal.record(`user ${name}`, () => aws.deleteUser(name));
      if (made === undefined) out.info(t('admin.userAnswerLost', { name }));
      stopIfAsked();
      out.success(t('admin.userCreated', { name, arn: made ?? (await aws.getUser(name)).arn }));
      stopIfAsked();
      if (group !== undefined) {
        // A user made moments ago was in no group: taking the membership back is safe.
        await addToGroup(group);
        journal.record(`${name} in ${group}`, () => aws.removeUserFromGroup(name, group));
        out.success(t('admin.addedToGroup', { name, group }));
      }
    }
    const key = await deliverableKey(aws, name, before, out);
    journal.record(`key ${key.accessKeyId}`, () => aws.deleteAccessKey(name, key.accessKeyId));
    stopIfAsked();
    try {
      // Never over another file: one that appeared meanwhile is kept (EEXIST).
      await deps.writer.write(file, accessKeyCsv(key), 'create');
    } catch (error) {
      if (error instanceof UserError || error instanceof CancelledError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code === 'EEXIST') throw new UserError('admin.csvExists', { path: file }, { cause: error });
      throw new UserError('admin.csvWriteFailed', { path: file, reason: code }, { cause: error });
    }
    journal.record(`file ${file}`, () => fs.rm(file, { force: true }));
    if (exists && group !== undefined) {
      // NOTE: an existing user may have been in the group before, and IAM does not say
      // whether AddUserToGroup changed anything. So it comes last: nothing after it can
      // fail, and a membership this run did not make is never taken away.
      await addToGroup(group);
      out.success(t('admin.addedToGroup', { name, group }));
    }
    journal.commit();
    out.success(t('admin.keyWritten', { keyId: key.accessKeyId, path: file }));
    if (options.announceNext ?? true) out.info(t('admin.createUserNext', { path: shellWord(file), file: shellWord(basename(file)), name, profile: options.profile }));
  } catch (error) {
    if (journal.pending) {
      for (const undone of await journal.rollback()) {
        if (undone.error === undefined) out.info(t('admin.undone', { what: undone.label }));
        else out.warn(t('admin.undoFailed', { what: undone.label }));
      }
    }
    if (error instanceof AwsError) throw refusal('create-user', error, { profile: options.profile, action: error.action }) ?? error;
    throw error;
  }
}
