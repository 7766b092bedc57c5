import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileWriter, readTextFile, type FileWriter } from '../../src/credentials/files.js';
import { CancelledError, UserError } from '../../src/errors.js';
import { shiftedClock, systemClock } from '../../src/totp/clock.js';
import { fakeClock } from '../helpers/clock.js';

// Every test works in its own temporary directory: never the real ~/.aws.
let root: string;
/** One run's writer, on the real clock. */
let files: FileWriter;
beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-files-'));
  files = createFileWriter({ clock: systemClock });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await fs.stat(path)).mode & 0o777;
const append = (line: string) => (old: string) => `${old}${line}\n`;

async function leftovers(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.includes('.tmp-') || name.endsWith('.lock'));
}

/**
 * Makes `path` look `ms` old on the file system's own clock (its mtime when just written, less
 * `ms`): not the test's clock, which may disagree (faketime, a skewed computer).
 */
async function age(path: string, ms: number): Promise<void> {
  const then = new Date((await fs.stat(path)).mtimeMs - ms);
  await fs.utimes(path, then, then);
}

/** 20 updates of `writer` at once, each appending a line: every line lands, nothing is left beside the file. */
async function expectConcurrentUpdatesAllLand(writer: FileWriter, path: string): Promise<void> {
  const lines = Array.from({ length: 20 }, (_, index) => `line-${index}`);
  await Promise.all(lines.map((line) => writer.update(path, append(line))));
  const written = (await fs.readFile(path, 'utf8')).split('\n').filter(Boolean);
  expect(written.sort()).toEqual([...lines].sort());
  expect(await leftovers(dirname(path))).toEqual([]);
}

/**
 * An empty lock made at `made` (real time) was taken over once 2 s old, after `waited` ms of
 * the run's fake clock. Its age is the file system's: the real time that passed before the run
 * first looked at it counts too (a few ms here, 0.1 s on a busy machine).
 */
function expectTakenOverAtTwoSeconds(waited: number, made: number): void {
  expect(waited + (Date.now() - made)).toBeGreaterThanOrEqual(2_000);
  expect(waited).toBeLessThan(2_500);
}

/** A pid that no process has any more: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  expect(child.pid).toBeGreaterThan(0);
  return child.pid!;
}

describe('updateFile', () => {
  it('creates a missing file 0600 in a missing directory 0700', async () => {
    const dir = join(root, 'home', '.aws');
    const path = join(dir, 'credentials');
    const change = await files.update(path, append('[alice]'));
    expect(change).toMatchObject({ path, changed: true, created: true });
    expect(change.backupPath).toBeUndefined();
    expect(change.tightenedFrom).toBeUndefined();
    expect(await fs.readFile(path, 'utf8')).toBe('[alice]\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await fs.readdir(dir)).toEqual(['credentials']);
  });

  it('creates the file 0600 even under a permissive umask', async () => {
    const previous = process.umask(0o000);
    try {
      const path = join(root, 'config');
      await files.update(path, append('[default]'));
      expect(await modeOf(path)).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('keeps the previous content as <file>.bak, mode 0600', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, '[old]\n', { mode: 0o600 });
    const change = await files.update(path, append('[new]'));
    expect(change).toMatchObject({ changed: true, created: false, backupPath: `${path}.bak` });
    expect(await fs.readFile(path, 'utf8')).toBe('[old]\n[new]\n');
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe('[old]\n');
    expect(await modeOf(`${path}.bak`)).toBe(0o600);
  });

  it('keeps one backup a run: the content from before the run changed it first', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, 'v1\n', { mode: 0o600 });
    const first = await files.update(path, () => 'v2\n');
    const second = await files.update(path, () => 'v3\n');
    expect(first.backupPath).toBe(`${path}.bak`);
    expect(second.backupPath).toBeUndefined();
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe('v1\n');
    expect((await fs.readdir(root)).sort()).toEqual(['credentials', 'credentials.bak']);
  });

  it('tightens a 0644 file to 0600 and reports the old mode', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, '[alice]\n');
    await fs.chmod(path, 0o644);
    const change = await files.update(path, append('x = 1'));
    expect(change.tightenedFrom).toBe(0o644);
    expect(await modeOf(path)).toBe(0o600);
  });

  it('tightens a 0644 file even when the content does not change', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, '[alice]\n');
    await fs.chmod(path, 0o644);
    const change = await files.update(path, (old) => old);
    expect(change).toMatchObject({ changed: false, tightenedFrom: 0o644 });
    expect(await modeOf(path)).toBe(0o600);
  });

  // Seen under Wine: every run of the Windows executable warned that ~/.aws and config were
  // open to others (mode 666), which is how Windows reports any writable file.
  it('regression: on Windows (modes made up from the read-only flag) a "0666" file and .aws folder are not reported as loose', async () => {
    const dir = join(root, '.aws');
    await fs.mkdir(dir, { mode: 0o755 });
    await fs.chmod(dir, 0o755);
    const path = join(dir, 'config');
    await fs.writeFile(path, '[alice]\n');
    await fs.chmod(path, 0o666);
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    try {
      const change = await files.update(path, append('x = 1'));
      expect(change.tightenedFrom).toBeUndefined();
      expect(change.dirTightenedFrom).toBeUndefined();
      expect(change.changed).toBe(true);
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    // The same files on Linux are reported.
    expect(process.platform).toBe('linux');
    await fs.chmod(path, 0o666);
    expect(await files.update(path, append('y = 2'))).toMatchObject({ tightenedFrom: 0o666, dirTightenedFrom: 0o755 });
  });

  it('reports no tightening for a file that was already 0600', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, '[alice]\n', { mode: 0o600 });
    const change = await files.update(path, append('x = 1'));
    expect(change.tightenedFrom).toBeUndefined();
  });

  it('unchanged content: changed false, no backup, no rewrite', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, '[alice]\n', { mode: 0o600 });
    const before = await fs.stat(path);
    const change = await files.update(path, (old) => old);
    expect(change).toMatchObject({ changed: false, created: false });
    expect(change.backupPath).toBeUndefined();
    expect(await fs.readdir(root)).toEqual(['credentials']);
    expect((await fs.stat(path)).ino).toBe(before.ino);
  });

  it('tightens a group-readable .aws directory to 0700 and reports it', async () => {
    const dir = join(root, '.aws');
    await fs.mkdir(dir);
    await fs.chmod(dir, 0o755);
    const change = await files.update(join(dir, 'config'), append('[default]'));
    expect(change.dirTightenedFrom).toBe(0o755);
    expect(await modeOf(dir)).toBe(0o700);
  });

  it('leaves a directory that is not .aws as it is (e.g. AWS_CONFIG_FILE elsewhere)', async () => {
    const dir = join(root, 'shared');
    await fs.mkdir(dir);
    await fs.chmod(dir, 0o755);
    const change = await files.update(join(dir, 'config'), append('[default]'));
    expect(change.dirTightenedFrom).toBeUndefined();
    expect(await modeOf(dir)).toBe(0o755);
  });

  it('writes through a symlink to its target and keeps the link', async () => {
    const dotfiles = join(root, 'dotfiles');
    await fs.mkdir(dotfiles);
    const target = join(dotfiles, 'aws-credentials');
    await fs.writeFile(target, '[old]\n', { mode: 0o600 });
    const link = join(root, 'credentials');
    await fs.symlink(target, link);

    const change = await files.update(link, append('[new]'));
    expect(change.path).toBe(await fs.realpath(target));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(target);
    expect(await fs.readFile(target, 'utf8')).toBe('[old]\n[new]\n');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('[old]\n');
    expect(await leftovers(dotfiles)).toEqual([]);
    expect(await leftovers(root)).toEqual([]);
  });

  it('serializes 20 concurrent updates: every line lands', async () => {
    await expectConcurrentUpdatesAllLand(files, join(root, 'credentials'));
  });

  it('waits for a lock held by a live process, then proceeds once it is released', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, 'before\n', { mode: 0o600 });
    await fs.writeFile(`${path}.lock`, String(process.pid));
    let settled = false;
    const update = files.update(path, append('after')).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    expect(await fs.readFile(path, 'utf8')).toBe('before\n');
    await fs.rm(`${path}.lock`);
    await update;
    expect(await fs.readFile(path, 'utf8')).toBe('before\nafter\n');
  });

  it('a signal ends the wait for a lock another live run holds (Ctrl-C during a 5-minute wait)', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    const stop = new AbortController();
    const waiting = createFileWriter({ clock: systemClock, signal: stop.signal }).lock(path, async () => 'worked', { waitMs: 5 * 60_000, staleMs: 10 * 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopped = Date.now();
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - stopped).toBeLessThan(1_000);
    // The other run's lock is its own: left as it was.
    expect(await fs.readFile(`${path}.lock`, 'utf8')).toBe(String(process.pid));
  });

  it('takes over a stale lock whose pid is dead', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(deadPid()));
    const started = Date.now();
    await files.update(path, append('[alice]'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await fs.readFile(path, 'utf8')).toBe('[alice]\n');
    expect(await leftovers(root)).toEqual([]);
  });

  it('takes over a lock older than a minute even if its pid is alive', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    await age(`${path}.lock`, 120_000);
    await files.update(path, append('[alice]'));
    expect(await fs.readFile(path, 'utf8')).toBe('[alice]\n');
  });

  it('releases the lock and leaves the file alone when the transform throws', async () => {
    const path = join(root, 'config');
    await fs.writeFile(path, '[default]\n', { mode: 0o600 });
    const refusal = new UserError('ini.duplicateSection', { section: 'default' });
    await expect(
      files.update(path, () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(await fs.readFile(path, 'utf8')).toBe('[default]\n');
    expect(await fs.readdir(root)).toEqual(['config']);
  });

  it('turns a file-system failure into file.writeFailed naming the path and the reason', async () => {
    const blocker = join(root, 'not-a-dir');
    await fs.writeFile(blocker, '');
    const error = await files.update(join(blocker, 'credentials'), append('x')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).id).toBe('file.writeFailed');
    expect((error as UserError).params).toMatchObject({ reason: 'ENOTDIR' });
  });

  it(
    'a failed write leaves no .tmp- file (it would hold part of the new credentials)',
    async () => {
      const path = join(root, 'credentials');
      const realOpen = fs.open.bind(fs);
      vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
        const handle = await realOpen(...args);
        if (String(args[0]).includes('.tmp-')) {
          handle.writeFile = async () => {
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          };
        }
        return handle;
      });
      const error = await files.update(path, append('aws_secret_access_key = x')).catch((caught: unknown) => caught);
      expect((error as UserError).id).toBe('file.writeFailed');
      expect(await fs.readdir(root)).toEqual([]);
    },
  );
});

describe('one writer a run: waits on the run\'s clock, one backup a run, every file through it (issue 13)', () => {
  /** A fake clock (starting now, so a lock made now is 0 s old) that fires `stop` at its `abortAfter`th wait. */
  function clockStoppingAt(abortAfter: number, stop = new AbortController()) {
    const clock = fakeClock(Date.now());
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms, signal) => {
      if (clock.slept.length === abortAfter) stop.abort();
      return sleep(ms, signal);
    };
    return { clock, stop };
  }

  it('Ctrl-C ends the wait for a lock another live run holds, on the fake clock (no real waiting)', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    const { clock, stop } = clockStoppingAt(3);
    let worked = false;
    const started = Date.now();
    const waiting = createFileWriter({ clock, signal: stop.signal }).lock(path, async () => {
      worked = true;
    }, { waitMs: 5 * 60_000, staleMs: 10 * 60_000 });
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    expect(clock.slept).toEqual([50, 50, 50]);
    expect(worked).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await fs.readFile(`${path}.lock`, 'utf8')).toBe(String(process.pid));
  });

  it('gives up after 10 s of the run\'s clock with file.locked naming the lock', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    const clock = fakeClock(Date.now());
    const started = Date.now();
    const error = await createFileWriter({ clock }).update(path, append('[alice]')).catch((caught: unknown) => caught);
    expect((error as UserError).id).toBe('file.locked');
    expect((error as UserError).params).toEqual({ path, lock: `${path}.lock` });
    const waited = clock.slept.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(10_000);
    expect(waited).toBeLessThan(10_200);
    // Not the real 10 s: 200 looks at the lock take 0.3 s here, 2.5 s with the suite at load 16.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('an empty lock is taken over once 2 s old by the run\'s clock', async () => {
    const path = join(root, 'credentials');
    const made = Date.now();
    await fs.writeFile(`${path}.lock`, '');
    const clock = fakeClock(Date.now());
    await createFileWriter({ clock }).update(path, append('[alice]'));
    const waited = clock.slept.reduce((a, b) => a + b, 0);
    expectTakenOverAtTwoSeconds(waited, made);
    expect(await leftovers(root)).toEqual([]);
  });

  it('a write after Ctrl-C (the clean-up recording what was done) still waits its turn for the lock', async () => {
    const path = join(root, 'config');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    const stop = new AbortController();
    stop.abort();
    const clock = fakeClock(Date.now());
    const sleep = clock.sleep.bind(clock);
    clock.sleep = async (ms, signal) => {
      // The other run finishes after a few polls.
      if (clock.slept.length === 4) await fs.rm(`${path}.lock`);
      return sleep(ms, signal);
    };
    const writer = createFileWriter({ clock, signal: stop.signal });
    await writer.update(path, append('[profile alice]'));
    expect(await fs.readFile(path, 'utf8')).toBe('[profile alice]\n');
    expect(clock.slept.length).toBeGreaterThanOrEqual(4);
  });

  it('each run keeps its own backup: the file as it was before that run first changed it', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(path, 'v1\n', { mode: 0o600 });
    const first = createFileWriter({ clock: systemClock });
    expect((await first.update(path, () => 'v2\n')).backupPath).toBe(`${path}.bak`);
    expect((await first.update(path, () => 'v3\n')).backupPath).toBeUndefined();
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe('v1\n');
    // A second run in the same process (a test, say): before, it made no backup at all.
    const second = createFileWriter({ clock: systemClock });
    expect((await second.update(path, () => 'v4\n')).backupPath).toBe(`${path}.bak`);
    expect(await fs.readFile(`${path}.bak`, 'utf8')).toBe('v3\n');
    expect((await fs.readdir(root)).sort()).toEqual(['credentials', 'credentials.bak']);
  });

  it('a file the run created gets no backup of the run\'s own content when the run changes it again', async () => {
    const path = join(root, 'config');
    const run = createFileWriter({ clock: systemClock });
    expect(await run.update(path, () => '[profile alice]\nmfa_onboard_enrolling = arn:aws:iam::123456789012:mfa/alice\n')).toMatchObject({ created: true });
    expect((await run.update(path, () => '[profile alice]\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n')).backupPath).toBeUndefined();
    expect(await fs.readdir(root)).toEqual(['config']);
  });

  it('write replace: the whole file, 0600 under a permissive umask, no backup, nothing left beside it', async () => {
    const path = join(root, 'users.csv.state.json');
    await fs.writeFile(path, '{"old":true}\n', { mode: 0o644 });
    const previous = process.umask(0o000);
    try {
      await files.write(path, '{"version":1}\n', 'replace');
    } finally {
      process.umask(previous);
    }
    expect(await fs.readFile(path, 'utf8')).toBe('{"version":1}\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await fs.readdir(root)).toEqual(['users.csv.state.json']);
  });

  it('write create: never over another file, not even a dangling link; the other file is kept', async () => {
    const path = join(root, 'alice_accessKeys.csv');
    await fs.writeFile(path, 'not yours');
    const error = await files.write(path, 'Access key ID,Secret access key\r\n', 'create').catch((caught: unknown) => caught);
    expect((error as NodeJS.ErrnoException).code).toBe('EEXIST');
    expect(await fs.readFile(path, 'utf8')).toBe('not yours');
    const link = join(root, 'bob_accessKeys.csv');
    await fs.symlink(join(root, 'nowhere'), link);
    expect(((await files.write(link, 'x', 'create').catch((caught: unknown) => caught)) as NodeJS.ErrnoException).code).toBe('EEXIST');
    expect((await fs.readdir(root)).sort()).toEqual(['alice_accessKeys.csv', 'bob_accessKeys.csv']);
    await files.write(join(root, 'carol_accessKeys.csv'), 'secret\r\n', 'create');
    expect(await modeOf(join(root, 'carol_accessKeys.csv'))).toBe(0o600);
  });

  it.each(['replace', 'create'] as const)('write %s that fails half-way (a full disk) leaves no temp file, no lock, no file', async (place) => {
    const path = join(root, 'hana_accessKeys.csv');
    const realOpen = fs.open.bind(fs);
    vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
      const handle = await realOpen(...args);
      if (String(args[0]).includes('.tmp-')) {
        handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
          await handle.write(String(data).slice(0, 5));
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    const error = await files.write(path, 'Access key ID,Secret access key\r\nAKIA,SECRET\r\n', place).catch((caught: unknown) => caught);
    vi.restoreAllMocks();
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(await fs.readdir(root)).toEqual([]);
  });
});

describe('a lock\'s age is read on the file system\'s clock, not the run\'s (a network share\'s server, a skewed or faked clock)', () => {
  const DAY = 24 * 60 * 60_000;
  /** A run's clock `skew` off the computer's (and the file system's), moving only when slept on. */
  const skewed = (skew: number) => fakeClock(Date.now() + skew);

  it.each([['a day ahead', DAY], ['a day behind', -DAY]])('a run whose clock is %s waits for a live run\'s fresh lock, and gives up after 10 s of its own clock', async (_, skew) => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    const clock = skewed(skew);
    const error = await createFileWriter({ clock }).update(path, append('[alice]')).catch((caught: unknown) => caught);
    // Before: a day ahead, the fresh lock looked a day old and was taken over at once.
    expect((error as UserError).id).toBe('file.locked');
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
    expect(await fs.readFile(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    expect(await fs.readdir(root)).toEqual(['credentials.lock']);
  });

  it.each([['a day ahead', DAY], ['a day behind', -DAY]])('a run whose clock is %s takes over at once a lock two minutes old whose pid is alive (reused)', async (_, skew) => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, String(process.pid));
    await age(`${path}.lock`, 120_000);
    const clock = skewed(skew);
    await createFileWriter({ clock }).update(path, append('[alice]'));
    // Before: a day behind, the lock looked made tomorrow and was waited on until file.locked.
    expect(clock.slept).toEqual([]);
    expect(await fs.readdir(root)).toEqual(['credentials']);
  });

  it.each([['a day ahead', DAY], ['a day behind', -DAY]])('a run whose clock is %s respects a fresh empty lock for 2 s of its own clock, then takes it over', async (_, skew) => {
    const path = join(root, 'credentials');
    const made = Date.now();
    await fs.writeFile(`${path}.lock`, '');
    const clock = skewed(skew);
    await createFileWriter({ clock }).update(path, append('[alice]'));
    // Before: 0 (ahead: a run about to write its pid lost its lock) or file.locked (behind).
    expectTakenOverAtTwoSeconds(clock.slept.reduce((a, b) => a + b, 0), made);
    expect(await fs.readFile(path, 'utf8')).toBe('[alice]\n');
  });

  it('20 concurrent updates of a run whose clock is a day ahead: every line lands (before, 5 to 10 of the 20 landed)', async () => {
    await expectConcurrentUpdatesAllLand(createFileWriter({ clock: shiftedClock(systemClock, DAY) }), join(root, 'credentials'));
  });

  it('a probe left by a run killed while reading the file system\'s clock is removed by the next run', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(join(root, `credentials.lock.now-${deadPid()}-0123abcd`), '');
    await files.update(path, append('[alice]'));
    expect(await fs.readdir(root)).toEqual(['credentials']);
  });
});

describe('updateFile through a dangling symlink', () => {
  it('creates the link target instead of replacing the link with a file', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-link-'));
    try {
      const target = join(dir, 'dotfiles', 'aws-credentials');
      await fs.mkdir(join(dir, 'dotfiles'));
      const link = join(dir, 'credentials');
      await fs.symlink(target, link);
      await files.update(link, append('[alice]'));
      expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
      expect(await fs.readFile(target, 'utf8')).toBe('[alice]\n');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('updateFile through a symlink loop', () => {
  it('fails with file.linkLoop naming the file instead of hanging', async () => {
    const dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-loop-'));
    try {
      await fs.symlink(join(dir, 'b'), join(dir, 'credentials'));
      await fs.symlink(join(dir, 'credentials'), join(dir, 'b'));
      const error = await files.update(join(dir, 'credentials'), append('x')).catch((caught: unknown) => caught);
      expect((error as UserError).id).toBe('file.linkLoop');
      expect((error as UserError).params).toEqual({ path: join(dir, 'credentials') });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});


describe('what a killed run leaves beside the file (issue 14, group 4)', () => {
  /** Our real files.ts, bundled for a child process to run. */
  async function bundleFilesModule(dir: string): Promise<string> {
    const { build } = await import('esbuild');
    const outfile = join(dir, 'files.mjs');
    await build({
      entryPoints: [join(__dirname, '../../src/credentials/files.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
    });
    return outfile;
  }

  it('a run SIGKILLed while saving leaves a secret-holding temp copy and a lock; the next run removes both and proceeds at once', async () => {
    const work = join(root, 'work');
    const aws = join(root, '.aws');
    await fs.mkdir(work);
    await fs.mkdir(aws);
    const path = join(aws, 'credentials');
    await fs.writeFile(path, '[alice]\naws_secret_access_key = OLD\n', { mode: 0o600 });
    const module = await bundleFilesModule(work);
    // The child really runs FileWriter.update; it is held inside the temp file's fsync (data written,
    // not yet renamed into place) so that the SIGKILL lands mid-write every time. NOTE: a promise
    // that never settles does not keep Node alive: once the message is sent, a child held by that
    // alone exits by itself (code 13, an unsettled top-level await), and on a loaded machine it
    // did so before the SIGKILL landed. The timer holds it until it is killed.
    const script = `
      import { promises } from 'node:fs';
      const open = promises.open.bind(promises);
      promises.open = async (...args) => {
        const handle = await open(...args);
        if (/credentials\\.tmp-/.test(String(args[0]))) handle.sync = () => { process.send('writing'); return new Promise(() => setInterval(() => {}, 60_000)); };
        return handle;
      };
      const { createFileWriter } = await import(${JSON.stringify(module)});
      const clock = { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
      await createFileWriter({ clock }).update(${JSON.stringify(path)}, (old) => old + 'aws_session_token = NEW-SECRET\\n');
    `;
    await fs.writeFile(join(work, 'child.mjs'), script);
    const { fork } = await import('node:child_process');
    const child = fork(join(work, 'child.mjs'), { stdio: 'ignore' });
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
    await Promise.race([new Promise((resolve) => child.once('message', resolve)), exited]);
    child.kill('SIGKILL');
    // Only the SIGKILL ends it: a child that ended by itself (before or after saying 'writing') is not the story.
    expect(await exited).toBe('SIGKILL');

    const left = (await fs.readdir(aws)).filter((name) => name !== 'credentials').sort();
    // Figure: 2 files left by the killed run (the lock and a full copy with the new secret); the backup is legitimate.
    expect(left).toEqual(['credentials.bak', 'credentials.lock', expect.stringMatching(new RegExp(`^credentials\\.tmp-${child.pid}-[0-9a-f]{8}$`))]);
    const temp = left.find((name) => name.includes('.tmp-'))!;
    expect(await fs.readFile(join(aws, temp), 'utf8')).toContain('NEW-SECRET');

    // The next run, on a fake clock: every wait for the lock would be recorded there (and the
    // 10 s wait end in file.locked at no real cost), whatever the load on the machine.
    const clock = fakeClock(Date.now());
    await createFileWriter({ clock }).update(path, append('region = eu-west-1'));
    // Figure: the next run proceeds at once (0 waits for the lock) and leaves only the file and its backup.
    expect(clock.slept).toEqual([]);
    expect((await fs.readdir(aws)).sort()).toEqual(['credentials', 'credentials.bak']);
    expect(await fs.readFile(path, 'utf8')).toBe('[alice]\naws_secret_access_key = OLD\nregion = eu-west-1\n');
  });

  it('an empty lock (its run died before writing its pid) is taken over once 2 s old, not waited on for 40 s', async () => {
    const path = join(root, 'credentials');
    await fs.writeFile(`${path}.lock`, '');
    await age(`${path}.lock`, 5_000);
    let started = Date.now();
    await files.update(path, append('[alice]'));
    // Figure: an old empty lock costs nothing (< 0.5 s).
    expect(Date.now() - started).toBeLessThan(500);
    expect(await leftovers(root)).toEqual([]);

    // A fresh empty lock may be a run between creating it and writing its pid: it is respected
    // for 2 s, then taken over (figure: 2 to 3 s, against 40 s and a failure before).
    await fs.writeFile(`${path}.lock`, '');
    started = Date.now();
    await files.update(path, append('[bob]'));
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(1_900);
    expect(waited).toBeLessThan(3_000);
    expect(await fs.readFile(path, 'utf8')).toBe('[alice]\n[bob]\n');
  });

  it('leaves what is not ours: a live run\'s temp file and names outside our pattern', async () => {
    const path = join(root, 'credentials');
    const dead = deadPid();
    const keep = [
      `credentials.tmp-${process.ppid}-0123abcd`, // a live process's
      'credentials.tmp-notes', // not our pattern
      `credentials.tmp-${dead}-0123abcd.txt`,
      `config.tmp-${dead}-0123abcd`, // another file's (removed by that file's next update)
    ];
    const gone = [`credentials.tmp-${dead}-0123abcd`, `credentials.bak.tmp-${dead}-89abcdef`, `credentials.lock.stale-${dead}-00ff00ff`];
    for (const name of [...keep, ...gone]) await fs.writeFile(join(root, name), 'x');
    await fs.symlink(join(root, 'credentials.tmp-notes'), join(root, `credentials.tmp-${dead}-deadbeef`));
    await files.update(path, append('[alice]'));
    expect((await fs.readdir(root)).sort()).toEqual(['credentials', `credentials.tmp-${dead}-deadbeef`, ...keep].sort());
  });

  it('a run that only reads (status, a session still valid) removes a dead run\'s temp copy too, beside the real file behind a link', async () => {
    const real = join(root, 'dotfiles');
    await fs.mkdir(real);
    await fs.writeFile(join(real, 'credentials'), '[alice]\n', { mode: 0o600 });
    await fs.symlink(join(real, 'credentials'), join(root, 'credentials'));
    const dead = deadPid();
    await fs.writeFile(join(real, `credentials.tmp-${dead}-0123abcd`), 'aws_secret_access_key = SECRET\n');
    expect(await readTextFile(join(root, 'credentials'))).toBe('[alice]\n');
    // Figure: 0 copies left.
    expect(await fs.readdir(real)).toEqual(['credentials']);
  });

  const smallFs = join(tmpdir(), `mfa-onboard-fullfs-${process.pid}`);
  const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!canMount)(
    'a full disk leaves no empty lock: the error says why, and once space is freed the next run proceeds at once (needs root to mount a 256 KiB tmpfs)',
    async () => {
      await fs.mkdir(smallFs, { recursive: true });
      const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', smallFs]);
      if (mounted.status !== 0) return void console.warn(`skipped: mount failed (${String(mounted.stderr)})`);
      try {
        const path = join(smallFs, 'credentials');
        await fs.writeFile(path, '[alice]\n', { mode: 0o600 });
        const filler = join(smallFs, 'filler');
        const chunk = Buffer.alloc(4096, 1);
        const handle = await fs.open(filler, 'w');
        try {
          for (;;) await handle.write(chunk);
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
        } finally {
          await handle.close();
        }
        const error = await files.update(path, append('aws_session_token = x')).catch((caught: unknown) => caught);
        expect((error as UserError).id).toBe('file.writeFailed');
        expect((error as UserError).params).toMatchObject({ reason: 'ENOSPC' });
        // Figure: 0 files left (no lock, no temp copy); the file is as it was.
        expect((await fs.readdir(smallFs)).sort()).toEqual(['credentials', 'filler']);
        expect(await fs.readFile(path, 'utf8')).toBe('[alice]\n');

        await fs.rm(filler);
        const started = Date.now();
        await files.update(path, append('region = eu-west-1'));
        expect(Date.now() - started).toBeLessThan(2_000); // not the 10 s lock wait, nor a failure
        expect(await fs.readFile(path, 'utf8')).toBe('[alice]\nregion = eu-west-1\n');
      } finally {
        spawnSync('umount', [smallFs]);
        await fs.rm(smallFs, { recursive: true, force: true });
      }
    },
  );
});
