import { z } from 'zod';
import { contactSchema, dateSchema, durationSchema, periodSchema, urlSchema } from './common.ts';

/**
 * Trust-center content that is not part of the compliance graph (content/trust.yaml):
 * attestations, documents, subprocessors and FAQ. Everything here is written for the trust
 * center, so items are `public` unless marked `customer` (shown only in the customer edition).
 */

/** Who may see a trust-center item: public (everyone) or customer (under NDA). Default public. */
export const trustVisibilitySchema = () => z.enum(['public', 'customer']).default('public');

/** A link: https://…, mailto:… or a site path starting with "/". */
export const linkSchema = () => urlSchema({ sitePath: true });

/** An independent attestation: a period-based audit report (SOC 2) or a certificate (ISO/IEC 27001). */
export const attestationSchema = () =>
  z
    .object({
      /** Framework it attests, by id (soc2, iso27001 or one of frameworks/). */
      framework: z.string().min(1),
      /** Name as customers know it, e.g. "SOC 2 Type II" or "ISO/IEC 27001:2022". */
      name: z.string().min(1),
      /** report (covers a period, e.g. SOC 2 Type II) or certificate (valid until a date, e.g. ISO/IEC 27001). */
      kind: z.enum(['report', 'certificate']),
      /** Days the report covers (reports). */
      period: periodSchema().optional(),
      /** Day the report or certificate was issued; leave it out while the audit is under way. */
      issued: dateSchema().optional(),
      /** Last day it counts as current: a certificate's expiry; for a report, default period end + 1 year. */
      validUntil: dateSchema().optional(),
      /** Audit firm or certification body. */
      issuer: z.string().min(1).optional(),
      /** Certificate or report number. */
      reference: z.string().min(1).optional(),
      /** What it covers, in one sentence. */
      scope: z.string().min(1).optional(),
      /** Who may obtain the document: public (linked for everyone) or customer (under NDA; public readers are sent to request access). */
      access: z.enum(['public', 'customer']).default('customer'),
      /** Where the document is, for those with access. */
      url: linkSchema().optional(),
      /** Who may see that this attestation exists (default public). */
      visibility: trustVisibilitySchema(),
    })
    .strict()
    .refine((a) => a.kind !== 'report' || a.period, { message: 'a report needs the period it covers (period: { start, end })', path: ['period'] })
    .refine((a) => a.kind !== 'certificate' || !a.issued || a.validUntil, { message: 'an issued certificate needs validUntil (its expiry date)', path: ['validUntil'] });

/** A document customers can read or request (security whitepaper, pen-test summary, insurance certificate…). */
export const trustDocumentSchema = () =>
  z
    .object({
      /** Title of the document. */
      title: z.string().min(1),
      /** What it contains, in one sentence. */
      description: z.string().min(1),
      /** Who may obtain it: public (linked) or customer (under NDA, request access). */
      access: z.enum(['public', 'customer']).default('customer'),
      /** Where the document is, for those with access. */
      url: linkSchema().optional(),
      /** Who may see that it exists (default public). */
      visibility: trustVisibilitySchema(),
    })
    .strict();

/** A third party that processes customer data on the organisation's behalf. */
export const subprocessorSchema = () =>
  z
    .object({
      /** Company name. */
      name: z.string().min(1),
      /** What it does for the service. */
      purpose: z.string().min(1),
      /** Where the data is processed, e.g. "Ireland (EU)". */
      location: z.string().min(1),
      /** Which customer data it processes. */
      data: z.string().min(1).optional(),
      /** Its website or trust page. */
      website: linkSchema().optional(),
      /** Day it started processing customer data (listed in the changelog). */
      since: dateSchema().optional(),
      /** Who may see it (default public). */
      visibility: trustVisibilitySchema(),
    })
    .strict();

/**
 * One recovery tier as customers read it: which systems, restored to which objectives. The
 * trust center's recovery table lists these rows and its headline numbers derive from them.
 * Shown in both editions (it is a commitment, not a detail).
 */
export const recoveryTierSchema = () =>
  z
    .object({
      /** Name of the tier, e.g. "Tier 1". */
      name: z.string().min(1),
      /** The systems in it, in customers' words, e.g. "Ledger and accounts-payable databases". */
      systems: z.string().min(1),
      /** Recovery point objective: most data that may be lost, ISO 8601 (e.g. PT1H). */
      rpo: durationSchema().optional(),
      /** Recovery time objective: longest a restore may take, ISO 8601 (e.g. PT4H). */
      rto: durationSchema().optional(),
      /** How long backups are kept, ISO 8601 (e.g. P35D). */
      retention: durationSchema().optional(),
    })
    .strict();

/** A dated change to the program worth telling customers about (beyond what Proofbook derives). */
export const trustChangeSchema = () =>
  z
    .object({
      /** Day of the change. */
      date: dateSchema(),
      /** What changed, in one sentence. */
      summary: z.string().min(1),
      /** Who may see it (default public). */
      visibility: trustVisibilitySchema(),
    })
    .strict();

/** A colour written #rgb or #rrggbb. */
const colourSchema = () => z.string().regex(/^#(?:[0-9a-fA-F]{3}){1,2}$/, 'write the colour as #rrggbb, e.g. #0b5fff');

/** The organisation's own look: logo and colours. */
export const brandSchema = () =>
  z
    .object({
      /** Logo file (SVG, PNG or WebP), a path inside the content root, e.g. "brand/logo.svg". */
      logo: z.string().regex(/\.(?:svg|png|webp)$/i, 'use an .svg, .png or .webp file').optional(),
      /** Main colour (header, links, buttons), e.g. #0b5fff; text on it stays readable. */
      primary: colourSchema().optional(),
      /** Accent colour for highlights, e.g. #00a37a. */
      accent: colourSchema().optional(),
    })
    .strict();

/** One frequently asked question from security reviews. */
export const faqSchema = () =>
  z
    .object({
      /** The question as a reviewer asks it. */
      question: z.string().min(1),
      /** The answer (plain text; blank lines start new paragraphs). */
      answer: z.string().min(1),
      /** Who may see it (default public). */
      visibility: trustVisibilitySchema(),
    })
    .strict();

/** content/trust.yaml: the trust center's own content. Every part is optional. */
export const trustSchema = () =>
  z
    .object({
      /** Headline of the trust center (default: "<organisation> Trust Center"). */
      title: z.string().min(1).optional(),
      /** Address the trust center is published at, e.g. https://trust.example.com: social-image links become absolute, as social networks require. */
      siteUrl: urlSchema({ web: true }).optional(),
      /** Introduction at the top of the trust center (default: organisation.description from proofbook.yaml). */
      intro: z.string().min(1).optional(),
      /** How to report a vulnerability or security concern. */
      security: z
        .object({
          /** Contact for security reports (default: organisation.securityContact); an e-mail address or a link. */
          contact: contactSchema().optional(),
          /** Link to the vulnerability disclosure policy. */
          disclosurePolicy: linkSchema().optional(),
          /** Link to the PGP key for encrypted reports. */
          pgpKey: linkSchema().optional(),
        })
        .strict()
        .default({}),
      /** Where customers and prospects request the documents shared under NDA. */
      requestAccess: z
        .object({
          /** Link to the request form or a mailto: address. */
          url: linkSchema(),
          /** What happens after a request, in one sentence. */
          note: z.string().min(1).optional(),
        })
        .strict()
        .optional(),
      /** Audit reports and certificates, newest first. */
      attestations: z.array(attestationSchema()).default([]),
      /** Further documents customers can read or request. */
      documents: z.array(trustDocumentSchema()).default([]),
      /** Subprocessors that handle customer data. */
      subprocessors: z.array(subprocessorSchema()).default([]),
      /** Frequently asked questions. */
      faq: z.array(faqSchema()).default([]),
      /** Recovery tiers and their objectives, for the recovery table (default: one row from the measures' targets). */
      recovery: z.array(recoveryTierSchema()).default([]),
      /** Dated changes for the changelog beyond those derived from policies, attestations and subprocessors. */
      changes: z.array(trustChangeSchema()).default([]),
      /** Logo and colours of the organisation. */
      brand: brandSchema().default({}),
    })
    .strict();

export type TrustData = z.infer<ReturnType<typeof trustSchema>>;
export type Attestation = TrustData['attestations'][number];
export type TrustDocument = TrustData['documents'][number];
export type Subprocessor = TrustData['subprocessors'][number];
export type FaqItem = TrustData['faq'][number];
export type RecoveryTier = TrustData['recovery'][number];
export type TrustChange = TrustData['changes'][number];
