import { defineConfig } from 'vitest/config';

/** Tests that run the built CLI (dist/bin.js) rather than calling it in-process. */
const BUILT = [
  'test/e2e/**/*.e2e.test.ts',
  // These two hand the built binary to other tools (credential_process, eval "$(…)").
  'test/integration/session.test.ts',
  'test/integration/other-tools.test.ts',
  // This one waits out the built CLI's default AWS time limits.
  'test/integration/slow-aws.test.ts',
  // `mfa-onboard emulator` as a child process, with the aws CLI and our commands against it.
  'test/integration/emulator.test.ts',
];

export default defineConfig({
  test: {
    restoreMocks: true,
    // Fakes fail loudly in every test: unused scripted answers, unstubbed AWS calls.
    setupFiles: ['test/helpers/setup.ts'],
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
          // CPU-bound: one file per core (the default), and first, so a failure shows early.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          // In-process against moto or the embedded emulator (the built CLI's are e2e's).
          include: ['test/integration/**/*.test.ts'],
          exclude: BUILT,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: BUILT,
          // dist/ built from the sources as they are, before any of these runs.
          globalSetup: ['test/helpers/built.ts'],
          // These mostly wait for TOTP windows and for the CLI in its terminal, each file with
          // its own moto (free port), proxies and sandbox HOME: a worker a file, all at once
          // (eight files today). After the unit group: a project's group has one worker count.
          maxWorkers: 8,
          // Sharing the cores with seven others, a test that starts the python aws CLI three
          // times took 31 s under load (.ci/run): twice the budget here; tests that wait for
          // TOTP windows keep their own.
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
