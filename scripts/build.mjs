// Bundles src/bin.ts into dist/: one entry, with commands and the AWS SDK in chunks
// loaded only when used, so --help never pays for them.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

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
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`dist/: ${(bytes / 1024).toFixed(0)} KiB in ${Object.keys(result.metafile.outputs).length} files`);
