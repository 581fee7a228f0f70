import type { BackupJob, Gap, RestoreFacts, RestoreJob, SourceFacts } from './types.ts';
import { formatInstant, parseInstant } from './instant.ts';

/**
 * Per-source figures from backup jobs: how many ran, how many succeeded, and the longest
 * interval between two consecutive successes (the observed RPO). Jobs are folded one at a time
 * into one accumulator per source, so a parser can stream 100,000 snapshots through it; per job
 * only its success time is kept (8 bytes), because the gaps can only be found once the successes
 * are in time order and tools do not all print them in order (AWS Backup lists newest first).
 */

/** Days the figures speak for, both ends included (YYYY-MM-DD, UTC days). */
export interface FactsPeriod {
  start: string;
  end: string;
}

/** Successes and failures of one source on one UTC day, for timeline charts. */
export interface DayCount {
  day: string;
  succeeded: number;
  failed: number;
}

/** Everything computed for one source: the printed figures, the daily timeline and the gaps over a threshold. */
export interface SourceSeries {
  facts: SourceFacts;
  days: DayCount[];
  /** Gaps between consecutive successes longer than `breachHours` (empty when none was given), oldest first. */
  breaches: Gap[];
}

export interface FoldOptions {
  period?: FactsPeriod;
  /** Report every gap longer than this many hours (a measure's RPO target) in `breaches`. */
  breachHours?: number;
}

const HOUR = 3_600_000;

/** Hours between two instants, to the hundredth, so JSON output is stable and readable. */
export function gapHours(fromMs: number, toMs: number): number {
  return Math.round(((toMs - fromMs) / HOUR) * 100) / 100;
}

class SourceAccumulator {
  jobs = 0;
  succeeded = 0;
  failed = 0;
  private times = new Float64Array(16);
  private count = 0;
  private sorted = true;
  readonly days = new Map<string, DayCount>();

  constructor(public source: string) {}

  add(ms: number, day: string, success: boolean): void {
    this.jobs++;
    let d = this.days.get(day);
    if (!d) this.days.set(day, (d = { day, succeeded: 0, failed: 0 }));
    if (!success) {
      this.failed++;
      d.failed++;
      return;
    }
    this.succeeded++;
    d.succeeded++;
    if (this.count === this.times.length) {
      const grown = new Float64Array(this.times.length * 2);
      grown.set(this.times);
      this.times = grown;
    }
    if (this.count > 0 && ms < this.times[this.count - 1]!) this.sorted = false;
    this.times[this.count++] = ms;
  }

  series(breachHours?: number): SourceSeries {
    const times = this.times.subarray(0, this.count);
    if (!this.sorted) times.sort();
    let longest: Gap | null = null;
    let longestMs = -1;
    const breaches: Gap[] = [];
    for (let i = 1; i < times.length; i++) {
      const span = times[i]! - times[i - 1]!;
      const gap = () => ({ from: formatInstant(times[i - 1]!), to: formatInstant(times[i]!), hours: gapHours(times[i - 1]!, times[i]!) });
      // The first longest gap wins a tie, so the figure does not depend on anything but the data.
      if (span > longestMs) {
        longestMs = span;
        longest = gap();
      }
      if (breachHours !== undefined && span > breachHours * HOUR) breaches.push(gap());
    }
    return {
      facts: {
        source: this.source,
        jobs: this.jobs,
        succeeded: this.succeeded,
        failed: this.failed,
        firstSuccess: times.length ? formatInstant(times[0]!) : null,
        lastSuccess: times.length ? formatInstant(times[times.length - 1]!) : null,
        longestGap: longest,
      },
      days: [...this.days.values()].sort((a, b) => a.day.localeCompare(b.day)),
      breaches,
    };
  }
}

/** Folds jobs one by one into per-source figures. A partial run counts as failed: it is not a success. */
export class JobFolder {
  private readonly sources = new Map<string, SourceAccumulator>();
  private readonly startMs?: number;
  private readonly endMs?: number;

  constructor(private readonly options: FoldOptions = {}) {
    if (options.period) {
      this.startMs = Date.parse(`${options.period.start}T00:00:00Z`);
      this.endMs = Date.parse(`${options.period.end}T00:00:00Z`) + 24 * HOUR;
    }
  }

  add(job: BackupJob): void {
    // Parsers hand over instants already in the model's form ("…Z"), which Date.parse reads fast.
    const fast = /Z$/.test(job.finished) ? Date.parse(job.finished) : NaN;
    const ms = Number.isNaN(fast) ? parseInstant(job.finished) : fast;
    if (typeof ms !== 'number') throw new Error(`job ${job.id ?? ''} has no valid finish time: ${job.finished}`);
    const day = Number.isNaN(fast) ? formatInstant(ms).slice(0, 10) : job.finished.slice(0, 10);
    if (this.startMs !== undefined && (ms < this.startMs || ms >= this.endMs!)) return;
    let acc = this.sources.get(job.source);
    if (!acc) this.sources.set(job.source, (acc = new SourceAccumulator(job.source)));
    acc.add(ms, day, job.outcome === 'success');
  }

  /** Moves the jobs folded under one source name to another (a name only known at the end of the output). */
  rename(from: string, to: string): void {
    const acc = this.sources.get(from);
    if (!acc || from === to) return;
    this.sources.delete(from);
    if (this.sources.has(to)) throw new Error(`cannot rename source "${from}" to "${to}": it already has jobs`);
    acc.source = to;
    this.sources.set(to, acc);
  }

  /** Per-source series, sorted by source. */
  series(): SourceSeries[] {
    return [...this.sources.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)).map((a) => a.series(this.options.breachHours));
  }
}

/** Per-source figures for the jobs (those finished within `period`, when given), sorted by source. */
export function sourceFacts(jobs: Iterable<BackupJob>, period?: FactsPeriod): SourceFacts[] {
  const folder = new JobFolder({ period });
  for (const job of jobs) folder.add(job);
  return folder.series().map((s) => s.facts);
}

/** Seconds from start to finish, when both are known. */
function duration(r: RestoreJob): number | undefined {
  if (r.durationSeconds !== undefined) return r.durationSeconds;
  if (!r.finished) return undefined;
  const a = parseInstant(r.started);
  const b = parseInstant(r.finished);
  return typeof a === 'number' && typeof b === 'number' ? Math.round((b - a) / 1000) : undefined;
}

/** One fact record per restore test, sorted by source, then start time, then id. */
export function restoreFacts(restores: Iterable<RestoreJob>): RestoreFacts[] {
  const out: RestoreFacts[] = [];
  for (const r of restores) {
    const durationSeconds = duration(r);
    out.push({
      source: r.source,
      ...(r.id !== undefined ? { id: r.id } : {}),
      started: r.started,
      ...(r.finished !== undefined ? { finished: r.finished } : {}),
      outcome: r.outcome,
      ...(durationSeconds !== undefined ? { durationSeconds } : {}),
      ...(r.verified !== undefined ? { verified: r.verified } : {}),
    });
  }
  const key = (r: RestoreFacts) => `${r.source}\u0000${r.started}\u0000${r.id ?? ''}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
