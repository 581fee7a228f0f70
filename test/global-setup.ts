import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { runCli, runCliAsync } from './helpers/cli.ts';
import { AUDIENCE_AS_OF, AUDIENCE_FIXTURE, AUDIENCE_OUT, HOSTILE_FIXTURE, HOSTILE_OUT, EXAMPLE_AS_OF, EXAMPLE_DIST, EXAMPLE_OUT, EXAMPLE_PUBLIC, TMP } from './helpers/paths.ts';

/**
 * Builds the sites the tests inspect once, through the real CLI: the example program's
 * internal portal and public trust center, and the canary program's public and customer
 * trust centers (test/audience). A failed build fails the whole run with the CLI's own message.
 */
export default async function setup() {
  // For quick unit-only runs: PROOFBOOK_SKIP_SITE_BUILD=1 npx vitest run test/unit
  if (process.env.PROOFBOOK_SKIP_SITE_BUILD) return;
  // Scratch folders from earlier runs go first, so test/.tmp never grows without bound.
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  rmSync(EXAMPLE_OUT, { recursive: true, force: true });
  const r = runCli(['build', '--audience', 'internal', '--audience', 'public', '--out', EXAMPLE_OUT, '--as-of', EXAMPLE_AS_OF]);
  if (r.code !== 0 || !existsSync(EXAMPLE_DIST) || !existsSync(EXAMPLE_PUBLIC)) throw new Error(`example build failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  rmSync(AUDIENCE_OUT, { recursive: true, force: true });
  const a = runCli(['build', '--content', AUDIENCE_FIXTURE, '--audience', 'public,customer', '--out', AUDIENCE_OUT, '--as-of', AUDIENCE_AS_OF]);
  if (a.code !== 0) throw new Error(`canary build failed (exit ${a.code}):\n${a.stdout}\n${a.stderr}`);
  const h = await runCliAsync(['build', '--content', HOSTILE_FIXTURE, '--audience', 'public,customer', '--out', HOSTILE_OUT, '--as-of', '2026-07-10']);
  if (h.code !== 0) throw new Error(`hostile build failed (exit ${h.code}):\n${h.stdout}\n${h.stderr}`);
}
