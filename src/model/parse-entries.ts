import type { z } from 'zod';
import type { SourceFile } from '../content/load.ts';
import { checkBody } from '../content/body-checks.ts';
import { evidenceSchema, type EvidenceData } from '../schemas/evidence.ts';
import { measureSchema, type MeasureData } from '../schemas/measure.ts';
import { policySchema, type PolicyData } from '../schemas/policy.ts';
import { parseWith } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';

export interface Parsed<T> {
  data: T;
  source: SourceFile;
}

export interface ParsedEntries {
  policies: Parsed<PolicyData>[];
  measures: Parsed<MeasureData>[];
  evidence: Parsed<EvidenceData>[];
  /** Ids of records that failed validation, with their file: references to them are explained, not called unknown. */
  invalid: Map<string, string>;
}

const SCHEMAS = { policy: policySchema(), measure: measureSchema(), evidence: evidenceSchema() } as const;

/** Validates every entry's frontmatter and rejects duplicate ids (case-insensitive, across kinds, since URLs lower-case them). */
export function parseEntries(files: SourceFile[], problems: Problem[], warnings: Problem[] = []): ParsedEntries {
  const out: ParsedEntries = { policies: [], measures: [], evidence: [], invalid: new Map() };
  const seen = new Map<string, SourceFile>();
  for (const source of files) {
    if (source.kind !== 'policy' && source.kind !== 'measure' && source.kind !== 'evidence') continue;
    problems.push(...source.problems);
    problems.push(...checkBody(source, warnings));
    if (source.data === undefined) {
      if (source.idHint) out.invalid.set(source.idHint, source.file);
      continue;
    }
    const schema: z.ZodTypeAny = SCHEMAS[source.kind];
    const result = parseWith(schema, source.data, source.file, source.lineOf);
    if (!result.ok) {
      problems.push(...result.problems);
      const id = (source.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') out.invalid.set(id, source.file);
      continue;
    }
    const id: string = result.value.id;
    const first = seen.get(id.toLowerCase());
    if (first) {
      problems.push({
        code: 'duplicate-id',
        file: source.file,
        line: source.lineOf(['id']),
        field: 'id',
        message: `Duplicate id "${id}": ${first.file} already uses it.`,
        fix: 'give each policy, measure and evidence record its own id',
      });
      continue;
    }
    seen.set(id.toLowerCase(), source);
    if (source.kind === 'policy') out.policies.push({ data: result.value, source });
    else if (source.kind === 'measure') out.measures.push({ data: result.value, source });
    else out.evidence.push({ data: result.value, source });
  }
  return out;
}

/** The message for a reference to a record that exists but failed validation (its own problems say why). */
export function invalidReference(id: string, invalid: Map<string, string>): string | undefined {
  const file = invalid.get(id);
  return file && `Refers to ${id}, which is invalid (see its own error in ${file}).`;
}
