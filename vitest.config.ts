import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test/.tmp/results.json' }]],
    // Builds the example site(s) once for every test file (see test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // A backstop only: every browser step and command has its own limit that names what it
    // awaited (test/helpers/browser.ts, cli.ts). A whole test may take longer on a loaded machine.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
  },
});
