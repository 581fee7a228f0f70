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
    // Test files share their worker's module cache instead of each loading vitest, zod, yaml,
    // playwright-core and the sources anew (about 1 s of CPU per file). Tests keep no global
    // state: CLI output is captured per run (test/helpers/cli.ts) and spies are restored.
    poolOptions: { forks: { isolate: false } },
    maxWorkers: 2,
    minWorkers: 1,
  },
});
