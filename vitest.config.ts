import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The e2e tests poll the page; on a 2-core machine running the whole suite a preview can take seconds.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
  },
});
