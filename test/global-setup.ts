import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { runCli } from './helpers/cli.ts';
import { EXAMPLE_AS_OF, EXAMPLE_DIST, TMP } from './helpers/paths.ts';

/**
 * Builds the example program's portal once, through the real CLI, for every test that
 * inspects built pages. A failed build fails the whole run with the CLI's own message.
 */
export default function setup() {
  // For quick unit-only runs: PROOFBOOK_SKIP_SITE_BUILD=1 npx vitest run test/unit
  if (process.env.PROOFBOOK_SKIP_SITE_BUILD) return;
  mkdirSync(TMP, { recursive: true });
  rmSync(EXAMPLE_DIST, { recursive: true, force: true });
  const r = runCli(['build', '--out', EXAMPLE_DIST, '--as-of', EXAMPLE_AS_OF]);
  if (r.code !== 0 || !existsSync(EXAMPLE_DIST)) throw new Error(`example build failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
}
