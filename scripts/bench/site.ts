/**
 * Site build cost per page, side by side with a bare Astro baseline: generates a program
 * with N evidence records, builds its internal portal with `proofbook build`, and builds a
 * plain Astro project with the same number of simple pages (one layout, a table, a paragraph).
 * The difference is what Proofbook adds per page (model, MDX bodies, relations).
 *
 *   npx tsx scripts/bench/site.ts [--evidence 2000] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateProgram } from './program.ts';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { evidence: { type: 'string', default: '2000' }, keep: { type: 'boolean', default: false } } });
const N = Number(values.evidence);

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

function timed(label: string, cmd: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, cmd, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed:\n${r.stdout}\n${r.stderr}`);
  return s;
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
try {
  const content = path.join(work, 'content');
  generateProgram(content, { evidence: N, policies: 50, measures: 40 });
  const out = path.join(work, 'dist');
  const proofbook = timed('proofbook build', [path.join(ROOT, 'scripts', 'proofbook.mjs'), 'build', '--content', content, '--out', out, '--audience', 'internal', '--as-of', '2026-12-15'], ROOT);
  const site = readdirSync(out).includes('internal') ? path.join(out, 'internal') : out;
  const pages = countPages(site);
  baselineProject(baseline, pages);
  const bare = timed('astro build (baseline)', [path.join(ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--silent'], baseline);
  const per = (s: number) => ((s * 1000) / pages).toFixed(2);
  console.log(`Site build, ${N} evidence records → ${pages} pages`);
  console.log(`  (a) bare Astro, ${pages} simple pages      ${bare.toFixed(1).padStart(6)} s  ${per(bare).padStart(6)} ms/page`);
  console.log(`  (b) proofbook build --audience internal ${proofbook.toFixed(1).padStart(6)} s  ${per(proofbook).padStart(6)} ms/page`);
  console.log(`  ratio (b)/(a): ${(proofbook / bare).toFixed(2)} ×`);
} finally {
  rmSync(baseline, { recursive: true, force: true });
  if (values.keep) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
