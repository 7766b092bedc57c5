import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst, WAITING } from './test/helpers/sequencer.js';

/** Tests that run the built CLI (dist/bin.js) rather than calling it in-process. */
const BUILT = [
  'test/e2e/**/*.e2e.test.ts',
  // These two hand the built binary to other tools (credential_process, eval "$(…)").
  'test/integration/session.test.ts',
  'test/integration/other-tools.test.ts',
  // `mfa-onboard emulator` as a child process, with the aws CLI and our commands against it.
  'test/integration/emulator.test.ts',
];

export default defineConfig({
  test: {
    restoreMocks: true,
    // Fakes fail loudly in every test: unused scripted answers, unstubbed AWS calls.
    setupFiles: ['test/helpers/setup.ts'],
    // The three projects run as one group, their files side by side: a file per core, and one
    // more for each of the long files that mostly wait (TOTP windows, the SDK's backoff; they
    // start first), so that the suite takes about as long as its longest file or its CPU time,
    // not their sum. Not more: with ten workers on 2 cores, timed tests missed their limits.
    // (Vitest's own default is cores − 1.) Projects of one group must share the count.
    maxWorkers: availableParallelism() + WAITING,
    // The longest files start first, whatever timings vitest has cached.
    sequence: { sequencer: LongestFirst },
    // End-to-end tests wait for real 30 s TOTP windows.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // In-process against moto or the embedded emulator (the built CLI's are e2e's).
          include: ['test/integration/**/*.test.ts'],
          exclude: BUILT,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: BUILT,
          // dist/ built from the sources as they are, before any of these runs.
          globalSetup: ['test/helpers/built.ts'],
          // Few stories here wait for real TOTP windows (they keep their own time limits);
          // the rest run in-process on the fake clock (test/integration).
        },
      },
    ],
  },
});
