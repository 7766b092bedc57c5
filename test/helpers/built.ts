import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The built CLI, as a user runs it. */
export const BUILT_BIN = resolve(ROOT, 'dist/bin.js');

/**
 * globalSetup of the tests that run dist/bin.js: builds dist/ first when it was built from
 * other sources than there are now (a hash of the inputs, not timestamps: a checkout or a
 * stash changes files without making dist/ look old), so they never test a stale build.
 * A build that fails stops the run, with esbuild's message.
 */
export default function buildIfChanged(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: ROOT, stdio: 'inherit' });
}
