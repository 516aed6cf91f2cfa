// Unit tests run in Node with fake-indexeddb; end-to-end tests are Playwright's (tests/e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __BUILD_ID__: JSON.stringify('test') },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['tests/unit/setup.ts'],
    // A few property tests run thousands of cases; keep them from timing out on a busy 2-core CI.
    testTimeout: 30_000,
  },
});
