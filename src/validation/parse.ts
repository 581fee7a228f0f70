import type { z } from 'zod';
import type { Problem } from './problem.ts';
import { didYouMean } from './suggest.ts';

/** Maps a field path to its 1-based line in the source file (undefined when unknown). */
export type LineOf = (path: ReadonlyArray<string | number>) => number | undefined;

/** Formats a zod path as users read it: controls.soc2[1]. */
export function fieldPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The one friendly parse wrapper: validates `data` against `schema` and turns every zod
 * issue into a Problem with file, line and field path, plus a hint for the common mistakes.
 */
export function parseWith<S extends z.ZodTypeAny>(
  schema: S,
  data: unknown,
  file: string,
  lineOf: LineOf,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        problems.push({
          code: 'schema',
          file,
          line: lineOf([...issue.path, key]),
          field: fieldPath([...issue.path, key]),
          message: `Unknown field "${key}".${didYouMean(key, known)}`,
          fix: known.length ? `remove it or use one of: ${known.join(', ')}` : 'remove it',
        });
      }
      continue;
    }
    problems.push({
      code: 'schema',
      file,
      line: lineOf(issue.path) ?? lineOf(issue.path.slice(0, -1)),
      field: fieldPath(issue.path) || undefined,
      message: describeIssue(issue),
      fix: fixFor(issue),
    });
  }
  return { ok: false, problems };
}

/** How to fix an issue: a schema's own advice (refine `params.fix`), or the general one for a missing field. */
function fixFor(issue: z.ZodIssue): string | undefined {
  if (issue.code === 'custom' && typeof issue.params?.fix === 'string') return issue.params.fix;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') {
    const name = issue.path[issue.path.length - 1];
    const at = issue.path.length > 1 ? ` under ${fieldPath(issue.path.slice(0, -1))}` : '';
    return typeof name === 'string' ? `add the line "${name}: …"${at} (the README's authoring guide lists every field)` : 'add the missing item';
  }
  if (readAsScalar(issue)) {
    const name = issue.path[issue.path.length - 1];
    return `put the value in quotes, e.g. ${typeof name === 'string' ? name : 'value'}: "…" (YAML reads digits, true/false and the like as ${issue.received}s)`;
  }
  return undefined;
}

/** Text that YAML read as a number or a boolean (an all-digit hash, a version such as 1.10, "yes"). */
function readAsScalar(issue: z.ZodIssue): issue is z.ZodIssue & { code: 'invalid_type'; received: 'number' | 'boolean' } {
  return issue.code === 'invalid_type' && issue.expected === 'string' && (issue.received === 'number' || issue.received === 'boolean');
}

function describeIssue(issue: z.ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return `Missing required field.`;
  if (readAsScalar(issue)) return `Text is expected, but YAML read this value as a ${issue.received}.`;
  if (issue.code === 'invalid_enum_value') {
    return `"${String(issue.received)}" is not allowed.${didYouMean(String(issue.received), issue.options.map(String))} Use one of: ${issue.options.join(', ')}.`;
  }
  if (issue.code === 'invalid_union') {
    return 'Not a valid value here: write a control id string such as "CC6.1", or { id: "A.5.30", implied: true }.';
  }
  return issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
}

/** Keys an object schema accepts at `path` (for "did you mean" on typos). */
function knownKeys(schema: z.ZodTypeAny, path: ReadonlyArray<string | number>): string[] {
  let s: z.ZodTypeAny | undefined = schema;
  const unwrap = (t: z.ZodTypeAny): z.ZodTypeAny => {
    const def = t._def as { innerType?: z.ZodTypeAny; schema?: z.ZodTypeAny; type?: z.ZodTypeAny };
    if (def.innerType) return unwrap(def.innerType);
    if (def.schema) return unwrap(def.schema);
    return t;
  };
  for (const part of [...path, null]) {
    if (!s) return [];
    s = unwrap(s);
    if (part === null) break;
    const def = s._def as { shape?: () => Record<string, z.ZodTypeAny>; type?: z.ZodTypeAny; valueType?: z.ZodTypeAny };
    if (typeof part === 'number') s = def.type;
    else if (def.shape) s = def.shape()[part];
    else s = def.valueType;
  }
  const def = s?._def as { shape?: () => Record<string, unknown> } | undefined;
  return def?.shape ? Object.keys(def.shape()) : [];
}
