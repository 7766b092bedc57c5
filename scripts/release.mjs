// `npm run release`: the standalone executables, their archives, SHA256SUMS, and the Homebrew
// formula and Scoop manifest made from the same hashes, all in release/ (RELEASING.md).
//
//   node scripts/release.mjs [--target linux-x64]...   only these targets (CI builds one),
//                                                      into build/partial-release/, so a
//                                                      whole release in release/ is kept
//
// Reproducible: the same commit gives the same bytes. dist/ is built from the locked
// dependencies; Bun compiles it with a fixed inner name (it embeds `/$bunfs/root/<name>`);
// the archives have fixed times (the commit's, or SOURCE_DATE_EPOCH), owners, modes and order.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tarGz, zip } from './release/archive.mjs';

const ROOT = resolve(import.meta.dirname, '..');
/** Where a whole release goes; a build of some targets goes to build/partial-release/. */
const WHOLE = join(ROOT, 'release');
const PARTIAL = join(ROOT, 'build', 'partial-release');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** Every artefact: our name for the platform, and Bun's. */
export const TARGETS = [
  { id: 'linux-x64', bun: 'bun-linux-x64', runtime: 'bun-linux-x64' },
  { id: 'linux-arm64', bun: 'bun-linux-arm64', runtime: 'bun-linux-aarch64' },
  { id: 'linux-x64-musl', bun: 'bun-linux-x64-musl', runtime: 'bun-linux-x64-musl' },
  { id: 'darwin-x64', bun: 'bun-darwin-x64', runtime: 'bun-darwin-x64' },
  { id: 'darwin-arm64', bun: 'bun-darwin-arm64', runtime: 'bun-darwin-aarch64' },
  { id: 'windows-x64', bun: 'bun-windows-x64', runtime: 'bun-windows-x64' },
];

/**
 * For another platform, Bun fetches that platform's runtime (the npm package @oven/bun-<…>)
 * and caches it: the executable is that runtime with our code appended, so it must be the
 * one pinned in packaging/bun-runtimes.sha256. (This machine's own runtime is bun's platform
 * package, pinned by package-lock.json.)
 */
function checkRuntime(target) {
  const host = `bun-${process.platform}-${{ x64: 'x64', arm64: 'aarch64' }[process.arch]}`;
  if (target.runtime === host) return;
  const name = `${target.runtime}-v${pkg.devDependencies.bun}`;
  const pinned = readFileSync(join(ROOT, 'packaging/bun-runtimes.sha256'), 'utf8')
    .split('\n')
    .map((line) => line.split(/\s+/))
    .find(([, file]) => file === name)?.[0];
  if (!pinned) throw new Error(`packaging/bun-runtimes.sha256 has no hash for ${name}: add it (sha256sum of package/bin/bun in @oven/${target.runtime}@${pkg.devDependencies.bun}).`);
  const cached = join(process.env.BUN_INSTALL ?? join(homedir(), '.bun'), 'install', 'cache', name);
  if (!existsSync(cached)) throw new Error(`Bun left no ${cached} to check the ${target.id} executable's runtime against packaging/bun-runtimes.sha256.`);
  const actual = createHash('sha256').update(readFileSync(cached)).digest('hex');
  if (actual !== pinned) throw new Error(`the Bun runtime for ${target.id} (${cached}) is not the one pinned in packaging/bun-runtimes.sha256 (sha256 ${actual}, pinned ${pinned}). Delete it and build again; nothing was released.`);
}

/** The executable's name inside the archive (and the name Bun embeds). */
const exeName = (target) => (target.id.startsWith('windows') ? 'mfa-onboard.exe' : 'mfa-onboard');
/** The archive's file name. */
export const archiveName = (target, version = pkg.version) =>
  `mfa-onboard-${version}-${target.id}.${target.id.startsWith('windows') ? 'zip' : 'tar.gz'}`;
/** Where the compiled executables stay after a release build (release:check runs them). */
export const executablePath = (target) => join(ROOT, 'build', 'standalone', target.id, exeName(target));

/**
 * The Bun that compiles: the npm package `bun`, pinned in devDependencies. Its install script
 * only moves the platform package's binary into `bun/bin/`; npm may skip that script (it warns
 * about unapproved install scripts), so the platform package's own binary is looked for first.
 */
function bunBinary() {
  const require = createRequire(import.meta.url);
  const arch = { x64: 'x64', arm64: 'aarch64' }[process.arch];
  const names = [`@oven/bun-${process.platform}-${arch}`, `@oven/bun-${process.platform}-${arch}-musl`];
  for (const name of names) {
    let dir;
    try {
      dir = dirname(require.resolve(`${name}/package.json`));
    } catch {
      continue;
    }
    const file = join(dir, 'bin', 'bun');
    if (existsSync(file)) return file;
  }
  // After the install script: the real binary took the placeholder's place (a few hundred bytes).
  const moved = join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe');
  if (existsSync(moved) && statSync(moved).size > 1_000_000) return moved;
  throw new Error(`No Bun binary for ${process.platform}-${process.arch} in node_modules: run npm ci (the package bun ${pkg.devDependencies.bun} and its platform package).`);
}

/** A fixed time for every archive entry: SOURCE_DATE_EPOCH, else the commit's time. */
function sourceDate() {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH);
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    throw new Error('no git commit to take the archives\' time from: build from a git clone, or set SOURCE_DATE_EPOCH (seconds since 1970).');
  }
}

/** The address the artefacts are published under (a GitHub release of the tag v<version>). */
export function releaseUrl(version = pkg.version) {
  return `${repositoryUrl()}/releases/download/v${version}`;
}

/** package.json's repository as a web address. */
const repositoryUrl = () => pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

function chosenTargets(argv) {
  const wanted = argv.flatMap((arg, i) => (argv[i - 1] === '--target' ? [arg] : []));
  if (wanted.length === 0) return TARGETS;
  for (const id of wanted) {
    if (!TARGETS.some((t) => t.id === id)) throw new Error(`Unknown target ${id}: one of ${TARGETS.map((t) => t.id).join(', ')}.`);
  }
  return TARGETS.filter((t) => wanted.includes(t.id));
}

/** Fills `{{KEY}}` in a packaging template; a key with no value is an error, not a blank. */
function fill(template, values) {
  return template.replace(/\{\{([\w-]+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`packaging template: no value for {{${key}}}`);
    return values[key];
  });
}

let OUT = WHOLE;
/** The one folder dist/ is compiled from (see main). */
const COMPILE_FROM = '/tmp/mfa-onboard-release-build';
/** Set once OUT is being written: what a failure removes. */
let writing;

/**
 * Compiles `target`'s executable from COMPILE_FROM into build/standalone/<target>/, writes its
 * archive into OUT; returns its line of SHA256SUMS.
 */
function compileAndPack(bun, target, docs, mtime) {
  const exe = executablePath(target);
  rmSync(dirname(exe), { recursive: true, force: true });
  mkdirSync(dirname(exe), { recursive: true });
  // Compiled inside COMPILE_FROM, which is also Bun's working folder (the bytecode depends on
  // it), under the one fixed name, then moved: nothing of the build's own path gets in.
  const compiled = join(COMPILE_FROM, 'out', exeName(target));
  rmSync(dirname(compiled), { recursive: true, force: true });
  execFileSync(
    bun,
    ['build', join(COMPILE_FROM, 'dist/bin.js'), '--compile', '--bytecode', `--target=${target.bun}`, `--outfile=${compiled}`,
      '--define', '__MFA_ONBOARD_STANDALONE__=true', '--no-compile-autoload-dotenv', '--no-compile-autoload-bunfig'],
    { cwd: COMPILE_FROM, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  checkRuntime(target);
  writeFileSync(exe, readFileSync(compiled));
  chmodSync(exe, 0o755);
  const entries = [{ name: exeName(target), data: readFileSync(exe), mode: 0o755 }, ...docs];
  const bytes = target.id.startsWith('windows') ? zip(entries, mtime) : tarGz(entries, mtime);
  writeFileSync(join(OUT, archiveName(target)), bytes);
  console.log(`${relative(ROOT, OUT)}/${archiveName(target)}: ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  return { target, name: archiveName(target), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function main() {
  const targets = chosenTargets(process.argv.slice(2));
  if (targets.length < TARGETS.length) OUT = PARTIAL;
  const bun = bunBinary();
  const mtime = sourceDate();
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

  writing = OUT;
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const docs = ['README.md', 'LICENSE'].map((name) => ({ name, data: readFileSync(join(ROOT, name)), mode: 0o644 }));
  const sums = [];
  // NOTE: --bytecode (the executable does not parse the bundle at every start: about 50 ms of
  // each run) embeds the compiled files' absolute paths and depends on Bun's working folder,
  // so dist/ is compiled from one fixed folder, the same on every machine, with Bun working
  // there: two clean clones then give the same bytes. Taken by
  // creating it; one release build at a time.
  try {
    mkdirSync(COMPILE_FROM);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    throw new Error(`${COMPILE_FROM} exists: another release build is compiling there. If none is running (a build that was killed), remove the folder and run the release again.`);
  }
  try {
    cpSync(join(ROOT, 'dist'), join(COMPILE_FROM, 'dist'), { recursive: true });
    for (const target of targets) sums.push(compileAndPack(bun, target, docs, mtime));
  } finally {
    rmSync(COMPILE_FROM, { recursive: true, force: true });
  }

  writeFileSync(join(OUT, 'SHA256SUMS'), sums.map((s) => `${s.sha256}  ${s.name}\n`).join(''));
  // Published beside the archives: the install scripts, whose default is this release's URL.
  for (const script of ['install.sh', 'install.ps1']) writeFileSync(join(OUT, script), readFileSync(join(ROOT, script)));
  chmodSync(join(OUT, 'install.sh'), 0o755);

  // The package managers' files need every artefact's hash: only for a whole release.
  if (sums.length === TARGETS.length) {
    const values = { VERSION: pkg.version, HOMEPAGE: pkg.homepage, REPOSITORY: repositoryUrl(), DESCRIPTION: pkg.description, LICENSE: pkg.license };
    for (const s of sums) {
      values[`URL-${s.target.id}`] = `${releaseUrl()}/${s.name}`;
      values[`SHA256-${s.target.id}`] = s.sha256;
    }
    writeFileSync(join(OUT, 'mfa-onboard.rb'), fill(readFileSync(join(ROOT, 'packaging/homebrew/mfa-onboard.rb.in'), 'utf8'), values));
    const manifest = fill(readFileSync(join(ROOT, 'packaging/scoop/mfa-onboard.json.in'), 'utf8'), values);
    JSON.parse(manifest); // a value that breaks the JSON (a quote in the description) stops the release here
    writeFileSync(join(OUT, 'mfa-onboard.json'), manifest);
    console.log('release/mfa-onboard.rb (Homebrew), release/mfa-onboard.json (Scoop)');
  }
  console.log(`${relative(ROOT, OUT)}/SHA256SUMS: ${sums.length} artefacts, ${pkg.version}, Bun ${pkg.devDependencies.bun}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (error) {
    // No half-made release: the folder holds a whole build or nothing.
    if (writing) rmSync(writing, { recursive: true, force: true });
    console.error(`release: ${error.message}`);
    process.exit(1);
  }
}
