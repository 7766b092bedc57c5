import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Clock } from '../totp/clock.js';

/** What an update did to a file, for the summary. */
export interface FileChange {
  path: string;
  changed: boolean;
  created: boolean;
  /** The looser mode the file had before we tightened it to 0600. */
  tightenedFrom?: number;
  /** The directory's looser mode before we tightened it to 0700. */
  dirTightenedFrom?: number;
  backupPath?: string;
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 60_000;
/**
 * A lock is written with its holder's pid the moment it is created: one still empty (or
 * unreadable) after this long was left by a run that died or ran out of disk in between.
 */
const EMPTY_LOCK_STALE_MS = 2_000;
const MAX_LINK_HOPS = 40;
/** The lock is looked at again this often while another run holds it. */
const LOCK_POLL_MS = 50;
/** Hard links are not possible there (exFAT, some network shares): fall back to an exclusive copy. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * What a wait for a lock runs on: the run's clock (the computer's, never one shifted to AWS's)
 * and its Ctrl-C. A lock's age is read on the file system's clock (see `fileSystemOffset`).
 */
interface WaitSeams {
  clock: Clock;
  signal?: AbortSignal;
}

/** How long to wait for a lock another run holds, and when its holder counts as gone. */
export interface LockLimits {
  waitMs: number;
  staleMs: number;
}
const FILE_LOCK: LockLimits = { waitMs: LOCK_WAIT_MS, staleMs: LOCK_STALE_MS };

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * What the person can do about a file that cannot be read or written: a folder or a
 * symbolic-link loop where the file should be gets its own message; anything else names
 * the system's reason.
 */
function fileError(path: string, error: unknown, id: 'file.readFailed' | 'file.writeFailed'): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'EISDIR') return new UserError('file.isDirectory', { path }, { cause: error });
  if (code === 'ELOOP') return new UserError('file.linkLoop', { path }, { cause: error });
  return new UserError(id, { path, reason: code }, { cause: error });
}

/**
 * Follows a symlink (dotfile managers use them) so the rename replaces the real file,
 * also when the link points at a file that does not exist yet.
 */
async function realTarget(path: string, hops = 0): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP' || hops > MAX_LINK_HOPS) {
      throw Object.assign(new Error('symbolic link loop'), { code: 'ELOOP' });
    }
    const link = await fs.lstat(path).catch(() => undefined);
    if (!link?.isSymbolicLink()) return path;
    return realTarget(resolve(dirname(path), await fs.readlink(path)), hops + 1);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a lock or temp file we wrote, or undefined when there is none to read. */
function ownerPid(text: string | undefined): number | undefined {
  const pid = /^\s*(\d+)\s*$/.exec(text ?? '')?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/**
 * How far the clock of the file system holding `lock` is ahead of the run's `clock`: the
 * time it stamps on a file made there now, less the run's time. NOTE: a lock's age is its
 * mtime against the file system's clock, never against the run's: a computer whose clock
 * disagrees with the one stamping the files (a network share's server, a skewed or faked
 * clock) would otherwise take a live run's fresh lock for a stale one when ahead (and both
 * runs write: an update lost), or wait out a dead run's lock when behind. 0 when no file can
 * be made there (the run's clock is all there is).
 */
async function fileSystemOffset(lock: string, clock: Clock): Promise<number> {
  const probe = `${lock}.now-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const now = clock.now();
    // Empty: nothing to write on a full disk, and the stamp is the moment it was made.
    const handle = await fs.open(probe, 'wx', 0o600);
    try {
      return (await handle.stat()).mtimeMs - now;
    } finally {
      await handle.close();
    }
  } catch {
    return 0;
  } finally {
    await fs.rm(probe, { force: true }).catch(() => undefined);
  }
}

/**
 * Serializes concurrent runs on `path` with an exclusive lock file beside it. A lock is
 * taken over when its holder is gone, when it is still empty `EMPTY_LOCK_STALE_MS` after it
 * was made (the holder died, or the disk was full, before writing its pid), or when it is
 * older than `staleMs` (ages on the file system's clock); after `waitMs` (on `clock`) the wait
 * gives up, and `signal` ends it at once. Once held, what dead runs left beside `path` is
 * removed (see `removeLeftovers`).
 */
async function withLock<T>(path: string, work: () => Promise<T>, limits: LockLimits, { clock, signal }: WaitSeams): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = clock.now() + limits.waitMs;
  /** The file system's clock less the run's, measured once a wait needs a lock's age. */
  let offset: number | undefined;
  for (;;) {
    try {
      const handle = await fs.open(lock, 'wx', 0o600);
      try {
        await handle.writeFile(String(process.pid));
      } catch (error) {
        // A full disk: an empty lock left here would stop every later run.
        await handle.close().catch(() => undefined);
        await fs.rm(lock, { force: true });
        throw error;
      }
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = ownerPid(await readIfExists(lock).catch(() => undefined));
      const alive = holder !== undefined && processAlive(holder);
      let age = 0;
      if (holder === undefined || alive) {
        offset ??= await fileSystemOffset(lock, clock);
        const made = (await fs.stat(lock).catch(() => undefined))?.mtimeMs;
        age = made === undefined ? 0 : clock.now() + offset - made;
      }
      const gone = holder !== undefined ? !alive : age > EMPTY_LOCK_STALE_MS;
      if (gone || age > limits.staleMs) {
        // NOTE: the holder died without cleaning up; its lock protects nothing. Renaming it
        // away first means only one of several waiting runs removes it, never a fresh lock.
        const stale = `${lock}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
        if (await fs.rename(lock, stale).then(() => true, () => false)) await fs.rm(stale, { force: true });
        continue;
      }
      if (clock.now() > deadline) throw new UserError('file.locked', { path, lock });
      // Waiting for another run (minutes, for a session being refreshed): Ctrl-C ends it.
      await clock.sleep(LOCK_POLL_MS, signal);
    }
  }
  try {
    await removeLeftovers(path);
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes what runs killed mid-write (SIGKILL, power loss) left beside `path`: temporary
 * copies (`<file>.tmp-PID-HEX`, `<file>.bak.tmp-PID-HEX`, which hold every secret of the
 * file), renamed stale locks (`<file>.lock.stale-PID-HEX`) and empty clock probes
 * (`<file>.lock.now-PID-HEX`). Only names of exactly our own pattern, and only when that PID
 * is no longer running: a live run's files are its own.
 */
async function removeLeftovers(path: string): Promise<string[]> {
  const dir = dirname(path);
  const ours = new RegExp(`^${escapeRegExp(basename(path))}(?:\\.bak\\.tmp|\\.tmp|\\.lock\\.stale|\\.lock\\.now)-(\\d+)-[0-9a-f]{8}$`);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = ours.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || processAlive(Number(pid))) continue;
    const leftover = join(dir, name);
    // Only plain files: never follow a link someone put there under our name.
    if (!(await fs.lstat(leftover).catch(() => undefined))?.isFile()) continue;
    // Tidying up must never stop the run it serves: what cannot be removed waits for the next.
    if (await fs.rm(leftover, { force: true }).then(() => true, () => false)) removed.push(leftover);
  }
  return removed;
}

/**
 * Writes `content` to a temp file beside `path` (`mode`, fsynced), then puts it in place:
 * over what is there (`replace`, a rename), or only where nothing is (`create`, a hard link:
 * EEXIST when the name is taken, even by a dangling link). The temp file never stays.
 */
async function writeAtomically(path: string, content: string | Uint8Array, mode: number, place: 'replace' | 'create' = 'replace'): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.chmod(mode); // the umask may have narrowed it further; never widen it back
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (place === 'replace') await fs.rename(temp, path);
    else await linkNew(temp, path);
  } finally {
    // The temp file may hold part of the new credentials: never leave it behind.
    await fs.rm(temp, { force: true });
  }
  const dir = await fs.open(dirname(path), 'r').catch(() => undefined);
  await dir?.sync().catch(() => undefined);
  await dir?.close();
}

/** Puts `temp` at `path` only if nothing is there: a hard link, else an exclusive copy. */
async function linkNew(temp: string, path: string): Promise<void> {
  try {
    await fs.link(temp, path);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    try {
      await fs.copyFile(temp, path, constants.COPYFILE_EXCL);
    } catch (copyError) {
      // NOTE: only a copy that did not fail on EEXIST made the file: never remove someone else's.
      if ((copyError as NodeJS.ErrnoException).code !== 'EEXIST') await fs.rm(path, { force: true });
      throw copyError;
    }
  }
}

/** The one way this tool writes files: atomic, locked, 0600. One per run (see `createFileWriter`). */
export interface FileWriter {
  /**
   * Rewrites a file through `transform`, atomically (temp file, fsync, rename), under a
   * lock, keeping the content from before this run's first change as `<file>.bak`. The file
   * ends up 0600 (a looser mode is tightened and reported); a missing directory is created
   * 0700. A symbolic link is written through to its target.
   */
  update(path: string, transform: (old: string) => string): Promise<FileChange>;
  /**
   * Writes `content` as the whole of `path` (mode 0600, atomically, under the lock): over
   * the file there (`replace`), or never over anything (`create`: fails with EEXIST). File
   * system errors are thrown as they are, for the caller to name.
   */
  write(path: string, content: string | Uint8Array, place: 'replace' | 'create'): Promise<void>;
  /** Runs `work` holding `path`'s lock (waiting up to `limits.waitMs` for another run's). */
  lock<T>(path: string, work: () => Promise<T>, limits?: LockLimits): Promise<T>;
}

/**
 * The writer of one run: its waits run on the run's clock and end on its Ctrl-C, and it
 * keeps one backup of each file it changes, the file as it was before the run.
 */
export function createFileWriter(seams: WaitSeams): FileWriter {
  /** Files this run backed up: later changes keep the first backup. */
  const backedUp = new Set<string>();
  // NOTE: a write records what the run did (a device enabled, a hire's state), also in the
  // clean-up after Ctrl-C, when the signal has fired: like a call that changes AWS, its short
  // wait (`LOCK_WAIT_MS`) is not cut short by it. A second Ctrl-C still stops at once.
  const writing: WaitSeams = { clock: seams.clock };
  return {
    async update(requestedPath, transform) {
      try {
        return await updateResolved(await realTarget(requestedPath), transform, writing, backedUp);
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw fileError(requestedPath, error, 'file.writeFailed');
      }
    },
    write: (path, content, place) => withLock(path, () => writeAtomically(path, content, 0o600, place), FILE_LOCK, writing),
    lock: async (path, work, limits = FILE_LOCK) => {
      // The lock goes beside a file that may not exist yet, in a folder that may not either.
      await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
      return withLock(path, work, limits, seams);
    },
  };
}

/**
 * Whether files here have POSIX modes to tighten. On Windows a mode is made up from the
 * read-only flag (every writable file and folder says 0666) and chmod sets only that flag,
 * so a "readable by others" there would be said on every run, and be untrue; who may read
 * ~/.aws is the folder's ACL, which the user profile already keeps to its owner.
 */
const posixModes = () => process.platform !== 'win32';

async function updateResolved(path: string, transform: (old: string) => string, seams: WaitSeams, backedUp: Set<string>): Promise<FileChange> {
  const dir = dirname(path);
  const dirStat = await fs.stat(dir).catch(() => undefined);
  let dirTightenedFrom: number | undefined;
  if (!dirStat) {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  } else if (posixModes() && (dirStat.mode & 0o077) !== 0 && basename(dir) === '.aws') {
    // Only the AWS folder itself: a folder named by AWS_CONFIG_FILE may be shared on purpose.
    await fs.chmod(dir, 0o700);
    dirTightenedFrom = dirStat.mode & 0o777;
  }
  return withLock(path, async () => {
    const old = await readIfExists(path);
    const next = transform(old ?? '');
    const oldMode = old === undefined ? undefined : (await fs.stat(path)).mode & 0o777;
    const loose = posixModes() && oldMode !== undefined && (oldMode & 0o077) !== 0;
    const change: FileChange = {
      path,
      changed: next !== old,
      created: old === undefined,
      ...(dirTightenedFrom !== undefined ? { dirTightenedFrom } : {}),
    };
    if (next === old) {
      if (loose) {
        await fs.chmod(path, 0o600);
        change.tightenedFrom = oldMode;
      }
      return change;
    }
    // The run's first change of the file decides: a file that was not there before the run has
    // no previous version, and its later changes must not keep the run's own half-way content.
    if (!backedUp.has(path)) {
      if (old !== undefined) {
        change.backupPath = `${path}.bak`;
        await writeAtomically(change.backupPath, old, 0o600);
      }
      backedUp.add(path);
    }
    await writeAtomically(path, next, 0o600);
    if (loose) change.tightenedFrom = oldMode;
    return change;
  }, FILE_LOCK, seams);
}

/**
 * Reads a text file, or '' when it does not exist; a file that cannot be read is a UserError
 * naming it. What dead runs left beside it is removed first (see `removeLeftovers`).
 */
export async function readTextFile(path: string): Promise<string> {
  // A run that only reads (status, a session still valid) tidies up too: the copies hold secrets.
  await realTarget(path).then(removeLeftovers, () => undefined);
  try {
    return (await readIfExists(path)) ?? '';
  } catch (error) {
    throw fileError(path, error, 'file.readFailed');
  }
}
