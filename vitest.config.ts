import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    restoreMocks: true,
    // Fakes fail loudly in every test: unused scripted answers, unstubbed AWS calls.
    setupFiles: ['test/helpers/setup.ts'],
    // End-to-end tests wait for real 30 s TOTP windows.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
