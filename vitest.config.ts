import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The fast tier (`npm run test:unit`): the tests of shared/ and of the store — no Chromium, no spawned
 * process, no kill or fuzz run, no bench (test/tiers.test.ts holds them to that). A test is in a tier by the
 * folder it lives in, as test folders mirror the source folders; every other test is the integration tier.
 * `vitest run` (and `npm test`) runs both.
 */
export const UNIT_TESTS = ['test/shared/**/*.test.ts', 'test/electron/store/**/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The e2e tests poll the page; on a 2-core machine running the whole suite a preview can take seconds.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT_TESTS } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...UNIT_TESTS],
        },
      },
    ],
  },
});
