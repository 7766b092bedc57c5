import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tarGz } from '../../scripts/release/archive.mjs';

const INSTALL_SH = resolve(import.meta.dirname, '../../install.sh');
const VERSION = '9.8.7';
/** This machine's platform as install.sh names it (the tests run on Linux). */
const PLATFORM = { x64: 'linux-x64', arm64: 'linux-arm64' }[process.arch as string] ?? 'linux-x64';

/**
 * install.sh run by dash (/bin/sh here) against a release folder made in the test (`--from`),
 * holding a stand-in executable in an archive our release writer made: it installs only what
 * matches SHA256SUMS, and otherwise says why and installs nothing.
 */
describe('install.sh', () => {
  let dir: string;
  let from: string;
  let prefix: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'mfa-onboard-install-'));
    from = join(dir, 'release');
    prefix = join(dir, 'prefix');
    await fs.mkdir(from);
    const exe = Buffer.from(`#!/bin/sh\necho "${VERSION} (stand-in)"\n`);
    const names: string[] = [];
    for (const platform of [PLATFORM, 'darwin-arm64']) {
      const name = `mfa-onboard-${VERSION}-${platform}.tar.gz`;
      await fs.writeFile(join(from, name), tarGz([{ name: 'mfa-onboard', data: exe, mode: 0o755 }, { name: 'README.md', data: Buffer.from('readme\n'), mode: 0o644 }], 1_700_000_000));
      names.push(name);
    }
    const sums = await Promise.all(names.map(async (name) => `${createHash('sha256').update(await fs.readFile(join(from, name))).digest('hex')}  ${name}\n`));
    await fs.writeFile(join(from, 'SHA256SUMS'), sums.join(''));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Runs install.sh; its temporary folder goes under dir/tmp, which must be empty again after. */
  async function install(args: string[], env: NodeJS.ProcessEnv = {}) {
    const tmp = join(dir, 'tmp');
    await fs.mkdir(tmp, { recursive: true });
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile('/bin/sh', [INSTALL_SH, ...args], { env: { PATH: process.env.PATH, HOME: join(dir, 'home'), SHELL: '/bin/bash', TMPDIR: tmp, ...env } }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
    });
    expect(await fs.readdir(tmp)).toEqual([]);
    return result;
  }
  const installed = () => fs.readdir(prefix).catch(() => [] as string[]);

  it('installs the archive for this platform into --prefix/bin, after checking it, and says how to put it on PATH', async () => {
    const result = await install(['--from', from, '--prefix', prefix]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const bin = join(prefix, 'bin', 'mfa-onboard');
    expect((await fs.stat(bin)).mode & 0o777).toBe(0o755);
    expect(await fs.readdir(join(prefix, 'bin'))).toEqual(['mfa-onboard']);
    expect(result.stdout).toContain(`Installed mfa-onboard ${VERSION} (stand-in) as ${bin} (mfa-onboard-${VERSION}-${PLATFORM}.tar.gz, checked against SHA256SUMS).`);
    expect(result.stdout).toContain(`echo 'export PATH="${join(prefix, 'bin')}:$PATH"' >> ~/.bashrc`);
  });

  it('--from a URL: downloads SHA256SUMS and the archive over HTTP (curl), then installs', async () => {
    const server = createServer((request, response) => {
      fs.readFile(join(from, decodeURIComponent(request.url!.slice('/v/'.length)))).then(
        (body) => response.end(body),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    try {
      const { port } = server.address() as { port: number };
      const result = await install(['--from', `http://127.0.0.1:${port}/v`, '--prefix', prefix]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(await fs.readdir(join(prefix, 'bin'))).toEqual(['mfa-onboard']);
    } finally {
      server.close();
    }
  });

  it('one byte of the archive changed: refuses, says which and why, exit 1, nothing installed', async () => {
    const archive = join(from, `mfa-onboard-${VERSION}-${PLATFORM}.tar.gz`);
    const bytes = await fs.readFile(archive);
    bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0x01, bytes.length >> 1);
    await fs.writeFile(archive, bytes);
    const result = await install(['--from', from, '--prefix', prefix]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^mfa-onboard install: mfa-onboard-9\.8\.7-linux-\w+\.tar\.gz does not match its checksum in SHA256SUMS \(expected [0-9a-f]{64}, got [0-9a-f]{64}\): the download is damaged or was tampered with\. Nothing was installed\./);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await installed()).toEqual([]);
  });

  it('an unknown platform (a faked uname): one paragraph naming it and the way with Node, exit 1, nothing installed', async () => {
    const fake = join(dir, 'fake-bin');
    await fs.mkdir(fake);
    await fs.writeFile(join(fake, 'uname'), '#!/bin/sh\ncase "$1" in -s) echo FreeBSD ;; -m) echo riscv64 ;; esac\n', { mode: 0o755 });
    const result = await install(['--from', from, '--prefix', prefix], { PATH: `${fake}:${process.env.PATH}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^mfa-onboard install: there is no mfa-onboard executable for this platform \(FreeBSD riscv64\)\..*npx aws-mfa-onboard\. Nothing was installed\.\n$/);
    expect(await installed()).toEqual([]);
  });

  it('an executable that does not run here (a stand-in that fails): refused, the one installed before kept, nothing left beside it', async () => {
    expect((await install(['--from', from, '--prefix', prefix])).code).toBe(0);
    const name = `mfa-onboard-${VERSION}-${PLATFORM}.tar.gz`;
    await fs.writeFile(join(from, name), tarGz([{ name: 'mfa-onboard', data: Buffer.from('#!/bin/sh\nexit 126\n'), mode: 0o755 }], 1_700_000_000));
    const sum = createHash('sha256').update(await fs.readFile(join(from, name))).digest('hex');
    await fs.writeFile(join(from, 'SHA256SUMS'), `${sum}  ${name}\n`);
    const result = await install(['--from', from, '--prefix', prefix]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the ${PLATFORM} executable from ${name} does not run on this machine`);
    expect(await fs.readdir(join(prefix, 'bin'))).toEqual(['mfa-onboard']);
    expect(await fs.readFile(join(prefix, 'bin', 'mfa-onboard'), 'utf8')).toContain('(stand-in)');
  });

  it('a release without this platform\'s archive: says so, exit 1, nothing installed', async () => {
    const sums = (await fs.readFile(join(from, 'SHA256SUMS'), 'utf8')).split('\n').filter((line) => !line.endsWith(`${PLATFORM}.tar.gz`));
    await fs.writeFile(join(from, 'SHA256SUMS'), sums.join('\n'));
    const result = await install(['--from', from, '--prefix', prefix]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`has no archive for ${PLATFORM}`);
    expect(await installed()).toEqual([]);
  });

  it('--version picks that release\'s archive and refuses a version the folder does not hold', async () => {
    expect((await install(['--from', from, '--prefix', prefix, '--version', `v${VERSION}`])).code).toBe(0);
    const other = await install(['--from', from, '--prefix', join(dir, 'other'), '--version', '1.0.0']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`has no archive for ${PLATFORM} in version 1.0.0`);
  });

  it('says nothing about PATH when the folder is already on it', async () => {
    const result = await install(['--from', from, '--prefix', prefix], { PATH: `${join(prefix, 'bin')}:${process.env.PATH}` });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('not on your PATH');
    expect(result.stdout).toContain('Run: mfa-onboard demo');
  });

  /** Adds `platform`'s archive holding `exe` to the release folder (and to SHA256SUMS). */
  async function addArchive(platform: string, exe: string) {
    const name = `mfa-onboard-${VERSION}-${platform}.tar.gz`;
    await fs.writeFile(join(from, name), tarGz([{ name: 'mfa-onboard', data: Buffer.from(exe), mode: 0o755 }], 1_700_000_000));
    const sum = createHash('sha256').update(await fs.readFile(join(from, name))).digest('hex');
    await fs.appendFile(join(from, 'SHA256SUMS'), `${sum}  ${name}\n`);
  }
  /** A PATH whose `ldd --version` answers as Alpine's does (musl's loader, on stderr, exit 1). */
  async function muslPath() {
    const fake = join(dir, 'musl-bin');
    await fs.mkdir(fake);
    await fs.writeFile(join(fake, 'ldd'), '#!/bin/sh\nprintf "musl libc (x86_64)\\nVersion 1.2.5\\nDynamic Program Loader\\n" >&2\nexit 1\n', { mode: 0o755 });
    return `${fake}:${process.env.PATH}`;
  }

  it('on an arm64 Linux (uname -m aarch64, faked): installs the linux-arm64 archive', async () => {
    const fake = join(dir, 'arm64-bin');
    await fs.mkdir(fake);
    await fs.writeFile(join(fake, 'uname'), '#!/bin/sh\ncase "$1" in -s) echo Linux ;; -m) echo aarch64 ;; esac\n', { mode: 0o755 });
    if (PLATFORM !== 'linux-arm64') await addArchive('linux-arm64', `#!/bin/sh\necho "${VERSION} (arm64 stand-in)"\n`);
    const result = await install(['--from', from, '--prefix', prefix], { PATH: `${fake}:${process.env.PATH}` });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`(mfa-onboard-${VERSION}-linux-arm64.tar.gz, checked against SHA256SUMS).`);
  });

  it('on musl (ldd says so, no /etc/alpine-release needed): installs the -musl archive', async () => {
    await addArchive(`${PLATFORM}-musl`, `#!/bin/sh\necho "${VERSION} (musl stand-in)"\n`);
    const result = await install(['--from', from, '--prefix', prefix], { PATH: await muslPath() });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Installed mfa-onboard ${VERSION} (musl stand-in) as ${join(prefix, 'bin', 'mfa-onboard')} (mfa-onboard-${VERSION}-${PLATFORM}-musl.tar.gz, checked against SHA256SUMS).`);
  });

  // Bun's musl executable needs libstdc++ and libgcc, which Alpine does not install by default:
  // musl's loader then says so (these lines are what it printed in a root folder without them).
  it('on musl without the C++ runtime: names it and the apk line that installs it, exit 1, nothing installed', async () => {
    await addArchive(
      `${PLATFORM}-musl`,
      '#!/bin/sh\necho "Error loading shared library libstdc++.so.6: No such file or directory (needed by $0)" >&2\n' +
        'echo "Error relocating $0: __cxa_pure_virtual: symbol not found" >&2\nexit 127\n',
    );
    const result = await install(['--from', from, '--prefix', prefix], { PATH: await muslPath() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `mfa-onboard install: the ${PLATFORM}-musl executable needs the C++ runtime libraries libstdc++ and libgcc, which this system lacks (libstdc++.so.6 is missing), so it was not installed. On Alpine, install them as root (apk add libstdc++ libgcc), then run this again.\n`,
    );
    expect(await fs.readdir(join(prefix, 'bin'))).toEqual([]);
  });

  it('a shared library missing on glibc: names it, exit 1, nothing installed', async () => {
    const name = `mfa-onboard-${VERSION}-${PLATFORM}.tar.gz`;
    await fs.writeFile(
      join(from, 'SHA256SUMS'),
      (await fs.readFile(join(from, 'SHA256SUMS'), 'utf8')).split('\n').filter((line) => !line.endsWith(name)).join('\n'),
    );
    await addArchive(PLATFORM, '#!/bin/sh\necho "$0: error while loading shared libraries: libdl.so.2: cannot open shared object file: No such file or directory" >&2\nexit 127\n');
    const result = await install(['--from', from, '--prefix', prefix]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^mfa-onboard install: the linux-\w+ executable needs the shared library libdl\.so\.2, which this system lacks, so it was not installed\. Install the package that provides it, then run this again; or, with Node 20\.12 or later, run it with: npx aws-mfa-onboard\.\n$/);
    expect(await fs.readdir(join(prefix, 'bin'))).toEqual([]);
  });

  it('downloads from the project\'s release page by default (the address package.json names)', async () => {
    const pkg = JSON.parse(await fs.readFile(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { repository: { url: string } };
    const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    for (const script of ['install.sh', 'install.ps1']) {
      expect(await fs.readFile(resolve(import.meta.dirname, '../..', script), 'utf8')).toContain(`${repo}/releases`);
    }
  });
});
