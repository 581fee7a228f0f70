/**
 * Tools write instants in many ways: nanoseconds, offsets ("+01:00", "-0800"), a space instead
 * of "T". The model keeps one form, a UTC instant to the second with a "Z", so figures compare as
 * text and print the same everywhere. An instant without a zone is refused: it cannot be placed
 * on the timeline, and guessing the machine's zone would make the figures depend on where they run.
 */

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?|UTC)?$/;

/** Why an instant was refused, for the importer's error message. */
export type InstantProblem = 'not-a-time' | 'no-zone';

/** A zone the user may name for times a tool prints without one: "Z", "UTC" or an offset like "+01:00". */
export const isZone = (zone: string) => /^(Z|UTC|[+-]\d{2}:?\d{2})$/.test(zone);

/**
 * Parses an ISO 8601 instant to epoch milliseconds (sub-second digits dropped), or says why not.
 * `assumeZone` is the zone the user stated for times printed without one (borg 1.x prints local time).
 */
export function parseInstant(text: string, assumeZone?: string): number | InstantProblem {
  const m = INSTANT.exec(text.trim());
  if (!m) return 'not-a-time';
  const [, y, mo, d, h, mi, s, , written] = m;
  const zone = written ?? assumeZone;
  if (!zone) return 'no-zone';
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z' && zone !== 'UTC') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, s ? +s : 0);
  const check = new Date(ms);
  if (check.getUTCDate() !== +d! || check.getUTCHours() !== +h! || +mi! > 59 || (s !== undefined && +s > 59)) return 'not-a-time';
  return ms - offsetMinutes * 60_000;
}

/** Epoch milliseconds as the model's instant form, "2026-03-01T02:00:04Z". */
export function formatInstant(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, -5)}Z`;
}

/** Epoch seconds (AWS CLI prints some times as numbers) to the model's instant form. */
export function epochSecondsInstant(seconds: number): string {
  return formatInstant(Math.floor(seconds) * 1000);
}
