// Bundles src/bin.ts into dist/: one entry, with commands and the AWS SDK in chunks
// loaded only when used, so --help never pays for them.
//
// `--if-changed` builds only when dist/ was built from other sources than there are now
// (the tests that run dist/bin.js call it first: test/helpers/built.ts).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';

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

const inputs = await inputsHash();
if (process.argv.includes('--if-changed') && (await readFile(STAMP, 'utf8').catch(() => '')) === inputs) {
  console.log('dist/: up to date with src/');
  process.exit(0);
}

await rm('dist', { recursive: true, force: true });
const result = await build({
  entryPoints: ['src/bin.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer the packages' ES modules: the AWS SDK's CommonJS build loses named exports in chunks.
  mainFields: ['module', 'main'],
  target: 'node20',
  minify: true,
  metafile: true,
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies inside an ESM bundle call require(): give them one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
await writeFile(STAMP, inputs);
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/: ${(bytes / 1024).toFixed(0)} KiB in ${Object.keys(result.metafile.outputs).length} files`);
