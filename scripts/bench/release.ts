/**
 * Release bundle benchmark: packing + hashing artifacts into a bundle, and verifying it,
 * side by side with the plain tools doing the same work.
 *
 *   pack:   proofbook (zip + sha256 of every file, one read)  vs  sha256sum + zip -X -r
 *   verify: proofbook verify (every file against MANIFEST.json)  vs  sha256sum -c
 *
 * Usage: npx tsx scripts/bench/release.ts [--mb 1024] [--files 256] [--runs 3] [--keep]
 * Files are half text logs (compressible), half random bytes; every run reads from the page
 * cache (a warm-up pass reads everything first), so the figures compare CPU work, not disks.
 * Targets: pack ≤ 1.5× the plain tools, verify ≤ 1.2× sha256sum -c.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packBundle } from '../../src/release/pack.ts';
import { verifyBundle } from '../../src/release/verify.ts';
import type { ReleaseInfo } from '../../src/schemas/release.ts';

const { values } = parseArgs({
  options: { mb: { type: 'string', default: '1024' }, files: { type: 'string', default: '256' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } },
});
const totalMb = Number(values.mb);
const fileCount = Number(values.files);
const runs = Number(values.runs);
for (const tool of ['sha256sum', 'zip']) {
  if (spawnSync(tool, ['--version']).error) {
    console.error(`${tool} is not installed; the benchmark compares against it.`);
    process.exit(2);
  }
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'proofbook-bench-'));
const src = path.join(dir, 'artifacts');
mkdirSync(src, { recursive: true });
const perFile = Math.floor((totalMb * 1024 * 1024) / fileCount);
const names: string[] = [];
process.stdout.write(`Generating ${fileCount} files, ${totalMb} MB in ${src} …\n`);
const line = '2026-06-01T02:00:03Z pgbackrest INFO: backup command end: completed successfully (1843s) size=182.4GB repo1\n';
for (let i = 0; i < fileCount; i++) {
  const name = `evidence/files/${i % 2 ? 'export' : 'jobs'}-${String(i).padStart(4, '0')}.${i % 2 ? 'bin' : 'log'}`;
  mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
  const data = i % 2 ? randomBytes(perFile) : Buffer.from(line.repeat(Math.ceil(perFile / line.length)).slice(0, perFile));
  writeFileSync(path.join(src, name), data);
  names.push(name);
}
const bytes = names.reduce((n, f) => n + statSync(path.join(src, f)).size, 0);
// Warm the page cache so every contender reads from memory.
for (const f of names) readFileSync(path.join(src, f));

const time = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
};
const timeAsync = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};
const best = (xs: number[]) => Math.min(...xs);

const INFO: ReleaseInfo = {
  version: '2026.1',
  sequence: 1,
  date: '2026-07-15T09:00:00Z',
  commit: 'a'.repeat(40),
  approver: 'Bench',
  organisation: 'Bench Co',
  asOf: '2026-07-15',
  proofbook: '0.1.0',
  audit: { engine: 'self-audit', errors: 0, warnings: 0 },
};

const ours: number[] = [];
const sums: number[] = [];
const zips: number[] = [];
const stored: number[] = [];
const verifies: number[] = [];
const checks: number[] = [];
const bundle = path.join(dir, 'proofbook-2026.1.zip');
const plainZip = path.join(dir, 'plain.zip');
const sumFile = path.join(dir, 'SHA256SUMS');
let bundleSize = 0;
let plainSize = 0;
for (let r = 0; r < runs; r++) {
  rmSync(bundle, { force: true });
  rmSync(plainZip, { force: true });
  ours.push(
    await timeAsync(async () => {
      const packed = await packBundle({ out: bundle, info: INFO, previous: null, mtime: new Date(INFO.date), inputs: names.map((n) => ({ path: `artifacts/${n}`, file: path.join(src, n), size: statSync(path.join(src, n)).size })) });
      bundleSize = packed.size;
    }),
  );
  sums.push(time(() => writeFileSync(sumFile, execFileSync('sha256sum', names, { cwd: src, maxBuffer: 1 << 26 }))));
  zips.push(time(() => execFileSync('zip', ['-X', '-r', '-q', plainZip, '.'], { cwd: src })));
  plainSize = statSync(plainZip).size;
  rmSync(plainZip, { force: true });
  stored.push(time(() => execFileSync('zip', ['-X', '-r', '-q', '-0', plainZip, '.'], { cwd: src })));
  verifies.push(
    await timeAsync(async () => {
      const report = await verifyBundle(bundle);
      if (!report.ok) throw new Error(`the bench bundle did not verify: ${report.fatal ?? report.issues[0]?.message}`);
    }),
  );
  checks.push(time(() => execFileSync('sha256sum', ['-c', '--quiet', sumFile], { cwd: src })));
}

const mb = bytes / 1024 / 1024;
const plainPack = best(sums) + best(zips);
const packRatio = best(ours) / plainPack;
const verifyRatio = best(verifies) / best(checks);
const row = (label: string, s: number) => `  ${label.padEnd(50)} ${s.toFixed(2).padStart(7)} s  ${(mb / s).toFixed(0).padStart(5)} MB/s`;
console.log(`\n${fileCount} files, ${mb.toFixed(0)} MB (half text logs, half random bytes); best of ${runs} runs; ${os.cpus().length} CPU(s), Node ${process.version}\n`);
console.log('Pack + hash');
console.log(row('proofbook (stored zip + sha256 per file)', best(ours)));
console.log(row('sha256sum', best(sums)));
console.log(row('zip -X -r (deflate)', best(zips)));
console.log(row('sha256sum + zip -X -r', plainPack));
console.log(row('for reference: sha256sum + zip -X -r -0 (stored)', best(sums) + best(stored)));
console.log(`  ratio ${packRatio.toFixed(2)}× (target ≤ 1.5×) ${packRatio <= 1.5 ? 'OK' : 'OVER'}; bundle ${(bundleSize / 1024 / 1024).toFixed(0)} MB, zip -X ${(plainSize / 1024 / 1024).toFixed(0)} MB`);
console.log('\nVerify');
console.log(row('proofbook verify (sha256 per entry, 1 MB reads)', best(verifies)));
console.log(row('sha256sum -c', best(checks)));
console.log(`  ratio ${verifyRatio.toFixed(2)}× (target ≤ 1.2×) ${verifyRatio <= 1.2 ? 'OK' : 'OVER'}`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`\nKept ${dir}`);
