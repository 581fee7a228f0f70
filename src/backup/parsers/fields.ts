import { formatInstant, parseInstant } from '../instant.ts';
import { ShapeError } from '../errors.ts';

/**
 * Field readers shared by the parsers: each names the field path and what was expected when a
 * value is missing or of the wrong type. Unknown extra fields are never an error: tools add
 * fields between versions.
 */

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown) => (v === undefined ? 'missing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : `${typeof v} ${JSON.stringify(v)?.slice(0, 60)}`);

export function object(v: unknown, path: string): Json {
  if (!isObject(v)) throw new ShapeError(`expected an object, found ${describe(v)}`, path);
  return v;
}

export function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ShapeError(`expected a list, found ${describe(v)}`, path);
  return v;
}

export function str(o: Json, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !v) throw new ShapeError(`expected a text field "${key}", found ${describe(v)}`, join(path, key));
  return v;
}

export function optStr(o: Json, key: string, path: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ShapeError(`expected text in "${key}", found ${describe(v)}`, join(path, key));
  return v;
}

export function num(o: Json, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ShapeError(`expected a number in "${key}", found ${describe(v)}`, join(path, key));
  return v;
}

export function optNum(o: Json, key: string, path: string): number | undefined {
  return o[key] === undefined || o[key] === null ? undefined : num(o, key, path);
}

/** An instant field, normalised to UTC "…Z"; one without a zone is refused (see instant.ts). */
export function instant(o: Json, key: string, path: string, zone?: string): string {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return formatInstant(Math.floor(v) * 1000);
  const text = str(o, key, path);
  const ms = parseInstant(text, zone);
  if (ms === 'no-zone') {
    throw new ShapeError(
      `the time "${text}" has no time zone, so it cannot be placed on the timeline`,
      join(path, key),
      'say which zone the tool printed its times in with --zone (e.g. --zone Z when the machine runs in UTC, --zone +01:00), or export with a version that prints offsets',
    );
  }
  if (ms === 'not-a-time') throw new ShapeError(`"${text}" is not an ISO 8601 time`, join(path, key));
  return formatInstant(ms);
}

export function optInstant(o: Json, key: string, path: string, zone?: string): string | undefined {
  return o[key] === undefined || o[key] === null || o[key] === '' ? undefined : instant(o, key, path, zone);
}

/** Seconds between two model instants. */
export function secondsBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 1000);
}

/** "archives[0]" + "start" → "archives[0].start"; a top-level field is just its name. */
export const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
