import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tarGz, zip } from '../../scripts/release/archive.mjs';
import { TARGETS } from '../../scripts/release.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const MTIME = 1_796_236_093; // 2026-12-02T18:28:13Z
const entries = () => [
  { name: 'mfa-onboard', data: Buffer.from('#!/bin/sh\necho hi\n'), mode: 0o755 },
  { name: 'README.md', data: Buffer.alloc(1000, 'r'), mode: 0o644 },
];

/** The release's own archive writer, read back by the tools users unpack with. */
describe('release archives', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-archive-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('tar.gz: the same bytes every time; tar lists the files in order, modes, owner 0/0, the fixed time', async () => {
    expect(tarGz(entries(), MTIME).equals(tarGz(entries(), MTIME))).toBe(true);
    await fs.writeFile(join(dir, 'a.tar.gz'), tarGz(entries(), MTIME));
    const listing = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvzf', join(dir, 'a.tar.gz')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    expect(listing.trim().split('\n').map((line) => line.split(/\s+/))).toEqual([
      ['-rwxr-xr-x', '0/0', '18', '2026-12-02', '18:28:13', 'mfa-onboard'],
      ['-rw-r--r--', '0/0', '1000', '2026-12-02', '18:28:13', 'README.md'],
    ]);
    execFileSync('tar', ['-xzf', 'a.tar.gz'], { cwd: dir });
    expect(await fs.readFile(join(dir, 'mfa-onboard'), 'utf8')).toBe('#!/bin/sh\necho hi\n');
  });

  it('zip: the same bytes every time; unzip tests the CRCs and restores the contents and the executable mode', async () => {
    expect(zip(entries(), MTIME).equals(zip(entries(), MTIME))).toBe(true);
    await fs.writeFile(join(dir, 'a.zip'), zip(entries(), MTIME));
    expect(execFileSync('unzip', ['-t', 'a.zip'], { cwd: dir, encoding: 'utf8' })).toContain('No errors detected');
    execFileSync('unzip', ['-q', 'a.zip'], { cwd: dir });
    expect((await fs.readFile(join(dir, 'README.md'))).equals(Buffer.alloc(1000, 'r'))).toBe(true);
    expect((await fs.stat(join(dir, 'mfa-onboard'))).mode & 0o777).toBe(0o755);
  });

  it('every {{KEY}} of the Homebrew and Scoop templates is one the release fills', async () => {
    const filled = new Set(['VERSION', 'HOMEPAGE', 'REPOSITORY', 'DESCRIPTION', 'LICENSE']);
    for (const { id } of TARGETS) filled.add(`URL-${id}`).add(`SHA256-${id}`);
    for (const template of ['packaging/homebrew/mfa-onboard.rb.in', 'packaging/scoop/mfa-onboard.json.in']) {
      const keys = [...(await fs.readFile(join(ROOT, template), 'utf8')).matchAll(/\{\{([\w-]+)\}\}/g)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(2);
      expect(keys.filter((key) => !filled.has(key!))).toEqual([]);
    }
  });

  it('release:check refuses a target it has no way to run here, before building anything', () => {
    const run = spawnSync(process.execPath, ['scripts/release-check.mjs', '--target', 'darwin-arm64'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('release:check: no way to run the darwin-arm64 executable here: --target one of linux-x64, linux-arm64, linux-x64-musl, windows-x64 (the darwin ones need a Mac).\n');
  });

  it('every Bun runtime the release compiles onto, but this machine\'s own, has a pinned hash for the pinned bun', async () => {
    const pkg = JSON.parse(await fs.readFile(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const pinned = (await fs.readFile(join(ROOT, 'packaging/bun-runtimes.sha256'), 'utf8')).split('\n').filter((line) => /^[0-9a-f]{64}  /.test(line)).map((line) => line.slice(66));
    const needed = TARGETS.filter((t) => t.runtime !== 'bun-linux-x64').map((t) => `${t.runtime}-v${pkg.devDependencies.bun}`);
    expect(pinned.sort()).toEqual(needed.sort());
  });
});
