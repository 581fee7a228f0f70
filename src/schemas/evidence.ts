import { z } from 'zod';
import { BACKUP_TOOLS } from '../backup/types.ts';
import { controlMapSchema, dateSchema, durationSchema, fieldAudienceSchema, idSchema, textSchema, periodSchema, visibilitySchema } from './common.ts';

/** What an evidence item is, in the words auditors use when they ask for it. */
export const EVIDENCE_KINDS = [
  'policy-document',
  'screenshot',
  'diagram',
  'log',
  'restore-test',
  'siem-export',
  'configuration-export',
  'report',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** A file that is the evidence itself, pinned by hash so drift or tampering shows. */
export const artifactSchema = () =>
  z
    .object({
      /** Path relative to the content root, e.g. "evidence/files/restore-2026-03.log". */
      path: z.string().min(1),
      /** sha256 of the file, 64 hex digits (`npx proofbook hash <file>` prints it). */
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'write the sha256 as 64 lowercase hex digits'),
      /**
       * Widest audience allowed to download the file (default: auditor). Evidence files are
       * published in the auditor edition only, unless widened here; never wider than the evidence.
       */
      visibility: z.enum(['public', 'customer', 'internal', 'auditor']).optional(),
      /** The backup tool whose output this file is: read by Proofbook's importer for that tool; its figures are computed from the bytes. */
      tool: z.enum(BACKUP_TOOLS).optional(),
      /** How `proofbook import` was told to read the file (--source, --zone, --at), so the build reads the bytes the same way. */
      importedWith: z
        .object({
          /** Source name given to every job (--source). */
          source: z.string().min(1).optional(),
          /** Zone of times the tool printed without one, e.g. "Z" or "+01:00" (--zone). */
          zone: z.string().regex(/^(Z|UTC|[+-]\d{2}:?\d{2})$/, 'write the zone as Z, UTC or an offset like +01:00').optional(),
          /** When the run happened, for output that carries no time, e.g. "2026-03-01T02:00:00Z" (--at). */
          at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'write the time in UTC as 2026-03-01T02:00:00Z').optional(),
        })
        .strict()
        .optional(),
    })
    .strict();

/** Result of a restore test, recorded on restore-test evidence. */
export const restoreTestSchema = () =>
  z
    .object({
      /** Whether the restore succeeded and the data was verified. */
      outcome: z.enum(['success', 'failure']),
      /** Measured time from start of restore to service usable (the achieved RTO), ISO 8601. */
      duration: durationSchema(),
      /** Age of the newest restorable data at the time of the incident drill (the achieved RPO). */
      dataLoss: durationSchema({ allowZero: true }).optional(),
      /** What was restored, e.g. "production PostgreSQL cluster to isolated VPC". */
      scope: z.string().optional(),
    })
    .strict();

/** Summary of backup job runs shown by a log export, so RPO can be checked without parsing the log. */
export const backupJobsSchema = () =>
  z
    .object({
      /** Number of backup runs in the period. */
      runs: z.number().int().nonnegative(),
      /** How many of them failed. */
      failed: z.number().int().nonnegative().default(0),
      /** Longest time between two successful runs (the observed worst-case RPO), ISO 8601. */
      longestGap: durationSchema(),
    })
    .strict()
    .refine((j) => j.failed <= j.runs, { message: 'more runs failed than ran', path: ['failed'], params: { fix: 'failed counts the failed runs among runs: it cannot be larger than runs' } });

/** Frontmatter of an evidence record (content/evidence/*.md or .mdx). */
export const evidenceSchema = () =>
  z
    .object({
      /** Unique id, e.g. "ev-2026-03-restore-test". */
      id: idSchema(),
      /** What it shows, in one line. */
      title: textSchema('title'),
      /** Kind of evidence. */
      kind: z.enum(EVIDENCE_KINDS),
      /** Day it was collected. */
      collected: dateSchema(),
      /** Days the evidence speaks for (a month of job logs, the day of a test). */
      period: periodSchema().optional(),
      /** System it came from, e.g. "pgBackRest 2.54 on backup-01". */
      source: z.string().min(1),
      /** Person or role who collected it. */
      collectedBy: z.string().min(1),
      /** How long after collection it stays current, ISO 8601 (P3M). */
      validFor: durationSchema(),
      /** Files that make up the evidence. */
      artifacts: z.array(artifactSchema()).default([]),
      /** What it supports: controls per framework and measure ids. */
      supports: z
        .object({
          /** Controls per framework. */
          controls: controlMapSchema(),
          /** Ids of measures it proves. */
          measures: z.array(z.string()).default([]),
        })
        .strict()
        .default({}),
      /** Restore-test result (for kind: restore-test). */
      restoreTest: restoreTestSchema().optional(),
      /** Backup job summary (for backup job logs). */
      backupJobs: backupJobsSchema().optional(),
      /** Widest audience allowed to see it (default internal). */
      visibility: visibilitySchema(),
      /** Field-level visibility: who may see single fields of this record (never wider than the record itself). */
      fields: z
        .object({
          /** The MDX/Markdown body (default: internal). */
          body: fieldAudienceSchema('internal'),
          /** The source system (default: internal). */
          source: fieldAudienceSchema('internal'),
          /** Who collected it (default: internal). */
          collectedBy: fieldAudienceSchema('internal'),
          /** The restore-test result (default: as the record). */
          restoreTest: fieldAudienceSchema('entry'),
          /** The backup job summary (default: as the record). */
          backupJobs: fieldAudienceSchema('entry'),
          /** The controls it supports (default: as the record). */
          controls: fieldAudienceSchema('entry'),
        })
        .strict()
        .default({}),
    })
    .strict();

export type EvidenceData = z.infer<ReturnType<typeof evidenceSchema>>;
