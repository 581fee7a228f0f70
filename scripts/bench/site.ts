/**
 * Site build cost, per audience and in total, side by side with its floors (issue 8):
 * generates a program of a named size, then measures under /usr/bin/time (wall, CPU, peak RSS):
 *   - `proofbook build` of all four audiences in one process (per-audience wall from its log),
 *     first from no caches, then again with the caches the runs before it warmed;
 *   - the internal portal alone, and the public trust center alone;
 *   - the public trust center of the 500-evidence program (the trust center must not grow
 *     with evidence it does not show);
 *   - the floor: a bare Astro project with the internal portal's page count, plus pagefind
 *     on its output;
 *   - `proofbook check` against a bare read + YAML parse of the same files, on its first run
 *     (no YAML cache) and its next (src/content/yaml-cache.ts).
 * Prints each target of issue 8 with its ratio.
 *
 *   npx tsx scripts/bench/site.ts [--size XS|S|M|L] [--evidence N] [--keep]
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measured, usageRow, type Usage } from './measure.ts';
import { generateProgram, SIZES, type SizeName } from './program.ts';
import { YamlCache } from '../../src/content/yaml-cache.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { size: { type: 'string', default: 'S' }, evidence: { type: 'string' }, keep: { type: 'boolean', default: false } } });
if (!(values.size! in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const SIZE = { ...SIZES[values.size as SizeName], ...(values.evidence ? { evidence: Number(values.evidence) } : {}) };
const CLI = path.join(ROOT, 'scripts', 'proofbook.mjs');
const AS_OF = '2026-12-15';

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

const build = (label: string, content: string, out: string, audience: string) =>
  measured(label, [process.execPath, CLI, 'build', '--content', content, '--out', out, '--audience', audience, '--as-of', AS_OF], ROOT);

/** Per-audience wall times from the CLI's "✓ Built the … in 12.3 s." lines. */
function perAudience(stdout: string): Array<[string, number]> {
  return [...stdout.matchAll(/✓ Built the (.+?) for .* into .*\/(\w+)\/ \((\d+) pages\) in ([\d.]+) s\./g)].map((m) => [`${m[2]} (${m[3]} pages)`, Number(m[4])]);
}

/** A bare Astro project with `pages` static pages of about the same shape as a portal page. */
function baselineProject(dir: string, pages: number): void {
  mkdirSync(path.join(dir, 'src', 'pages', 'p'), { recursive: true });
  writeFileSync(path.join(dir, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', trailingSlash: 'always' });\n");
  writeFileSync(
    path.join(dir, 'src', 'pages', 'p', '[n].astro'),
    `---
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } }));
}
const { n } = Astro.params;
const rows = Array.from({ length: 10 }, (_, i) => ({ id: \`row-\${i}\`, title: \`Row \${i} of page \${n}\` }));
---
<html lang="en"><head><meta charset="utf-8" /><title>Page {n}</title></head>
<body><header><a href="/">Home</a></header><nav><ul>{rows.map((r) => <li><a href={\`/p/\${r.id}/\`}>{r.title}</a></li>)}</ul></nav>
<main><h1>Page {n}</h1><p>Evidence exported from the job history; reviewed by the SRE lead.</p>
<table>{rows.map((r) => <tr><th>{r.id}</th><td>{r.title}</td></tr>)}</table></main></body></html>
`,
  );
}

const work = mkdtempSync(path.join(os.tmpdir(), 'proofbook-site-bench-'));
// The baseline lives inside the repo so it resolves the same installed Astro.
const baseline = path.join(ROOT, 'node_modules', '.proofbook', `bench-baseline-${process.pid}`);
// Wall clock and CPU time: builds wait for a lock shared by every checkout on the machine, so
// on a busy machine CPU time is the steadier figure.
const ratio = (label: string, a: Usage, b: Usage, target: string) =>
  console.log(`  ${label.padEnd(52)} ${(a.wall / b.wall).toFixed(2)} × wall, ${(a.cpu / b.cpu).toFixed(2)} × CPU (target ${target})`);
try {
  const content = path.join(work, 'content');
  const small = path.join(work, 'content-xs');
  generateProgram(content, SIZE);
  generateProgram(small, SIZES.XS);
  console.log(`Program: ${SIZE.evidence} evidence, ${SIZE.policies} policies, ${SIZE.measures} measures`);
  const all = build('build --audience all', content, path.join(work, 'all'), 'all');
  const internal = build('build --audience internal', content, path.join(work, 'internal'), 'internal');
  const pub = build('build --audience public', content, path.join(work, 'public'), 'public');
  // The first build above started from no caches (Astro's content cache, the parsed YAML); the
  // portal alone then found both warm. The ratio compares like with like: all four again, warm.
  const allNext = build('build --audience all (next build)', content, path.join(work, 'all-next'), 'all');
  // Every run above after the first finds the program's parsed YAML cached (src/content/yaml-cache.ts), as
  // on an author's machine: the small program gets the same, so the two trust centers compare alike.
  measured('check (XS, warms its YAML cache)', [process.execPath, CLI, 'check', '--content', small, '--as-of', AS_OF], ROOT);
  const pubSmall = build('build --audience public (XS)', small, path.join(work, 'public-xs'), 'public');
  const pages = countPages(path.join(work, 'internal', 'internal'));
  baselineProject(baseline, pages);
  const bare = measured('astro build (baseline)', [process.execPath, path.join(ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--silent'], baseline);
  const find = measured('pagefind (baseline)', [process.execPath, path.join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', path.join(baseline, 'dist')], baseline);
  const floor: Usage = { wall: bare.wall + find.wall, cpu: bare.cpu + find.cpu, rss: Math.max(bare.rss, find.rss), stdout: '' };
  const checkArgs = [process.execPath, CLI, 'check', '--content', content, '--as-of', AS_OF];
  rmSync(YamlCache.fileFor(content), { force: true });
  const coldCheck = measured('proofbook check, no YAML cache', checkArgs, ROOT);
  const check = measured('proofbook check', checkArgs, ROOT);
  const read = measured('bare read + YAML parse', [process.execPath, path.join(ROOT, 'scripts', 'bench', 'bare-read.mjs'), content], ROOT);

  for (const [title, run] of [['first build, no caches', all], ['next build, caches warm', allNext]] as const) {
    console.log(`\nproofbook build, all four audiences in one process: ${title}`);
    for (const [audience, s] of perAudience(run.stdout)) console.log(`  ${audience.padEnd(44)} wall ${s.toFixed(1).padStart(6)} s`);
    console.log(usageRow('total', run));
  }
  console.log(`\nAlone`);
  console.log(usageRow(`internal portal (${pages} pages)`, internal));
  console.log(usageRow('public trust center', pub));
  console.log(usageRow(`public trust center, ${SIZES.XS.evidence} evidence`, pubSmall));
  console.log(`\nFloors`);
  console.log(usageRow(`bare Astro, ${pages} pages`, bare));
  console.log(usageRow('pagefind on its output', find));
  console.log(usageRow('bare Astro + pagefind', floor));
  console.log(usageRow('proofbook check, first run (no YAML cache)', coldCheck));
  console.log(usageRow('proofbook check, next run', check));
  console.log(usageRow('bare read + YAML parse', read));
  console.log(`\nTargets`);
  ratio('internal portal / (bare Astro + pagefind)', internal, floor, '≤ 1.5 × at 2,000 evidence');
  ratio('all four audiences / internal portal alone', allNext, internal, '≤ 1.3 ×');
  ratio('  the same, first build of all four (no caches)', all, internal, '≤ 1.3 ×');
  ratio(`public trust center / same at ${SIZES.XS.evidence} evidence`, pub, pubSmall, '≤ 1.3 × at 20,000 evidence');
  ratio('proofbook check / bare read + YAML parse', check, read, '≤ 1.5 ×');
  ratio('  the same, first run (no YAML cache)', coldCheck, read, '≤ 1.5 ×');
  console.log(`  peak RSS of the whole build: ${Math.max(all.rss, allNext.rss).toFixed(0)} MB (target ≤ 2,048 MB at 20,000 evidence)`);
} finally {
  rmSync(baseline, { recursive: true, force: true });
  for (const dir of ['content', 'content-xs']) rmSync(YamlCache.fileFor(path.join(work, dir)), { force: true });
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
