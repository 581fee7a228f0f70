import type { Period } from './types.ts';
import { evidenceSpan } from './util.ts';
import type { EvidenceNode, MeasureNode } from '../model/types.ts';

/** One interval a periodic measure must have operated in, e.g. the month "2026-03". */
export interface Interval extends Period {
  label: string;
}

/** Frequencies that divide an observation period into intervals (continuous and on-event do not). */
export const PERIODIC = ['daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'yearly'] as const;
export type PeriodicFrequency = (typeof PERIODIC)[number];
export const isPeriodic = (f: string): f is PeriodicFrequency => (PERIODIC as readonly string[]).includes(f);

const DAY = 86_400_000;
const toMs = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week-numbering year and week of a day. */
function isoWeek(ms: number): { year: number; week: number } {
  const d = new Date(ms);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(ms + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return { year, week };
}

/**
 * The calendar intervals of a frequency that overlap `window`, in order, each with its full
 * calendar bounds: every day for daily, ISO weeks (Monday to Sunday), calendar months,
 * quarters, half-years and years.
 */
export function intervalsOf(frequency: PeriodicFrequency, window: Period): Interval[] {
  const out: Interval[] = [];
  if (window.start > window.end) return out;
  const last = toMs(window.end);
  let ms = toMs(window.start);
  if (frequency === 'daily') {
    for (; ms <= last; ms += DAY) {
      const d = fromMs(ms);
      out.push({ start: d, end: d, label: d });
    }
    return out;
  }
  if (frequency === 'weekly') {
    ms -= ((new Date(ms).getUTCDay() + 6) % 7) * DAY; // back to Monday
    for (; ms <= last; ms += 7 * DAY) {
      const { year, week } = isoWeek(ms);
      out.push({ start: fromMs(ms), end: fromMs(ms + 6 * DAY), label: `${year}-W${pad(week)}` });
    }
    return out;
  }
  const months = { monthly: 1, quarterly: 3, semiannual: 6, yearly: 12 }[frequency];
  const first = new Date(ms);
  let year = first.getUTCFullYear();
  let month = Math.floor(first.getUTCMonth() / months) * months; // 0-based first month of the interval
  for (;;) {
    const start = Date.UTC(year, month, 1);
    if (start > last) break;
    const end = Date.UTC(year, month + months, 1) - DAY;
    const n = month / months + 1;
    const label = frequency === 'monthly' ? `${year}-${pad(month + 1)}` : frequency === 'quarterly' ? `${year}-Q${n}` : frequency === 'semiannual' ? `${year}-H${n}` : `${year}`;
    out.push({ start: fromMs(start), end: fromMs(end), label });
    month += months;
    if (month >= 12) {
      month -= 12;
      year++;
    }
  }
  return out;
}

/** Index of the first interval whose end is on or after `day` (intervals sorted and disjoint). */
export function firstEndingOnOrAfter(intervals: readonly Period[], day: string): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.end < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Labels of the given interval indexes with runs of three or more written "first..last". */
export function compressRuns(intervals: readonly Interval[], indexes: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < indexes.length; ) {
    let j = i;
    while (j + 1 < indexes.length && indexes[j + 1] === indexes[j]! + 1) j++;
    if (j - i >= 2) out.push(`${intervals[indexes[i]!]!.label}..${intervals[indexes[j]!]!.label}`);
    else for (let k = i; k <= j; k++) out.push(intervals[indexes[k]!]!.label);
    i = j + 1;
  }
  return out;
}

/**
 * The intervals of a frequency an observation period asks evidence for as of a date: clipped
 * to the period, and only those that ended before the as-of date (the current one is not due yet).
 */
export function dueIntervals(frequency: PeriodicFrequency, period: Period, asOf: string): Interval[] {
  const windowEnd = period.end < asOf ? period.end : asOf;
  return intervalsOf(frequency, { start: period.start, end: windowEnd })
    .map((iv) => ({ ...iv, start: iv.start < period.start ? period.start : iv.start, end: iv.end > period.end ? period.end : iv.end }))
    .filter((iv) => iv.end < asOf);
}

/** One due interval of a periodic measure and the evidence that speaks for it (none: a gap). */
export interface IntervalCoverage extends Interval {
  evidence: EvidenceNode[];
}

/**
 * Which due intervals of the observation period a periodic measure has evidence for: an item
 * counts for every interval its period (or, without one, its collection day) overlaps. This is
 * how recurring evidence is read over time (Type II): March's log covers March.
 */
export function coverageOverTime(m: MeasureNode, period: Period, asOf: string): IntervalCoverage[] {
  const frequency = m.data.frequency;
  if (!isPeriodic(frequency)) return [];
  const due: IntervalCoverage[] = dueIntervals(frequency, period, asOf).map((iv) => ({ ...iv, evidence: [] }));
  for (const e of m.evidence) {
    const span = evidenceSpan(e);
    for (let i = firstEndingOnOrAfter(due, span.start); i < due.length && due[i]!.start <= span.end; i++) due[i]!.evidence.push(e);
  }
  return due;
}
