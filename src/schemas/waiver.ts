import { z } from 'zod';
import { dateSchema } from './common.ts';

/** One accepted audit finding: the risk is known, someone accountable accepted it, until a date. */
export const waiverSchema = () =>
  z
    .object({
      /** Id of the audit rule whose finding is accepted, e.g. "recovery-targets" (`npx proofbook audit --help` lists them). */
      rule: z.string({ required_error: 'name the audit rule, e.g. "recovery-targets"' }).min(1),
      /** The finding's subject exactly as the audit prints it, e.g. "ev-2026-03-restore:restoreTest". */
      subject: z.string({ required_error: 'name the finding\'s subject exactly as the audit prints it' }).min(1),
      /** Why the finding is accepted, in words an auditor can check (remediation, compensating control). */
      reason: z.string({ required_error: 'give the reason the finding is accepted' }).min(10, 'give a reason an auditor can accept (at least a sentence)'),
      /** Who accepted it: name and role of someone accountable for the risk. */
      approver: z.string({ required_error: 'name who accepted it (name and role)' }).min(1),
      /** Day it was accepted. */
      approved: dateSchema().optional(),
      /** Last day the waiver applies; after it the finding counts again and the waiver itself is an error. */
      expires: dateSchema(),
    })
    .strict();

/** The waiver file, content/waivers.yaml (optional). */
export const waiverFileSchema = () =>
  z
    .object({
      /** Accepted findings. */
      waivers: z.array(z.unknown()).default([]),
    })
    .strict();

export type WaiverData = z.infer<ReturnType<typeof waiverSchema>>;
