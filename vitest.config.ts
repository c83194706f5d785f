import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests share one built site and one Chromium; run files one at a time there.
    fileParallelism: true,
    // Limits only stop a test that hangs (issue 10): far above what a slow, busy machine needs.
    // Tests over every page set their own, growing with the site (test/helpers/time-budget.ts).
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
