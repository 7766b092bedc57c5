// Compiles the TypeScript benchmark (it reuses the test rig: pty screen, QR-reading phone,
// moto) and runs it. `npm run bench` builds dist/ first.
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/bench.ts'],
  outfile: '.bench/bench.mjs',
  bundle: true,
  packages: 'external',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
await import(new URL('../.bench/bench.mjs', import.meta.url).href);
