/**
 * Benchmark of `proofbook import restic --dry-run`: generates `restic snapshots --json` with
 * 100,000 snapshots (10 hosts, hourly, restic 0.17 shape with summary, nanosecond times with
 * offsets, one known 30-hour gap per host) and times the real CLI against `jq length` on the same
 * file: wall time and peak RSS (from /usr/bin/time). Target: the import under 5 s, its memory
 * flat in the number of snapshots (it streams them and keeps per-source accumulators).
 *
 *   npx tsx scripts/bench/import.ts [--snapshots 100000] [--hosts 10] [--runs 3] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    snapshots: { type: 'string', default: '100000' },
    hosts: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(values.snapshots);
const HOSTS = Number(values.hosts);
const RUNS = Number(values.runs);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const START = Date.parse('2024-01-01T00:00:00Z');
const HOUR = 3_600_000;

/** Writes the snapshots list the way restic 0.17 prints it (one line, hosts interleaved by time). */
async function generate(file: string): Promise<{ perHost: number; gapFrom: string }> {
  const out = createWriteStream(file);
  const perHost = Math.ceil(N / HOSTS);
  const gapAt = Math.floor(perHost / 2);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('[');
  let n = 0;
  for (let i = 0; i < perHost && n < N; i++) {
    for (let h = 0; h < HOSTS && n < N; h++, n++) {
      // Hour i, except a 30-hour hole after hour gapAt: hours gapAt+1..gapAt+29 are shifted on.
      const ms = START + (i > gapAt ? i + 29 : i) * HOUR + h * 61_000;
      const local = new Date(ms + HOUR).toISOString().replace('Z', '').replace(/\.(\d{3})$/, `.$1${String(n % 1e6).padStart(6, '0')}+01:00`);
      const id = (n.toString(16).padStart(8, '0') + 'a'.repeat(56)).slice(0, 64);
      const snapshot = {
        time: local,
        parent: id,
        tree: 'b'.repeat(64),
        paths: ['/var/lib/postgresql', '/etc'],
        hostname: `host-${String(h).padStart(2, '0')}`,
        username: 'root',
        tags: ['nightly'],
        program_version: 'restic 0.17.3',
        summary: { backup_start: local, backup_end: local, files_new: 3, files_changed: 10, files_unmodified: 12000, dirs_new: 0, dirs_changed: 4, dirs_unmodified: 900, data_blobs: 20, tree_blobs: 5, data_added: 4994478, data_added_packed: 428681, total_files_processed: 12013, total_bytes_processed: 7941120 },
        id,
        short_id: id.slice(0, 8),
      };
      await write(`${n ? ',' : ''}${JSON.stringify(snapshot)}`);
    }
  }
  await write(']\n');
  await new Promise<void>((r) => out.end(() => r()));
  return { perHost, gapFrom: new Date(START + gapAt * HOUR).toISOString() };
}

/** Wall seconds, CPU seconds (user + system: steadier on a busy machine) and peak RSS (MiB), from /usr/bin/time when present. */
function measure(cmd: string[]): { wall: number; cpu?: number; rssMiB?: number; stdout: string } {
  const hasTime = existsSync('/usr/bin/time');
  const argv = hasTime ? ['/usr/bin/time', '-f', 'PROOFBOOK_BENCH %e %M %U %S', ...cmd] : cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26, cwd: ROOT });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /PROOFBOOK_BENCH ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall, ...(m ? { rssMiB: Math.round(Number(m[2]) / 1024), cpu: Number(m[3]) + Number(m[4]) } : {}), stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(path.join(os.tmpdir(), 'proofbook-bench-import-'));
try {
  const file = path.join(dir, 'snapshots.json');
  const { gapFrom } = await generate(file);
  const mb = statSync(file).size / 1024 / 1024;
  console.log(`restic snapshots --json: ${N.toLocaleString('en')} snapshots, ${HOSTS} hosts, ${mb.toFixed(1)} MiB`);
  const importCmd = [process.execPath, path.join(ROOT, 'scripts', 'proofbook.mjs'), 'import', 'restic', file, '--dry-run', '--format', 'json', '--measure', 'msr-nightly', '--content', path.join(ROOT, 'test', 'fixtures', 'minimal')];
  const startup = [process.execPath, path.join(ROOT, 'scripts', 'proofbook.mjs'), '--version'];
  const runs = { import: [] as ReturnType<typeof measure>[], jq: [] as ReturnType<typeof measure>[], startup: [] as ReturnType<typeof measure>[] };
  for (let i = 0; i < RUNS; i++) {
    runs.import.push(measure(importCmd));
    runs.jq.push(measure(['jq', 'length', file]));
    runs.startup.push(measure(startup));
  }
  const figures = JSON.parse(runs.import[0]!.stdout) as { sources: Array<{ source: string; jobs: number; longestGap: { from: string; hours: number } }> };
  const jobs = figures.sources.reduce((a, s) => a + s.jobs, 0);
  if (jobs !== N) throw new Error(`import counted ${jobs} snapshots, expected ${N}`);
  const gap = figures.sources[0]!.longestGap;
  console.log(`  computed: ${figures.sources.length} sources, ${jobs} jobs; host-00 longest gap ${gap.hours} h from ${gap.from} (generated from ${gapFrom})`);
  const row = (label: string, xs: ReturnType<typeof measure>[]) => {
    const rss = xs.map((x) => x.rssMiB).filter((x): x is number => x !== undefined);
    const cpu = xs.map((x) => x.cpu).filter((x): x is number => x !== undefined);
    console.log(`  ${label.padEnd(34)} wall ${median(xs.map((x) => x.wall)).toFixed(2)} s   cpu ${cpu.length ? `${median(cpu).toFixed(2)} s` : 'n/a'}   peak RSS ${rss.length ? `${Math.max(...rss)} MiB` : 'n/a (no /usr/bin/time)'}`);
  };
  row('proofbook import --dry-run', runs.import);
  row('jq length (same file)', runs.jq);
  row('proofbook --version (startup only)', runs.startup);
  const wall = median(runs.import.map((x) => x.wall));
  console.log(`  target: import under 5 s: ${wall < 5 ? 'met' : 'NOT met'} (${wall.toFixed(2)} s, median of ${RUNS})`);
  if (wall >= 5) process.exitCode = 1;
} finally {
  if (values.keep) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
