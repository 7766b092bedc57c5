// `npm run release:check`: the end-to-end stories on the standalone executables as the release
// ships them: compiles them (scripts/release.mjs --target …), then runs the e2e project with
// MFA_ONBOARD_BIN naming each (test/helpers/built.ts). Extra arguments go to vitest (a file, -t NAME).
//
//   node scripts/release-check.mjs                          linux-x64, every e2e story
//   node scripts/release-check.mjs --target linux-arm64     under qemu-user
//   node scripts/release-check.mjs --target linux-x64-musl  in a root folder with musl's loader
//   node scripts/release-check.mjs --target windows-x64     under Wine: the stories without a terminal
//   … --quick                                               only test/e2e/platform.e2e.test.ts
//
// The other platforms run on this Linux x64 machine through Debian's packages (RELEASING.md says
// what each verifies and what it cannot): each target gets a launcher in build/platform-check/
// <target>/ that runs the executable there, and MFA_ONBOARD_BIN names that launcher.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { TARGETS, executablePath } from './release.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNNERS = join(ROOT, 'scripts/release/runners');
const host = `${process.platform}-${process.arch}`;

/** Stops with a message saying what to do; nothing of the check has run. */
function stop(message) {
  console.error(`release:check: ${message}`);
  process.exit(1);
}

/** Whether `command` is a program on PATH (or a path that exists). */
function have(command) {
  return command.includes('/') ? existsSync(command) : spawnSync('sh', ['-c', `command -v "$1" >/dev/null`, 'sh', command]).status === 0;
}

/** Checks that every tool a runner needs is here, naming the Debian packages that bring them. */
function need(target, tools, packages) {
  const missing = tools.filter((tool) => !have(tool));
  if (missing.length) stop(`--target ${target} needs ${missing.join(', ')}: apt-get install -y ${packages}`);
}

/** Writes the launcher MFA_ONBOARD_BIN will name: a shell script that execs the executable's runner. */
function launcher(target, body) {
  const file = join(ROOT, 'build/platform-check', target, 'mfa-onboard');
  writeFileSync(file, `#!/bin/sh\n# release:check's launcher for the ${target} executable (scripts/release-check.mjs).\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Debian's C++ runtime (built for glibc), which the musl root gets with the shim. */
const DEBIAN_CXX = ['/usr/lib/x86_64-linux-gnu/libstdc++.so.6', '/usr/lib/x86_64-linux-gnu/libgcc_s.so.1'];

const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * For each target: how this machine runs it (returns the launcher), and which stories it can
 * take (`terminal: false`: none that needs a pseudo-terminal or POSIX signals).
 */
const RUNNER = {
  'linux-x64': { prepare: () => executablePath(TARGETS.find((t) => t.id === 'linux-x64')), terminal: true },

  // Dynamically linked against glibc (/lib/ld-linux-aarch64.so.1): qemu-user with Debian's
  // arm64 glibc as the sysroot.
  'linux-arm64': {
    terminal: true,
    check: () => need('linux-arm64', ['qemu-aarch64', '/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1'], 'qemu-user libc6-arm64-cross'),
    prepare(exe) {
      return launcher('linux-arm64', `exec qemu-aarch64 -L /usr/aarch64-linux-gnu ${quote(exe)} "$@"`);
    },
  },

  // readelf -d: NEEDED libstdc++.so.6 and libc.musl-x86_64.so.1, interpreter
  // /lib/ld-musl-x86_64.so.1. A root folder holding only those (and libgcc_s.so.1, which
  // libstdc++ needs) and busybox as /bin/sh, as on Alpine after `apk add libstdc++ libgcc`; run in it with a mount
  // namespace that brings /proc (Bun finds its code through /proc/self/exe), /dev and the
  // temporary folder the tests' homes are in.
  'linux-x64-musl': {
    terminal: true,
    // The root holds no python3: `demo --emulator moto` says so there (as on an Alpine box
    // without it), which its story does not expect.
    skip: 'demo --emulator moto',
    before: () => checkInstallOnMusl(join(ROOT, 'build/platform-check/linux-x64-musl/root')),
    check() {
      need('linux-x64-musl', ['unshare', 'musl-gcc', '/usr/lib/x86_64-linux-musl/libc.so', '/bin/busybox'], 'musl musl-tools musl-dev busybox-static');
      need('linux-x64-musl', DEBIAN_CXX, 'libstdc++6 libgcc-s1');
    },
    prepare(exe) {
      const cxx = DEBIAN_CXX;
      const root = join(ROOT, 'build/platform-check/linux-x64-musl/root');
      rmSync(root, { recursive: true, force: true });
      for (const dir of ['bin', 'lib', 'usr/lib', 'etc', 'proc', 'dev', 'tmp']) mkdirSync(join(root, dir), { recursive: true });
      copyFileSync('/usr/lib/x86_64-linux-musl/libc.so', join(root, 'lib/ld-musl-x86_64.so.1'));
      for (const lib of cxx) copyFileSync(lib, join(root, 'usr/lib', lib.split('/').pop()));
      execFileSync('musl-gcc', ['-shared', '-fPIC', '-O2', '-o', join(root, 'usr/lib/ld-linux-x86-64.so.2'), join(RUNNERS, 'musl-glibc-shim.c')], { stdio: 'inherit' });
      // Alpine's /bin/sh is busybox: mfa_process lines run through it.
      copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
      chmodSync(join(root, 'bin/busybox'), 0o755);
      symlinkSync('busybox', join(root, 'bin/sh'));
      copyFileSync(exe, join(root, 'bin/mfa-onboard'));
      chmodSync(join(root, 'bin/mfa-onboard'), 0o755);
      writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
      writeFileSync(join(root, 'etc/hosts'), '127.0.0.1 localhost\n::1 localhost\n');
      const tmp = resolve(tmpdir());
      mkdirSync(join(root, tmp), { recursive: true });
      // Without root, a user namespace maps this user to root inside (mounts and chroot need it).
      const user = process.getuid?.() === 0 ? '' : '--map-root-user ';
      // The working folder is kept when the root has it (under the temporary folder), else /.
      return launcher(
        'linux-x64-musl',
        `exec unshare ${user}--mount sh -c 'r=$1; t=$2; wd=$3; shift 3; mount --rbind /proc "$r/proc" && mount --rbind /dev "$r/dev" && mount --bind "$t" "$r$t" && { [ -d "$r$wd" ] || wd=/; } && exec unshare --root="$r" --wd="$wd" /bin/mfa-onboard "$@"' musl ${quote(root)} ${quote(tmp)} "$PWD" "$@"`,
      );
    },
  },

  // Wine: Debian 12's Wine 8.0 lacks bcryptprimitives.dll (ProcessPrng), which Bun's runtime
  // imports; a stand-in built with MinGW goes into a Wine prefix of the check's own.
  'windows-x64': {
    terminal: false,
    check: () => need('windows-x64', ['wine', 'wineserver', 'x86_64-w64-mingw32-gcc'], 'wine64 gcc-mingw-w64-x86-64-win32'),
    prepare(exe) {
      const dir = join(ROOT, 'build/platform-check/windows-x64');
      const prefix = join(dir, 'wine');
      const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
      if (!existsSync(join(prefix, 'drive_c/windows/system32'))) execFileSync('wine', ['wineboot', '--init'], { env, stdio: 'inherit' });
      execFileSync('x86_64-w64-mingw32-gcc', ['-shared', '-O2', '-o', join(prefix, 'drive_c/windows/system32/bcryptprimitives.dll'),
        join(RUNNERS, 'bcryptprimitives.c'), join(RUNNERS, 'bcryptprimitives.def'), '-ladvapi32'], { stdio: 'inherit' });
      return launcher('windows-x64', `export WINEPREFIX=${quote(prefix)} WINEDEBUG=-all\nexec wine ${quote(exe)} "$@"`);
    },
    /** The demo to its end in a tmux window (when tmux is here), the key typed instead of the QR scanned. */
    after() {
      if (!have('tmux')) {
        console.log('release:check windows-x64: no tmux here, so the demo was not run (apt-get install -y tmux)');
        return true;
      }
      const launcher = join(ROOT, 'build/platform-check/windows-x64/mfa-onboard');
      const temp = join(ROOT, 'build/platform-check/windows-x64/wine/drive_c/users', userInfo().username, 'Temp');
      const started = Date.now();
      const demo = spawnSync('bash', [join(RUNNERS, 'demo-in-tmux.sh'), launcher, temp], { encoding: 'utf8' });
      console.log(`${demo.stdout}${demo.stderr}release:check windows-x64: the demo in tmux ${demo.status === 0 ? 'ran to its end' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
      return demo.status === 0;
    },
    /** Wine's server outlives the runs by a few seconds: stopped, so the check leaves nothing running. */
    finish() {
      spawnSync('wineserver', ['-k'], { env: { ...process.env, WINEPREFIX: join(ROOT, 'build/platform-check/windows-x64/wine') } });
    },
  },
};

/**
 * install.sh in a root folder shaped like a bare Alpine box (busybox, musl's loader, an `ldd`
 * that says musl; no /etc/alpine-release), from the release folder just built: without the C++
 * runtime it must refuse with the apk line and install nothing; with it, install the musl
 * executable and run it. Returns whether both went as they must.
 */
function checkInstallOnMusl(muslRoot) {
  const root = join(ROOT, 'build/platform-check/linux-x64-musl/alpine');
  rmSync(root, { recursive: true, force: true });
  for (const dir of ['bin', 'lib', 'usr/bin', 'usr/lib', 'etc', 'proc', 'dev', 'tmp', 'root', 'release']) mkdirSync(join(root, dir), { recursive: true });
  copyFileSync('/bin/busybox', join(root, 'bin/busybox'));
  chmodSync(join(root, 'bin/busybox'), 0o755);
  execFileSync('chroot', [root, '/bin/busybox', '--install', '-s', '/bin']);
  copyFileSync(join(muslRoot, 'lib/ld-musl-x86_64.so.1'), join(root, 'lib/ld-musl-x86_64.so.1'));
  writeFileSync(join(root, 'usr/bin/ldd'), '#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list "$@"\n', { mode: 0o755 });
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  copyFileSync(join(ROOT, 'install.sh'), join(root, 'install.sh'));
  const user = process.getuid?.() === 0 ? [] : ['--map-root-user'];
  const install = () =>
    spawnSync('unshare', [...user, '--mount', 'sh', '-c',
      'r=$1; mount --rbind /dev "$r/dev" && mount --rbind /proc "$r/proc" && mount --bind "$2" "$r/release" && exec chroot "$r" /bin/env -i HOME=/root PATH=/usr/bin:/bin SHELL=/bin/sh /bin/sh /install.sh --from /release',
      'install', root, join(ROOT, 'build/partial-release')], { encoding: 'utf8' });
  const bare = install();
  const refused = bare.status === 1 && bare.stderr.includes('(apk add libstdc++ libgcc)') && !existsSync(join(root, 'root/.local/bin/mfa-onboard'));
  console.log(`release:check install.sh on a bare Alpine-shaped root: ${refused ? 'refused, naming apk add libstdc++ libgcc' : 'WRONG'}\n${bare.stderr.trim()}`);
  for (const lib of ['libstdc++.so.6', 'libgcc_s.so.1', 'ld-linux-x86-64.so.2']) copyFileSync(join(muslRoot, 'usr/lib', lib), join(root, 'usr/lib', lib));
  const withCxx = install();
  const installed = withCxx.status === 0 && /^Installed mfa-onboard \S+ \(standalone executable, Bun [\d.]+\) as \/root\/\.local\/bin\/mfa-onboard \(mfa-onboard-\S+-linux-x64-musl\.tar\.gz, checked against SHA256SUMS\)\.$/m.test(withCxx.stdout);
  console.log(`release:check install.sh with the C++ runtime: ${installed ? 'installed' : 'WRONG'}\n${(withCxx.stdout + withCxx.stderr).trim()}`);
  return refused && installed;
}

function main(argv) {
  const targets = argv.flatMap((arg, i) => (argv[i - 1] === '--target' ? [arg] : []));
  const quick = argv.includes('--quick');
  const vitestArgs = argv.filter((arg, i) => arg !== '--target' && argv[i - 1] !== '--target' && arg !== '--quick');
  if (targets.length === 0) targets.push('linux-x64');
  for (const id of targets) {
    if (!RUNNER[id]) stop(`no way to run the ${id} executable here: --target one of ${Object.keys(RUNNER).join(', ')} (the darwin ones need a Mac).`);
  }
  if (host !== 'linux-x64') stop(`the runners are for a Linux x64 machine; this is ${host}.`);
  for (const id of targets) RUNNER[id].check?.();

  const build = spawnSync(process.execPath, ['scripts/release.mjs', ...targets.flatMap((id) => ['--target', id])], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) stop('the executables could not be built (release.mjs said why, above); nothing was checked.');
  const vitest = resolve(ROOT, 'node_modules/vitest/vitest.mjs');
  const results = [];
  for (const id of targets) {
    const runner = RUNNER[id];
    mkdirSync(join(ROOT, 'build/platform-check', id), { recursive: true });
    const bin = runner.prepare(executablePath(TARGETS.find((t) => t.id === id)));
    const before = runner.before?.() ?? true;
    // Without a terminal of its own (Wine), only the stories that need none; a file or -t given
    // on the command line narrows that further.
    const files = quick || !runner.terminal ? ['test/e2e/platform.e2e.test.ts'] : [];
    const skip = runner.skip && !vitestArgs.some((arg) => arg === '-t' || arg.startsWith('--testNamePattern')) ? ['-t', `^(?!.*${runner.skip})`] : [];
    const started = Date.now();
    console.log(`\nrelease:check ${id}: ${bin}`);
    const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e', ...files, ...skip, ...vitestArgs], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, MFA_ONBOARD_BIN: bin },
    });
    const after = result.status !== 0 ? false : quick || !runner.after ? true : runner.after();
    runner.finish?.();
    results.push({ id, ok: before && after && result.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  }
  for (const r of results) console.log(`release:check ${r.id}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds} s`);
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main(process.argv.slice(2));
