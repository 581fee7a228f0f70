import { z } from 'zod';
import { controlMapSchema, dateSchema, durationSchema, fieldAudienceSchema, idSchema, textSchema, visibilitySchema } from './common.ts';

/** One sign-off of a policy version. */
export const approvalSchema = () =>
  z
    .object({
      /** Person who approved. */
      name: z.string().min(1),
      /** Their role at the time, e.g. "Chief Technology Officer". */
      role: z.string().min(1),
      /** Day of approval. */
      date: dateSchema(),
    })
    .strict();

export const POLICY_STATUSES = ['draft', 'approved', 'retired'] as const;

/** Frontmatter of a policy (content/policies/*.mdx). */
export const policySchema = () =>
  z
    .object({
      /** Unique id, e.g. "pol-backup". */
      id: idSchema(),
      /** Title as employees know it. */
      title: textSchema('title'),
      /** Version of this text, e.g. "2.1" (quote it in YAML). */
      version: z.union([z.string().min(1), z.number().transform(String)]),
      /** Lifecycle: draft, approved or retired. */
      status: z.enum(POLICY_STATUSES),
      /** Accountable owner (role or person). */
      owner: z.string().min(1),
      /** Sign-offs of this version, oldest first. */
      approvals: z.array(approvalSchema()).default([]),
      /** Day this version takes effect (after the as-of date only with notYetInForce). */
      effective: dateSchema(),
      /**
       * This version is approved but takes effect later: `effective` may then lie after the as-of
       * date (otherwise a future date is refused as a typo). Remove it once the day has come.
       */
      notYetInForce: z.boolean().default(false),
      /** How often it must be reviewed, ISO 8601 (P1Y). */
      reviewInterval: durationSchema(),
      /** Day of the last completed review. */
      lastReviewed: dateSchema().optional(),
      /** Widest audience allowed to see it (default internal). */
      visibility: visibilitySchema(),
      /** One-paragraph summary that may be shown where the full text may not. */
      summary: z.string().optional(),
      /** Field-level visibility: who may see single fields of this policy (never wider than the policy itself). */
      fields: z
        .object({
          /** The one-paragraph summary (default: as the policy). */
          summary: fieldAudienceSchema('entry'),
          /** The full text, the MDX body (default: internal; set it to publish the whole policy). */
          body: fieldAudienceSchema('internal'),
          /** The owner's name (default: internal). */
          owner: fieldAudienceSchema('internal'),
          /** Names and roles of the approvers (default: internal). */
          approvals: fieldAudienceSchema('internal'),
          /** The control mappings (default: as the policy). */
          controls: fieldAudienceSchema('entry'),
        })
        .strict()
        .default({}),
      /** Controls the policy addresses, per framework. */
      controls: controlMapSchema(),
    })
    .strict();

export type PolicyData = z.infer<ReturnType<typeof policySchema>>;
