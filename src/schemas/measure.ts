import { z } from 'zod';
import { BACKUP_AREA_IDS } from '../catalogs/backup-areas.ts';
import { controlMapSchema, durationSchema, fieldAudienceSchema, idSchema, textSchema, visibilitySchema } from './common.ts';

/** How often a measure operates; drives observation-period checks. */
export const FREQUENCIES = ['continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'semiannual', 'yearly', 'on-event'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Frontmatter of a measure (content/measures/*.mdx). */
export const measureSchema = () =>
  z
    .object({
      /** Unique id, e.g. "msr-nightly-db-backup". */
      id: idSchema(),
      /** The backup area it implements (one of the eight). */
      area: z.enum(BACKUP_AREA_IDS),
      /** What is done, in one line. */
      title: textSchema('title'),
      /** Accountable owner (role or person). */
      owner: z.string().min(1),
      /** How often it operates. */
      frequency: z.enum(FREQUENCIES),
      /** Whether a system does it or a person does. */
      automation: z.enum(['automated', 'manual', 'semi-automated']),
      /** Controls it satisfies, per framework. */
      controls: controlMapSchema(),
      /** Ids of the policies it implements. */
      policies: z.array(z.string()).default([]),
      /** Ids of the evidence that proves it operates. */
      evidence: z.array(z.string()).default([]),
      /** Measurable targets where they apply (ISO 8601 durations). */
      targets: z
        .object({
          /** Recovery point objective: most data that may be lost. */
          rpo: durationSchema().optional(),
          /** Recovery time objective: longest a restore may take. */
          rto: durationSchema().optional(),
          /** How long backups are kept. */
          retention: durationSchema().optional(),
        })
        .strict()
        .default({}),
      /** Widest audience allowed to see it (default internal). */
      visibility: visibilitySchema(),
      /** Customer-facing summary, shown where the detail may not be. */
      summary: z.string().optional(),
      /** Field-level visibility: who may see single fields of this measure (never wider than the measure itself). */
      fields: z
        .object({
          /** The customer-facing summary (default: as the measure). */
          summary: fieldAudienceSchema('entry'),
          /** The MDX body, the internal detail (default: internal). */
          body: fieldAudienceSchema('internal'),
          /** The owner's name (default: internal). */
          owner: fieldAudienceSchema('internal'),
          /** RPO, RTO and retention targets (default: as the measure). */
          targets: fieldAudienceSchema('entry'),
          /** The control mappings (default: as the measure). */
          controls: fieldAudienceSchema('entry'),
        })
        .strict()
        .default({}),
    })
    .strict();

export type MeasureData = z.infer<ReturnType<typeof measureSchema>>;
