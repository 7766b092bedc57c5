// Bundles src/ into dist/: a small launcher (bin.js) that hands over a saved session at
// start-up speed, and the whole CLI (main.mjs) with commands and the AWS SDK in chunks loaded
// only when used, so --help never pays for them.
//
// `--if-changed` builds only when dist/ was built from other sources than there are now
// (the tests that run dist/bin.js call it first: test/helpers/built.ts).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** What goes into dist/: the sources, the locked dependencies (bundled), the build settings. */
const INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
/** Where a build notes the inputs it was made from. */
const STAMP = 'dist/.inputs-sha256';

async function inputsHash() {
  const hash = createHash('sha256');
  const files = [];
  for (const input of INPUTS) {
    const entries = await readdir(input, { recursive: true, withFileTypes: true }).catch(() => null);
    if (!entries) files.push(input);
    else for (const entry of entries) if (entry.isFile()) files.push(`${entry.parentPath ?? entry.path}/${entry.name}`);
  }
  for (const file of files.sort()) hash.update(`${file}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

/**
 * A plugin that gives a bundle of `entry` the message catalogs (src/ui/messages/<lang>.ts)
 * with only the ids written in its own code: its other inputs are read for quoted ids.
 * `apart` names languages whose catalog is written beside the bundle instead
 * (dist/<name>-<lang>.js) and loaded on first use: a run in another language never parses it.
 */
async function catalogsCutTo(entry, plugins = [], apart = {}) {
  const CATALOG = /src\/ui\/messages\/(en|ja)\.ts$/;
  const probe = await build({ ...common, entryPoints: [entry], write: false, outdir: 'probe', format: 'cjs', plugins });
  const code = (await Promise.all(Object.keys(probe.metafile.inputs).filter((path) => !CATALOG.test(path) && !path.includes(':')).map((path) => readFile(path, 'utf8')))).join('\n');
  const catalogs = {};
  for (const lang of ['en', 'ja']) {
    const compiled = await build({ entryPoints: [`src/ui/messages/${lang}.ts`], bundle: true, write: false, format: 'esm', platform: 'node', charset: 'utf8' });
    const all = (await import(`data:text/javascript;base64,${Buffer.from(compiled.outputFiles[0].text).toString('base64')}`))[lang];
    catalogs[lang] = Object.fromEntries(Object.entries(all).filter(([id]) => code.includes(`'${id}'`)));
  }
  for (const [lang, name] of Object.entries(apart)) await writeFile(`dist/${name}-${lang}.js`, `"use strict";module.exports=${JSON.stringify(catalogs[lang])};\n`);
  return {
    name: 'catalogs-cut',
    setup(build) {
      build.onResolve({ filter: /^\.\/[a-z]+-(en|ja)\.js$/ }, ({ path }) => ({ path, external: true }));
      build.onLoad({ filter: CATALOG }, ({ path }) => {
        const lang = CATALOG.exec(path)[1];
        if (!apart[lang]) return { contents: `export const ${lang} = ${JSON.stringify(catalogs[lang])};`, loader: 'js' };
        // The catalog as an object that loads the file when first read (a literal path, which
        // a bundler such as Bun follows into the standalone executable).
        const load = `let loaded; const file = () => (loaded ??= require('./${apart[lang]}-${lang}.js'));`;
        const traps = 'get: (_, id) => file()[id], has: (_, id) => id in file(), ownKeys: () => Reflect.ownKeys(file()), getOwnPropertyDescriptor: (_, id) => Reflect.getOwnPropertyDescriptor(file(), id)';
        return { contents: `${load}\nexport const ${lang} = new Proxy({}, { ${traps} });`, loader: 'js' };
      });
    },
  };
}

const inputs = await inputsHash();
if (process.argv.includes('--if-changed') && (await readFile(STAMP, 'utf8').catch(() => '')) === inputs) {
  console.log('dist/: up to date with src/');
  process.exit(0);
}

await rm('dist', { recursive: true, force: true });
// UTF-8 output: the Japanese catalog written with \\u escapes is more than twice its size.
const common = { bundle: true, platform: 'node', target: 'node20', minify: true, metafile: true, charset: 'utf8', logLevel: 'warning' };
// The whole CLI: ES modules (dist/main.mjs), with commands and the AWS SDK in chunks loaded
// only when used.
const whole = await build({
  ...common,
  entryPoints: { main: 'src/main.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  format: 'esm',
  // Prefer the packages' ES modules: the AWS SDK's CommonJS build loses named exports in chunks.
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies inside an ESM bundle call require(): give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
// The launcher, dist/bin.js: one small CommonJS file (Node loads one faster than any ES
// module); it runs fast-session.js and help.js with their code caches, and imports ./main.mjs
// for everything else.
/** The launcher's loads stay loads, of the files built beside it (the whole CLI's ends in .mjs). */
const apart = {
  name: 'built-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(main|help|fast-session|session-reused)\.js$/ }, ({ path }) => ({
      path: path === './main.js' ? './main.mjs' : path,
      external: true,
    }));
  },
};
// The width tables (string-width, get-east-asian-width), which the launcher and help need only
// for text outside ASCII and common Japanese (ui/width.ts requires each on first use), built
// apart, one file each: a file that is not loaded costs nothing, not even its parsing.
const TABLES = { 'string-width': 'width-clusters', 'get-east-asian-width': 'width-code-points' };
const tablesApart = {
  name: 'width-tables-apart',
  setup(build) {
    build.onResolve({ filter: /^(string-width|get-east-asian-width)$/ }, ({ path }) => ({ path: `./${TABLES[path]}.js`, external: true }));
  },
};
const tables = await build({ ...common, entryPoints: Object.fromEntries(Object.entries(TABLES).map(([pkg, name]) => [name, pkg])), outdir: 'dist', format: 'cjs' });
// What --export says as it hands the session over (session-reused.ts) is built apart, one
// CommonJS file loaded only then, with the catalogs cut down to the messages its code names
// (the whole catalogs cost a shell start-up 5–10 ms): credential_process, which the AWS tools
// run before every command, never parses it. Nothing in the launcher itself renders a message
// (its errors are the whole CLI's to word).
const reused = await build({
  ...common,
  entryPoints: { 'session-reused': 'src/session-reused.ts' },
  outdir: 'dist',
  format: 'cjs',
  plugins: [tablesApart, await catalogsCutTo('src/session-reused.ts', [tablesApart])],
});
// Of package.json the launcher needs the version only: the whole object would be built at every start.
const versionOnly = {
  name: 'version-only',
  setup(build) {
    build.onLoad({ filter: /package\.json$/ }, async ({ path }) =>
      path === resolve('package.json') ? { contents: JSON.stringify({ version: JSON.parse(await readFile(path, 'utf8')).version }), loader: 'json' } : undefined,
    );
  },
};
// node:os is a module Node does not start with, and the fast path needs it only for a home
// folder when HOME is unset (credentials/paths.ts): it is required then, not at every start.
const osWhenCalled = {
  name: 'os-when-called',
  setup(build) {
    build.onResolve({ filter: /^node:os$/ }, ({ namespace }) =>
      namespace === 'os-when-called' ? { path: 'node:os', external: true } : { path: 'node:os', namespace: 'os-when-called' },
    );
    build.onLoad({ filter: /.*/, namespace: 'os-when-called' }, () => ({ contents: "export const homedir = () => require('node:os').homedir();", loader: 'js' }));
  },
};
// `session --credential-process` / `--export` with a valid saved session (fast-session.ts).
const fast = await build({ ...common, entryPoints: { 'fast-session': 'src/fast-session.ts' }, outdir: 'dist', format: 'cjs', plugins: [osWhenCalled] });
const launcher = await build({
  ...common,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/bin.js',
  format: 'cjs',
  // The V8 whose code caches these are (made below, by this Node): another V8 compiles as usual.
  define: { __MFA_ONBOARD_CODE_CACHE_V8__: JSON.stringify(process.versions.v8) },
  plugins: [apart, versionOnly],
});
// Help (`--help`, `COMMAND --help`, `help COMMAND`), asked often and only printed: the CLI's
// own main (cli.ts) as one CommonJS file, its commands' code and seams left out (a help
// request loads neither: each is a stub that throws) and the catalogs cut to the ids its code
// names, the Japanese one in a file of its own (dist/help-ja.js), loaded only for help in Japanese.
const helpOnly = {
  name: 'help-only',
  setup(build) {
    build.onResolve({ filter: /^\.\/(deps|commands\/[^/]+)\.js$/ }, ({ path, importer }) =>
      importer.endsWith('src/cli.ts') && !/(\.flags|\/flags|command-word)\.js$/.test(path) ? { path, namespace: 'help-only' } : undefined,
    );
    // Never loaded (bin.js sends only help requests here); a bundler that follows it (Bun) finds it.
    build.onLoad({ filter: /.*/, namespace: 'help-only' }, () => ({ contents: "throw new Error('help.js runs no command');", loader: 'js' }));
  },
};
const help = await build({
  ...common,
  entryPoints: { help: 'src/cli.ts' },
  outdir: 'dist',
  format: 'cjs',
  plugins: [helpOnly, tablesApart, await catalogsCutTo('src/cli.ts', [helpOnly, tablesApart], { ja: 'help' })],
});
// dist/ is CommonJS (bin.js); the whole CLI's files say ES module by their extension.
await writeFile('dist/package.json', '{ "type": "commonjs" }\n');
await makeCodeCaches();
const result = { metafile: { outputs: { ...whole.metafile.outputs, ...launcher.metafile.outputs, ...fast.metafile.outputs, ...reused.metafile.outputs, ...help.metafile.outputs, ...tables.metafile.outputs } } };
await writeFile(STAMP, inputs);
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/: ${(bytes / 1024).toFixed(0)} KiB in ${Object.keys(result.metafile.outputs).length} files, code caches for V8 ${process.versions.v8}`);

/**
 * The code caches of the files the launcher runs at start-up (dist/NAME.js.cache): the launcher
 * run on each path it serves, one after the other, in a throw-away home with a saved session,
 * each run taking the caches so far and adding what it compiled (MFA_ONBOARD_WRITE_CODE_CACHE,
 * which also fails a run whose cache V8 refuses). A last round checks that every cache is taken.
 */
async function makeCodeCaches() {
  const home = await mkdtemp(join(tmpdir(), 'mfa-onboard-build-'));
  try {
    const ends = new Date(Date.now() + 12 * 3600_000).toISOString();
    await mkdir(join(home, '.aws'));
    await writeFile(
      join(home, '.aws', 'credentials'),
      '[alice]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n' +
        `[alice-mfa]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\naws_session_token = FwoGZXIvYXdzEJr\nexpiration = ${ends}\n` +
        'mfa_onboard_source_profile = alice\nmfa_onboard_serial = arn:aws:iam::123456789012:mfa/alice\n',
    );
    await writeFile(join(home, '.aws', 'config'), '[profile alice]\nregion = us-east-1\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n');
    const env = { PATH: process.env.PATH, HOME: home, LANG: 'C.UTF-8', MFA_ONBOARD_WRITE_CODE_CACHE: '1' };
    const paths = [['session', '--profile', 'alice', '--credential-process'], ['session', '--profile', 'alice', '--export', 'sh'], ['--help'], ['session', '--help']];
    for (const round of [1, 2]) {
      for (const args of paths) {
        const run = spawnSync(process.execPath, ['dist/bin.js', ...args], { env, encoding: 'utf8' });
        if (run.status !== 0) throw new Error(`code caches, round ${round}: mfa-onboard ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
      }
    }
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
