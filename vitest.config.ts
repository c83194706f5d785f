import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests share one built site and one Chromium; run files one at a time there.
    fileParallelism: true,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
