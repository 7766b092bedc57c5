import { defineConfig } from 'vitest/config';
import { WaitersFirst } from './test/helpers/sequencer.js';

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
    // One test file per core. (Vitest's own default is cores − 1: one file at a time on the
    // 2-core machines CI runs on.) Projects of one group must share the count.
    maxWorkers: '100%',
    // Files that mostly wait start first, whatever timings vitest has cached.
    sequence: { sequencer: WaitersFirst },
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
          // CPU-bound, and first, so a failure shows early.
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
          // Each file starts its own moto (free port), proxies, sandbox HOME and the CLI in a
          // pty: CPU-bound at start-up, so one file per core, like the unit group.
          // Few stories here wait for real TOTP windows (they keep their own time limits);
          // the rest run in-process on the fake clock (test/integration).
          // Most of an e2e file's time is spent waiting for TOTP windows, not on a core: two
          // files a core keeps the cores busy while the waiting files wait.
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
