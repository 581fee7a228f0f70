import { AUDIENCES, type Audience } from '../schemas/common.ts';
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
 * Field-level defaults: "entry" means the field is as visible as its entry; an audience means
 * the field is at most that visible unless the entry's `fields` map says otherwise. Bodies
 * (the detail), people's names and sign-offs default to internal, so marking an entry public
 * publishes its title, summary and structured facts, not its prose.
 */
export const FIELD_DEFAULTS = {
  policy: { summary: 'entry', body: 'internal', owner: 'internal', approvals: 'internal', controls: 'entry' },
  measure: { summary: 'entry', body: 'internal', owner: 'internal', targets: 'entry', controls: 'entry' },
  evidence: { body: 'internal', source: 'internal', collectedBy: 'internal', restoreTest: 'entry', backupJobs: 'entry', controls: 'entry' },
} as const satisfies Record<EntryNode['type'], Record<string, Audience | 'entry'>>;

export type FieldName<T extends EntryNode['type']> = keyof (typeof FIELD_DEFAULTS)[T];

/** Widest audience that may see `field` of `entry`: its `fields` setting or default, capped by the entry. */
export function fieldVisibility<E extends EntryNode>(entry: E, field: FieldName<E['type']>): Audience {
  const explicit = (entry.data.fields as Partial<Record<string, Audience>>)[field as string];
  const fallback = (FIELD_DEFAULTS[entry.type] as Record<string, Audience | 'entry'>)[field as string]!;
  const wanted = explicit ?? (fallback === 'entry' ? entry.visibility : fallback);
  return narrowest(entry.visibility, wanted);
}
