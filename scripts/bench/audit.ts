/**
 * Benchmark of `proofbook audit` against the floor: generates a program with 10,000 evidence
 * records (each with a small artifact), 500 policies and 250 measures into a temp folder, then
 * times (a) a bare script that only reads the same files and YAML-parses the frontmatter and
 * (b) buildModel + runAudit (validation, linking, hashing every artifact, every rule including
 * the secret scan). Target: (b) under 1.5 × (a).
 *
 *   npx tsx scripts/bench/audit.ts [--evidence 10000] [--policies 500] [--runs 5] [--keep]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { runAudit } from '../../src/audit/run.ts';
import { buildModel } from '../../src/model/build.ts';
import { addDays } from '../../src/time/dates.ts';

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

const AREAS = ['policy-planning', 'backup-security', 'access-control', 'running-backups', 'isolation', 'restore-testing', 'data-integrity', 'retention-deletion'];
const SOC2 = ['A1.1', 'A1.2', 'A1.3', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.6', 'CC6.7', 'CC7.1', 'CC7.2', 'C1.1', 'C1.2', 'PI1.5', 'P4.2'];
const ISO = ['A.5.1', 'A.5.30', 'A.8.3', 'A.8.5', 'A.8.10', 'A.8.13', 'A.8.24', 'A.5.33'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'continuous', 'on-event'];
const pick = <T>(list: T[], i: number) => list[i % list.length]!;
const pad = (n: number, w = 5) => String(n).padStart(w, '0');

function generate(root: string): void {
  for (const d of ['policies', 'measures', 'evidence/files']) mkdirSync(path.join(root, d), { recursive: true });
  writeFileSync(path.join(root, 'proofbook.yaml'), 'organisation:\n  name: Bench Co\nframeworks: [soc2, iso27001]\nobservationPeriod: { start: 2026-01-01, end: 2026-12-31 }\n');
  for (let p = 0; p < N_POLICIES; p++) {
    writeFileSync(
      path.join(root, 'policies', `pol-${pad(p, 3)}.mdx`),
      `---\nid: pol-${pad(p, 3)}\ntitle: Policy ${p}\nversion: "1.${p % 7}"\nstatus: approved\nowner: Head of Infrastructure\napprovals:\n  - name: Ada Lovelace\n    role: CTO\n    date: 2026-01-05\neffective: 2026-01-05\nreviewInterval: P1Y\nlastReviewed: 2026-06-01\ncontrols:\n  soc2: [${pick(SOC2, p)}]\n  iso27001: [${pick(ISO, p)}]\n---\n\n## Purpose\n\nPolicy ${p} sets how backups are taken, protected and restored. The password policy is in the access policy.\n`,
    );
  }
  // Each measure implements two policies; every policy is implemented by some measure.
  const evidenceOf: string[][] = Array.from({ length: N_MEASURES }, () => []);
  for (let e = 0; e < N_EVIDENCE; e++) evidenceOf[e % N_MEASURES]!.push(`ev-${pad(e)}`);
  for (let m = 0; m < N_MEASURES; m++) {
    const policies = [`pol-${pad((2 * m) % N_POLICIES, 3)}`, `pol-${pad((2 * m + 1) % N_POLICIES, 3)}`];
    writeFileSync(
      path.join(root, 'measures', `msr-${pad(m, 3)}.mdx`),
      `---\nid: msr-${pad(m, 3)}\narea: ${pick(AREAS, m)}\ntitle: Measure ${m}\nowner: SRE lead\nfrequency: ${pick(FREQUENCIES, m)}\nautomation: automated\ncontrols:\n  soc2: [${pick(SOC2, m)}, ${pick(SOC2, m + 3)}]\n  iso27001: [${pick(ISO, m)}]\npolicies: [${policies.join(', ')}]\ntargets: { rpo: PT24H, rto: PT4H }\n---\nWhat the measure does, in a paragraph.\n`,
    );
  }
  // Evidence spread over the year; each measure's items cover its intervals.
  for (let e = 0; e < N_EVIDENCE; e++) {
    const id = `ev-${pad(e)}`;
    const m = e % N_MEASURES;
    const slot = Math.floor(e / N_MEASURES); // 0..39 per measure
    const start = addDays('2026-01-01', Math.floor((slot * 365) / Math.ceil(N_EVIDENCE / N_MEASURES)));
    const end = addDays(start, 9);
    const restore = e % 10 === 0;
    const artifact = `evidence/files/${id}.log`;
    const text = Array.from({ length: 12 }, (_, i) => `${start}T0${i % 10}:00:00Z job ${id} step ${i} ok, 1${i} GB, checksum verified`).join('\n') + '\n';
    writeFileSync(path.join(root, artifact), text);
    const sha = createHash('sha256').update(text).digest('hex');
    writeFileSync(
      path.join(root, 'evidence', `${id}.md`),
      `---\nid: ${id}\ntitle: Evidence ${e}\nkind: ${restore ? 'restore-test' : 'log'}\ncollected: ${end}\nperiod: { start: ${start}, end: ${end} }\nsource: pgBackRest 2.54 on backup-01\ncollectedBy: SRE on duty\nvalidFor: P1Y\nartifacts:\n  - path: ${artifact}\n    sha256: ${sha}\nsupports:\n  measures: [msr-${pad(m, 3)}]\n  controls:\n    soc2: [${pick(SOC2, m)}]\n${restore ? 'restoreTest: { outcome: success, duration: PT2H, dataLoss: PT1H }\n' : 'backupJobs: { runs: 10, failed: 0, longestGap: PT20H }\n'}---\nExported from the job history on ${end}; reviewed by the SRE lead.\n`,
    );
  }
}

/** The floor: read every file the audit reads and YAML-parse the frontmatter and config, nothing else. */
function bare(root: string): number {
  let parsed = 0;
  const fence = /^---\r?\n([\s\S]*?)\r?\n---/;
  parseYaml(readFileSync(path.join(root, 'proofbook.yaml'), 'utf8'));
  for (const dir of ['policies', 'measures', 'evidence']) {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      if (!/\.mdx?$/.test(entry.name)) continue; // artifacts: read only
      const m = fence.exec(text);
      if (m) parsed += parseYaml(m[1]!) ? 1 : 0;
    }
  }
  return parsed;
}

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
