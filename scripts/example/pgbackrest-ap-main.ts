/**
 * Makes the example program's pgBackRest evidence: `pgbackrest info --output=json --stanza=ap-main`
 * on pg-ap-01 as it prints on the evening of 24 November 2026 (after the 19:00 incremental),
 * derived from the job exports of October and November 2026
 * (content/evidence/files/backup-jobs-2026-1{0,1}.log).
 *
 *   node --import tsx scripts/example/pgbackrest-ap-main.ts [--month YYYY-MM] OUT.json
 *
 * Any other month (December 2025 to October 2026) is printed the same way on the evening of its
 * last day (19:40 UTC), or at --at, from that month's export and the one before it. December 2025 has no
 * export before it: the full of 30 November its first sets build on is modelled from its label
 * (start), December's fulls (duration) and the first of them (repository size); it falls outside
 * the month, so no figure counts it.
 *
 * Not made with the pgbackrest binary: `info` only renders the repository's backup.info, which
 * would have to be forged (encrypted, checksummed) for these dates anyway, and Debian's pgbackrest
 * is 2.45 while pg-ap runs 2.54. So this prints what the 2.54 renderer prints
 * (src/command/info/info.c at release/2.54.2): one line of JSON, keys sorted, no newline; per backup
 * set label, type, prior, reference, archive start/stop, backrest format/version, database,
 * info sizes (with repo1-block=y the repository size is given as the block-map sizes), timestamp
 * start/stop, error, lsn.
 *
 * What the repository holds: repo1-retention-full=5 (content/evidence/files/pgbackrest-pg-ap.conf),
 * so after the full of 22 November the oldest set kept is the full of 25 October with everything
 * built on it. Labels, times, types and repository sizes are the export's; the database size, WAL
 * positions and map sizes are made up from a steady model (641 GiB on 17 November, the drill's
 * figure), the same on every run.
 */
import { writeFileSync } from 'node:fs';
import { monthArg, ms, previousMonth, readJobLog, seconds, type JobLine } from './job-log.ts';

const { month, at, rest } = monthArg(process.argv.slice(2));
const out = rest[0];
if (!out) {
  process.stderr.write('usage: node --import tsx scripts/example/pgbackrest-ap-main.ts [--month YYYY-MM [--at YYYY-MM-DDTHH:MM:SSZ]] OUT.json\n');
  process.exit(2);
}
const TAKEN_AT = at;

const STANZA = 'ap-main';
const VERSION = '2.54.2';
const PG_VERSION = '16';
const TIMELINE = 1n;
const SEGMENT = 0x1000000n; // 16 MiB WAL segments
// PostgreSQL's system identifier: initdb time (2024-02-19T10:41:27.318204Z) << 32 | microseconds << 12 | pid & 0xfff.
const SYSTEM_ID = (1708339287n << 32n) | (318204n << 12n) | 0x6e1n;

// A steady database: 641 GiB at the 17 November drill, growing 3.5 kB/s; WAL written at 400 KiB/s.
const DRILL = ms('2026-11-17T12:00:00Z');
const dbSize = (instant: string) => 641 * 1024 ** 3 + Math.round(((ms(instant) - DRILL) / 1000) * 3500);
const WAL_ORIGIN = ms('2026-10-01T00:00:00Z');
const WAL_AT_ORIGIN = 0x4a0n << 32n;
// Before October 2026 the cluster wrote less WAL: 120 KiB/s (so the positions stay positive back to December 2025).
const walRate = (instant: string) => (ms(instant) >= WAL_ORIGIN ? 400 : 120);
const lsnAt = (instant: string) => WAL_AT_ORIGIN + BigInt(Math.round(((ms(instant) - WAL_ORIGIN) / 1000) * walRate(instant) * 1024)) / 8n * 8n;
const hex = (n: bigint, width = 0) => n.toString(16).toUpperCase().padStart(width, '0');
const lsnText = (lsn: bigint) => `${hex(lsn >> 32n)}/${hex(lsn & 0xffffffffn)}`;
const segmentOf = (lsn: bigint) => {
  const segno = lsn / SEGMENT;
  return `${hex(TIMELINE, 8)}${hex(segno / 0x100n, 8)}${hex(segno % 0x100n, 8)}`;
};
/** The backup starts after a WAL switch and a checkpoint: its redo point is the first record of the next segment. */
const startLsn = (instant: string) => (lsnAt(instant) / SEGMENT + 1n) * SEGMENT + 0x28n;
/** Block-map sizes (repo1-block=y): a small share of the data they describe. */
const mapSize = (bytes: number) => Math.round(bytes * 0.0003);

const before = previousMonth(month);
const sets = [...(before ? readJobLog(before) : []), ...readJobLog(month)].filter((j) => j.tool === 'pgbackrest' && j.type === 'BACKUP' && j.state === 'COMPLETED' && j.end <= TAKEN_AT);
// A set whose full precedes every export (December 2025's first sets): the full, modelled from its label.
const firstFull = sets.find((j) => j.fields.type === 'full');
const firstLabel = sets[0]?.id.slice(0, 16);
if (firstFull && firstLabel && !sets.some((j) => j.id === firstLabel)) {
  const fullsSeen = sets.filter((j) => j.fields.type === 'full');
  const duration = [...fullsSeen.map((j) => j.seconds)].sort((a, b) => a - b)[Math.floor(fullsSeen.length / 2)]!;
  const start = `${firstLabel.slice(0, 4)}-${firstLabel.slice(4, 6)}-${firstLabel.slice(6, 8)}T${firstLabel.slice(9, 11)}:${firstLabel.slice(11, 13)}:${firstLabel.slice(13, 15)}Z`;
  const end = new Date(ms(start) + duration * 1000).toISOString().replace('.000Z', 'Z');
  sets.unshift({ ...firstFull, id: firstLabel, start, end, seconds: duration, note: 'type=full', fields: { type: 'full' } });
}
const fulls = sets.filter((j) => j.fields.type === 'full');
const oldestKept = fulls.at(-5)!.id; // repo1-retention-full=5
// pgBackRest lists the sets by label; a full's label sorts before everything built on it.
const kept = sets.filter((j) => j.id.slice(0, 16) >= oldestKept.slice(0, 16)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

interface Chain {
  full: JobLine;
  /** Labels of the sets the next incremental builds on, oldest first. */
  since: string[];
  latest: string;
}
let chain: Chain | undefined;
const backups = kept.map((j) => {
  const type = j.fields.type;
  const repoDelta = j.bytes ?? 0;
  const size = dbSize(j.start);
  let prior: string | null = null;
  let reference: string[] | null = null;
  let delta = size;
  if (type === 'full') {
    chain = { full: j, since: [j.id], latest: j.id };
  } else {
    if (!chain || !j.id.startsWith(chain.full.id)) throw new Error(`${j.id} does not build on the full ${chain?.full.id ?? '(none)'}`);
    const ratio = dbSize(chain.full.start) / (chain.full.bytes ?? 1);
    delta = Math.round(repoDelta * ratio);
    if (type === 'diff') {
      prior = chain.full.id;
      reference = [chain.full.id];
      chain.since = [chain.full.id, j.id];
    } else if (type === 'incr') {
      prior = chain.latest;
      reference = [...chain.since];
      chain.since.push(j.id);
    } else throw new Error(`${j.id}: unknown type ${type}`);
    chain.latest = j.id;
  }
  const lsnStart = startLsn(j.start);
  const lsnStop = lsnAt(j.end);
  return {
    archive: { start: segmentOf(lsnStart), stop: segmentOf(lsnStop) },
    backrest: { format: 5, version: VERSION },
    database: { id: 1, 'repo-key': 1 },
    error: false,
    info: { delta, repository: { delta: repoDelta, 'delta-map': mapSize(delta), 'size-map': mapSize(size) }, size },
    label: j.id,
    lsn: { start: lsnText(lsnStart), stop: lsnText(lsnStop) },
    prior,
    reference,
    timestamp: { start: seconds(j.start), stop: seconds(j.end) },
    type,
  };
});

const info = [
  {
    archive: [{ database: { id: 1, 'repo-key': 1 }, id: `${PG_VERSION}-1`, max: segmentOf(lsnAt(TAKEN_AT)), min: backups[0]!.archive.start }],
    backup: backups,
    cipher: 'aes-256-cbc',
    db: [{ id: 1, 'repo-key': 1, 'system-id': SYSTEM_ID, version: PG_VERSION }],
    name: STANZA,
    repo: [{ cipher: 'aes-256-cbc', key: 1, status: { code: 0, message: 'ok' } }],
    status: { code: 0, lock: { backup: { held: false } }, message: 'ok' },
  },
];

/** JSON as pgBackRest writes it: compact, keys sorted, 64-bit integers exact. */
function render(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(render).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${render(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

writeFileSync(out, render(info));
