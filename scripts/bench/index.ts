/**
 * `npm run bench`: every benchmark in one run, each side by side with its baseline.
 *   npm run bench              full sizes (10k evidence audit, 1 GB bundle, 2,000-evidence site, 100k-snapshot import)
 *   npm run bench -- --quick   small sizes, for a quick look
 *   npm run bench -- --size M  the site benchmark at size M (5,000 evidence) or L (20,000)
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, size: { type: 'string' } } });
const q = values.quick;

const benches: Array<[string, string[]]> = [
  ['Self-audit vs bare read + YAML parse', ['audit.ts', ...(q ? ['--evidence', '1000', '--policies', '50', '--measures', '25', '--runs', '3'] : [])]],
  ['Release bundle: pack + hash, verify', ['release.ts', ...(q ? ['--mb', '64', '--files', '32', '--runs', '2'] : [])]],
  ['Site build per audience vs bare Astro + pagefind', ['site.ts', ...(q ? ['--size', 'XS', '--evidence', '300'] : ['--size', values.size ?? 'S'])]],
  ['Import 100,000 restic snapshots vs jq', ['import.ts', ...(q ? ['--snapshots', '10000', '--runs', '1'] : [])]],
];

let failed = 0;
for (const [title, [file, ...args]] of benches) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file!), ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
