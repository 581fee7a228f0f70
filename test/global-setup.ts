import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliAsync } from './helpers/cli.ts';
import { prepareReleases } from './release/fixtures.ts';
import { AUDIENCE_AS_OF, AUDIENCE_FIXTURE, AUDIENCE_OUT, EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_DIST, EXAMPLE_OUT, EXAMPLE_PUBLIC, FAILING_CONTENT, FAILING_PUBLIC, HOSTILE_FIXTURE, HOSTILE_OUT, ROOT, TMP } from './helpers/paths.ts';

/**
 * Builds the sites the tests inspect once, through the real CLI: the example program's
 * internal portal and public trust center, the canary program's public and customer trust
 * centers (test/audience), the failing-audit and hostile programs' trust centers, and the
 * release tests' releases (test/release/fixtures.ts), all side by side. A failed site build
 * fails the whole run with the CLI's own message; a failed release fails its own tests.
 */
export default async function setup() {
  // For quick unit-only runs: PROOFBOOK_SKIP_SITE_BUILD=1 npx vitest run test/unit
  if (process.env.PROOFBOOK_SKIP_SITE_BUILD) return;
  // Scratch folders from earlier runs go first, so test/.tmp never grows without bound.
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  rmSync(EXAMPLE_OUT, { recursive: true, force: true });
  rmSync(AUDIENCE_OUT, { recursive: true, force: true });
  // The example with a failing self-audit but every control still evidenced: the trust center
  // must not claim full coverage (test/trust/status.test.ts). The Backup Policy's last review
  // moves back a year, so the review is overdue: an error-level finding on its controls.
  cpSync(EXAMPLE_CONTENT, FAILING_CONTENT, { recursive: true });
  const policy = path.join(FAILING_CONTENT, 'policies', 'backup.mdx');
  const text = readFileSync(policy, 'utf8');
  if (!text.includes('lastReviewed: 2025-12-04')) throw new Error('failing fixture: policies/backup.mdx no longer has lastReviewed: 2025-12-04; update test/global-setup.ts');
  writeFileSync(policy, text.replace('lastReviewed: 2025-12-04', 'lastReviewed: 2024-11-01').replace('effective: 2025-12-04', 'effective: 2024-11-01'));
  // Each build has its own Astro root (src/site/build-site.ts), so all run side by side. The
  // releases are a chain of three Astro builds, the longest path: the site builds give way to it.
  const builds: Array<[string, string[]]> = [
    ['example', ['build', '--audience', 'internal', '--audience', 'public', '--out', EXAMPLE_OUT, '--as-of', EXAMPLE_AS_OF]],
    // A relative --out, as `npm run build` gives: the public trust center is reported while the
    // customer one builds, with Astro's build root as the process's working folder.
    ['canary', ['build', '--content', AUDIENCE_FIXTURE, '--audience', 'public,customer', '--out', path.relative(ROOT, AUDIENCE_OUT), '--as-of', AUDIENCE_AS_OF]],
    ['failing-audit', ['build', '--content', FAILING_CONTENT, '--audience', 'public', '--out', path.dirname(FAILING_PUBLIC), '--as-of', EXAMPLE_AS_OF]],
    ['hostile', ['build', '--content', HOSTILE_FIXTURE, '--audience', 'public,customer', '--out', HOSTILE_OUT, '--as-of', '2026-07-10']],
  ];
  const [results] = await Promise.all([Promise.all(builds.map(([, args]) => runCliAsync(args, { background: true }))), prepareReleases()]);
  const failed = results.flatMap((r, i) => (r.code === 0 ? [] : [`${builds[i]![0]} build failed (exit ${r.code}):\n${r.stdout}\n${r.stderr}`]));
  if (failed.length) throw new Error(failed.join('\n\n'));
  // What each build said, for tests about the CLI's report (test/site/search-index.test.ts).
  for (const [i, [name]] of builds.entries()) writeFileSync(path.join(TMP, `${name}-build.log`), results[i]!.stdout);
  if (!existsSync(EXAMPLE_DIST) || !existsSync(EXAMPLE_PUBLIC)) throw new Error(`example build wrote no site to ${EXAMPLE_OUT}`);
}
