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

const UNITS: ReadonlyArray<[keyof Duration, string, string]> = [
  ['years', 'year', 'y'],
  ['months', 'month', 'mo'],
  ['weeks', 'week', 'w'],
  ['days', 'day', 'd'],
  ['hours', 'hour', 'h'],
  ['minutes', 'minute', 'min'],
  ['seconds', 'second', 's'],
];

/**
 * A duration as people read it, the one formatter for every page and message: a single
 * unit in words ("4 hours", "1 year", "90 days"), several units abbreviated so they stay
 * short ("2 h 47 min", "1 d 12 h"). Never the ISO form (PT4H), which readers do not parse;
 * text that is not a duration is returned unchanged.
 */
export function humanDuration(text: string): string {
  const d = parseDuration(text);
  if (!d) return text;
  const parts = UNITS.filter(([k]) => d[k] > 0).map(([k, word, short]) => ({ n: d[k], word, short }));
  if (parts.length === 0) return '0 minutes';
  if (parts.length === 1) return `${parts[0]!.n} ${parts[0]!.word}${parts[0]!.n === 1 ? '' : 's'}`;
  return parts.map((p) => `${p.n} ${p.short}`).join(' ');
}

/** Former name of humanDuration, kept so callers read the same wording. */
export const describeDuration = humanDuration;

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
