import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The built CLI, as a user runs it. */
export const BUILT_BIN = resolve(ROOT, 'dist/bin.js');

/**
 * The standalone executable to test instead of dist/bin.js, when MFA_ONBOARD_BIN names one
 * (`npm run release:check`, and CI): the same stories, run on what the release ships.
 */
const STANDALONE = process.env.MFA_ONBOARD_BIN ? resolve(process.env.MFA_ONBOARD_BIN) : undefined;

/** The command that runs the CLI under test: the program, then the arguments before the CLI's own. */
export const CLI: readonly [string, ...string[]] = STANDALONE ? [STANDALONE] : [process.execPath, BUILT_BIN];

/** The same command as shell words (for credential_process lines, `eval "$(…)"`): paths with no spaces. */
export const CLI_LINE = CLI.join(' ');

/**
 * globalSetup of the tests that run dist/bin.js: builds dist/ first when it was built from
 * other sources than there are now (a hash of the inputs, not timestamps: a checkout or a
 * stash changes files without making dist/ look old), so they never test a stale build.
 * A build that fails stops the run, with esbuild's message. With MFA_ONBOARD_BIN, it only
 * checks that the executable is there.
 */
export default function buildIfChanged(): void {
  if (STANDALONE) {
    // Nothing to build: the executable is tested as it is, and must be one.
    accessSync(STANDALONE, constants.X_OK);
    return;
  }
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-changed'], { cwd: ROOT, stdio: 'inherit' });
}
