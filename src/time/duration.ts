/**
 * ISO 8601 durations (P1Y, P3M, P2W, PT4H, P1DT12H) as used for review intervals,
 * evidence validity and RPO/RTO targets. Calendar parts (Y, M, W, D) are added to dates
 * on the calendar; time parts only matter when a duration is compared as minutes.
 */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration, or returns undefined when it is not one. */
export function parseDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Length in minutes, counting a month as 30 days and a year as 365 (only for comparing targets). */
export function durationMinutes(text: string): number {
  const d = parseDuration(text);
  if (!d) return Number.NaN;
  const days = d.years * 365 + d.months * 30 + d.weeks * 7 + d.days;
  return days * 1440 + d.hours * 60 + d.minutes + d.seconds / 60;
}

/** Human wording: "1 year", "4 hours", "1 day 12 hours". */
export function describeDuration(text: string): string {
  const d = parseDuration(text);
  if (!d) return text;
  const parts: string[] = [];
  const add = (n: number, unit: string) => n && parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  add(d.years, 'year');
  add(d.months, 'month');
  add(d.weeks, 'week');
  add(d.days, 'day');
  add(d.hours, 'hour');
  add(d.minutes, 'minute');
  add(d.seconds, 'second');
  return parts.join(' ') || '0 minutes';
}

/** Whole minutes written the way frontmatter writes durations: 743 → "PT12H23M". */
export function isoMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`;
}

/** Fractional hours in words, to the minute: 13.0667 → "13 hours 4 minutes". */
export function describeHours(hours: number): string {
  return describeDuration(isoMinutes(Math.round(hours * 60)));
}
