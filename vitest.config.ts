import { defineConfig } from 'vitest/config';

// One `npm test` runs everything: unit tests, content corpus, real builds and
// browser tests. Builds and browsers are slow, so the timeouts are generous;
// speed goals live in `npm run bench`, never in tests.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One real build shared by the tests of the built site (tests/quality/).
    globalSetup: ['tests/support/built-site.setup.ts'],
    env: { TZ: 'UTC', LANG: 'en_GB.UTF-8' },
  },
});
