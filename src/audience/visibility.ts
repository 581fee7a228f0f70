import { z } from 'zod';
import { AUDIENCES, fieldDefaultOf, type Audience, type FieldDefault } from '../schemas/common.ts';
import { evidenceSchema } from '../schemas/evidence.ts';
import { measureSchema } from '../schemas/measure.ts';
import { policySchema } from '../schemas/policy.ts';
import type { EntryNode } from '../model/types.ts';

/**
 * The visibility rules, in one place. Audiences are ordered public < customer < internal <
 * auditor; content marked with an audience is seen by that audience and every one after it.
 * Only src/audience/ applies them: pages never decide visibility.
 */
export const AUDIENCE_RANK: Record<Audience, number> = { public: 0, customer: 1, internal: 2, auditor: 3 };

export function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** Whether content marked `visibility` may be shown to `audience`. */
export function visibleTo(visibility: Audience, audience: Audience): boolean {
  return AUDIENCE_RANK[visibility] <= AUDIENCE_RANK[audience];
}

/** The narrowest of several visibilities (an item inside an entry is never wider than the entry). */
export function narrowest(...visibilities: Audience[]): Audience {
  return visibilities.reduce((a, b) => (AUDIENCE_RANK[a] >= AUDIENCE_RANK[b] ? a : b));
}

/** Audiences whose builds are checked by the leak guard: the ones that must not see internal content. */
export function isOutsideAudience(audience: Audience): boolean {
  return AUDIENCE_RANK[audience] < AUDIENCE_RANK.internal;
}

/**
 * Field-level defaults, read from the schemas (the `fields` block of each entry schema names
 * every field with its own visibility and its default): "entry" means the field is as visible
 * as its entry; an audience means the field is at most that visible unless the entry's
 * `fields` map says otherwise. Bodies (the detail), people's names and sign-offs default to
 * internal, so marking an entry public publishes its title, summary and structured facts,
 * not its prose.
 */
function fieldDefaults(schema: z.ZodTypeAny): Record<string, FieldDefault> {
  let fields = (schema as z.AnyZodObject).shape.fields as z.ZodTypeAny;
  while (fields instanceof z.ZodDefault || fields instanceof z.ZodOptional) fields = fields._def.innerType;
  const out: Record<string, FieldDefault> = {};
  for (const [name, field] of Object.entries((fields as z.AnyZodObject).shape)) {
    const byDefault = fieldDefaultOf(field as z.ZodTypeAny);
    if (!byDefault) throw new Error(`fields.${name} is not declared with fieldAudienceSchema(default)`);
    out[name] = byDefault;
  }
  return out;
}

export const FIELD_DEFAULTS: Record<EntryNode['type'], Record<string, FieldDefault>> = {
  policy: fieldDefaults(policySchema()),
  measure: fieldDefaults(measureSchema()),
  evidence: fieldDefaults(evidenceSchema()),
};

type DataOf<T extends EntryNode['type']> = Extract<EntryNode, { type: T }>['data'];
export type FieldName<T extends EntryNode['type']> = keyof NonNullable<DataOf<T>['fields']> & string;

/** Widest audience that may see `field` of `entry`: its `fields` setting or default, capped by the entry. */
export function fieldVisibility<E extends EntryNode>(entry: E, field: FieldName<E['type']>): Audience {
  const explicit = (entry.data.fields as Partial<Record<string, Audience>>)[field];
  const fallback = FIELD_DEFAULTS[entry.type][field]!;
  const wanted = explicit ?? (fallback === 'entry' ? entry.visibility : fallback);
  return narrowest(entry.visibility, wanted);
}
