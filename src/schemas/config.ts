import { z } from 'zod';
import { contactSchema, dateSchema, durationSchema, periodSchema, urlSchema } from './common.ts';

/** A control reference written "framework:id", e.g. "soc2:P1.1" or "iso27001:A.7.4". */
const qualifiedControl = () =>
  z.string().regex(/^[a-z0-9-]+:.+$/, 'write the control as framework:id, e.g. "soc2:P1.1"');

/** The `audit` block of proofbook.yaml: the one home of these settings and their defaults. */
export const auditSettingsSchema = () =>
  z
    .object({
      /** How long evidence is kept after collection before it must be deleted, ISO 8601 (default P3Y). */
      evidenceRetention: durationSchema().default('P3Y'),
      /** Evidence that lapses, or a policy review that falls due, within this many days is "expiring soon" in the audit, the portal and the trust center (default 30). */
      expiringWithinDays: z.number().int().min(0).max(366).default(30),
    })
    .strict();

/** The program's settings (content/proofbook.yaml). */
export const programConfigSchema = () =>
  z
    .object({
      /** The organisation whose program this is. */
      organisation: z
        .object({
          /** Legal or trading name. */
          name: z.string().min(1),
          /** One paragraph about what it does. */
          description: z.string().default(''),
          /** Where to report a security issue: an e-mail address or an https:// link. */
          securityContact: contactSchema().optional(),
          /** Public website: https://, http:// or mailto: (it is linked on every trust-center page). */
          website: urlSchema().optional(),
        })
        .strict(),
      /** Title of the program shown on the portal. */
      title: z.string().default('Backup and disaster-recovery compliance program'),
      /** Frameworks in scope, by id (built-in: soc2, iso27001; or your own). */
      frameworks: z.array(z.string()).default(['soc2', 'iso27001']),
      /** The audit's observation period (SOC 2 Type II). */
      observationPeriod: periodSchema().optional(),
      /** Which controls are in scope: "mapped" (those the program maps) or "all". */
      scope: z
        .object({
          /** mapped: controls no measure, policy or evidence maps to are out of scope; all: every control is in scope. */
          mode: z.enum(['mapped', 'all']).default('mapped'),
          /** Controls brought into scope even if nothing maps to them yet ("framework:id"). */
          include: z.array(qualifiedControl()).default([]),
        })
        .strict()
        .default({}),
      /** Controls that do not apply, each with the reason an auditor will read. */
      notApplicable: z
        .array(
          z
            .object({
              /** The control, "framework:id". */
              control: qualifiedControl(),
              /** Why it does not apply. */
              reason: z.string().min(10, 'give a reason an auditor can accept (at least a sentence)'),
            })
            .strict(),
        )
        .default([]),
      /** Where the program's source is kept; pages get an "edit this file" link when set. */
      repository: z
        .object({
          /** Web address of the repository, e.g. "https://github.com/acme/compliance". */
          url: z.string().url('write the repository\'s web address, e.g. "https://github.com/acme/compliance"'),
          /** Branch the edit links open (default main). */
          branch: z.string().min(1).default('main'),
        })
        .strict()
        .optional(),
      /** Fixed "as of" date for freshness (default: today, or --as-of). */
      asOf: dateSchema().optional(),
      /** Self-audit settings (`proofbook audit`); the "expiring soon" window is the whole site's. */
      audit: auditSettingsSchema().default({}),
    })
    .strict();

export type ProgramConfig = z.infer<ReturnType<typeof programConfigSchema>>;
