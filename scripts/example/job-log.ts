/**
 * The example program's monthly job exports (content/evidence/files/backup-jobs-YYYY-MM.log),
 * read for the scripts that derive each backup tool's own output from them. One line per job:
 *
 *   start_utc end_utc tool stream type job_id state dur_s bytes note…
 *
 * Everything here is deterministic: the same export gives the same bytes, on any machine, any day.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface JobLine {
  start: string;
  end: string;
  tool: string;
  stream: string;
  type: string;
  id: string;
  state: string;
  seconds: number;
  /** BackupSizeInBytes (AWS Backup), the repository size (pgBackRest), data_added (restic); null for "-". */
  bytes: number | null;
  /** The note column as written. */
  note: string;
  /** key=value words of the note (type=full, items=1836, validation=SUCCESSFUL, …). */
  fields: Record<string, string>;
}

const LINE = /^(\S+Z) (\S+Z) (\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(\S+)\s*(.*)$/;

/** The job lines of one month's export, in the order written (by start time). */
export function readJobLog(month: string): JobLine[] {
  const file = path.join(ROOT, 'content', 'evidence', 'files', `backup-jobs-${month}.log`);
  const out: JobLine[] = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (!raw || raw.startsWith('#')) continue;
    const m = LINE.exec(raw);
    if (!m) throw new Error(`${file}: cannot read the job line "${raw}"`);
    const note = m[10]!.trim();
    const fields = Object.fromEntries([...note.matchAll(/(?:^|\s)([a-z_-]+)=(\S+)/g)].map((f) => [f[1]!, f[2]!]));
    out.push({ start: m[1]!, end: m[2]!, tool: m[3]!, stream: m[4]!, type: m[5]!, id: m[6]!, state: m[7]!, seconds: Number(m[8]), bytes: m[9] === '-' ? null : Number(m[9]), note, fields });
  }
  return out;
}

/** The months of the example's observation period, oldest first. */
export const MONTHS = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/**
 * When the tools' output was taken for the audit cut-off: the evening of 24 November 2026, after
 * the last scheduled job of the day (pgBackRest's 19:00 incremental ended 19:05:54 UTC).
 */
export const TAKEN_AT = '2026-11-24T19:40:00Z';

export const ms = (instant: string) => Date.parse(instant);
export const seconds = (instant: string) => Math.floor(ms(instant) / 1000);

/** A number in [0, modulo) that only depends on `text`: made-up detail (ids, milliseconds) stays the same on every run. */
export function stableInt(text: string, modulo: number): number {
  return Number(BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 12)}`) % BigInt(modulo));
}

/** A version-4-shaped UUID that only depends on `text`. */
export function stableUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The month a script is run for and when its output is taken (`--at`, default takenAt(month)):
 * `--month YYYY-MM`, or the path of a job export (…/backup-jobs-YYYY-MM.log); November 2026 when neither is given. */
export function monthArg(argv: string[]): { month: string; at: string; rest: string[] } {
  const rest: string[] = [];
  let month = '2026-11';
  let at: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--month') month = argv[++i] ?? '';
    else if (a === '--at') at = argv[++i] ?? '';
    else if (a.startsWith('--month=')) month = a.slice('--month='.length);
    else if (/backup-jobs-\d{4}-\d{2}\.log$/.test(a)) month = /(\d{4}-\d{2})\.log$/.exec(a)![1]!;
    else rest.push(a);
  }
  if (!MONTHS.includes(month)) throw new Error(`--month ${month}: the example's job exports are ${MONTHS[0]} to ${MONTHS.at(-1)}`);
  if (at !== undefined && (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(at) || !at.startsWith(month))) throw new Error(`--at ${at}: expected a UTC time in ${month}, e.g. ${month}-15T19:40:00Z`);
  return { month, at: at ?? takenAt(month), rest };
}

/** The month before `month`, when the example has its job export (December 2025 has none before it). */
export const previousMonth = (month: string): string | undefined => MONTHS[MONTHS.indexOf(month) - 1];

/** The last day the month's export (and so the tools' output) covers: the 24th for November 2026 (the audit cut-off), else the month's last day. */
export function lastDay(month: string): string {
  if (month === '2026-11') return '2026-11-24';
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * When the tools' output was taken for a month: as for November (TAKEN_AT), the evening of the
 * export's last day at 19:40 UTC, after the last scheduled job of the day (pgBackRest's 19:00
 * incremental ends by 19:08 in every month).
 */
export const takenAt = (month: string) => `${lastDay(month)}T19:40:00Z`;
