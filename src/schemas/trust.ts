import { z } from 'zod';
import { contactSchema, dateSchema, periodSchema, urlSchema } from './common.ts';

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
      /** Who may see it (default public). */
      visibility: trustVisibilitySchema(),
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
    })
    .strict();

export type TrustData = z.infer<ReturnType<typeof trustSchema>>;
export type Attestation = TrustData['attestations'][number];
export type TrustDocument = TrustData['documents'][number];
export type Subprocessor = TrustData['subprocessors'][number];
export type FaqItem = TrustData['faq'][number];
