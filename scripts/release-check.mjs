// `npm run release:check`: the end-to-end stories on the standalone executable for this
// machine (linux-x64 here), as the release ships it: compiles it (scripts/release.mjs
// --target linux-x64), then runs the e2e project with MFA_ONBOARD_BIN naming it
// (test/helpers/built.ts). Extra arguments go to vitest (a file, -t NAME).
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const target = 'linux-x64';
if (`${process.platform}-${process.arch}` !== target) {
  console.error(`release:check runs the ${target} executable; this machine is ${process.platform}-${process.arch}.`);
  process.exit(1);
}
execFileSync(process.execPath, ['scripts/release.mjs', '--target', target], { cwd: ROOT, stdio: 'inherit' });
const bin = resolve(ROOT, 'build/standalone', target, 'mfa-onboard');
const vitest = resolve(ROOT, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'e2e', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, MFA_ONBOARD_BIN: bin },
});
process.exit(result.status ?? 1);
