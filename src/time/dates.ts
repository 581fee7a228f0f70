import { parseDuration } from './duration.ts';

/**
 * Calendar dates are plain "YYYY-MM-DD" strings everywhere in the model: they sort and
 * compare as text, serialise as themselves, and carry no time zone to drift.
 */
export type IsoDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

function toUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** Adds the calendar part of an ISO 8601 duration to a date (P1M from 2026-01-31 gives 2026-02-28). */
export function addDuration(date: IsoDate, duration: string): IsoDate {
  const p = parseDuration(duration);
  if (!p) throw new Error(`not an ISO 8601 duration: ${duration}`);
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCFullYear(d.getUTCFullYear() + p.years);
  d.setUTCMonth(d.getUTCMonth() + p.months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  d.setUTCDate(d.getUTCDate() + p.weeks * 7 + p.days + Math.floor((p.hours + p.minutes / 60) / 24));
  return fromUtc(d);
}

/** Adds whole days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Today's date in UTC: the default "as of" date, only ever used when the caller did not give one. */
export function todayUtc(): IsoDate {
  return fromUtc(new Date());
}

/** An ISO instant ("2026-03-18T02:00:04Z") as people read it in findings and tables: "2026-03-18 02:00 UTC". */
export function instantText(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

/** Hours between two ISO instants. */
export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 3_600_000;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as every page shows it: "4 Dec 2026" (day, short month, year), read the same way in
 * every country. Accepts YYYY-MM-DD or a full ISO timestamp (its UTC day); anything else is
 * returned unchanged.
 */
export function formatDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(text);
  if (!m || !isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return text;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}
