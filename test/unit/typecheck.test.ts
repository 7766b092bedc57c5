import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

// `npm test` type-checks here rather than before every test: tsc's 10 to 15 s of CPU then run
// beside the files that wait for TOTP windows instead of ahead of them all.
it('tsc -p . finds no type error in src/, test/ or scripts/', async () => {
  const result = await promisify(execFile)(process.execPath, [TSC, '-p', ROOT, '--pretty', 'false'], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
  // On failure, tsc's own report is the message.
  expect(result.output).toBe('');
  expect(result.code).toBe(0);
}, 120_000);
