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
