/**
 * Benchmark of `proofbook audit` against the floor: generates a program with 10,000 evidence
 * records (each with a small artifact), 500 policies and 250 measures into a temp folder, then
 * times (a) a bare script that only reads the same files and YAML-parses the frontmatter and
 * (b) buildModel + runAudit (validation, linking, hashing every artifact, every rule including
 * the secret scan). Target: (b) under 1.5 × (a).
 *
 *   npx tsx scripts/bench/audit.ts [--evidence 10000] [--policies 500] [--runs 5] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runAudit } from '../../src/audit/run.ts';
import { buildModel } from '../../src/model/build.ts';
import { bareRead } from './bare-read.mjs';
import { generateProgram } from './program.ts';

const { values } = parseArgs({
  options: {
    evidence: { type: 'string', default: '10000' },
    policies: { type: 'string', default: '500' },
    measures: { type: 'string', default: '250' },
    runs: { type: 'string', default: '5' },
    keep: { type: 'boolean', default: false },
  },
});
const N_EVIDENCE = Number(values.evidence);
const N_POLICIES = Number(values.policies);
const N_MEASURES = Number(values.measures);
const RUNS = Number(values.runs);

const generate = (root: string) => generateProgram(root, { evidence: N_EVIDENCE, policies: N_POLICIES, measures: N_MEASURES });

const bare = bareRead;

function audit(root: string): number {
  const result = buildModel({ contentDir: root, asOf: '2026-12-15' });
  const report = runAudit(result, { contentDir: root });
  return report.findings.length;
}

/** Wall-clock and CPU time (user + system) of one call, in ms: CPU time is steadier on a busy machine. */
function time(fn: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const t = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const root = mkdtempSync(path.join(os.tmpdir(), 'proofbook-bench-'));
try {
  let t = performance.now();
  generate(root);
  console.log(`Generated ${N_EVIDENCE} evidence records (+${N_EVIDENCE} artifacts), ${N_POLICIES} policies and ${N_MEASURES} measures in ${root} (${((performance.now() - t) / 1000).toFixed(1)} s).`);
  t = performance.now();
  const findings = audit(root);
  console.log(`Warm-up audit: ${findings} findings in ${((performance.now() - t) / 1000).toFixed(2)} s; bare read+parse of ${bare(root)} files.`);
  const a: Array<{ wall: number; cpu: number }> = [];
  const b: Array<{ wall: number; cpu: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(time(() => bare(root)));
    b.push(time(() => audit(root)));
  }
  const row = (label: string, xs: Array<{ wall: number; cpu: number }>) =>
    `${label}  wall median ${median(xs.map((x) => x.wall)).toFixed(0).padStart(5)} ms  cpu median ${median(xs.map((x) => x.cpu)).toFixed(0).padStart(5)} ms   (wall: ${xs.map((x) => x.wall.toFixed(0)).join(', ')})`;
  console.log(`\n${row('(a) bare read + YAML parse', a)}\n${row('(b) buildModel + runAudit ', b)}`);
  const wall = median(b.map((x) => x.wall)) / median(a.map((x) => x.wall));
  const cpu = median(b.map((x) => x.cpu)) / median(a.map((x) => x.cpu));
  console.log(`ratio (b)/(a): ${wall.toFixed(2)} × wall clock, ${cpu.toFixed(2)} × CPU time (target < 1.5 ×)`);
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
