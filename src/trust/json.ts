import type { Model } from '../model/types.ts';
import { attestationViews, commitments, controlStatus, headlineObjectives, lastRestoreTest, NOT_AUDITED, objectives, recoveryRows, type AuditStanding } from './derive.ts';
import { trustHref, trustTitle } from './pages.ts';

/**
 * trust.json: the trust center as data, for security questionnaires and vendor-risk tools.
 * Built from the audience's view only, like the pages; its shape is src/trust/trust.schema.json
 * (published beside it as /trust.schema.json). Dates are YYYY-MM-DD, durations ISO 8601.
 */
export const TRUST_JSON_VERSION = 1;
// Version 1 gained recovery.tiers and recovery.headline as optional additions: readers of the
// first shape are unaffected, so the number stays.

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function trustJson(model: Model, audit: AuditStanding = NOT_AUDITED) {
  const org = model.config.organisation;
  const trust = model.trust;
  const restore = lastRestoreTest(model);
  return {
    $schema: trustHref.schema(),
    schemaVersion: TRUST_JSON_VERSION,
    generator: 'Proofbook',
    audience: model.audience ?? 'internal',
    asOf: model.asOf,
    organisation: defined({ name: org.name, description: org.description || undefined, website: org.website, securityContact: trust?.security.contact ?? org.securityContact }),
    trustCenter: defined({ title: trustTitle(model), requestAccess: trust?.requestAccess?.url, disclosurePolicy: trust?.security.disclosurePolicy }),
    attestations: attestationViews(model).map((a) =>
      defined({
        framework: a.framework,
        name: a.name,
        kind: a.kind,
        status: a.status,
        summary: a.line,
        period: a.period,
        issued: a.issued,
        validUntil: a.validUntil,
        currentUntil: a.currentUntil,
        issuer: a.issuer,
        reference: a.reference,
        scope: a.scope,
        access: a.access,
        url: a.url,
      }),
    ),
    frameworks: controlStatus(model, audit).map(({ framework, counts, categories }) => ({
      id: framework.id,
      name: framework.catalog.name,
      edition: framework.catalog.edition,
      controls: { inScope: counts.inScope, covered: counts.covered, partial: counts.partial, gap: counts.gap, notApplicable: counts['not-applicable'], percent: counts.percent },
      categories: categories.map((c) => ({ name: c.category, inScope: c.counts.inScope, covered: c.counts.covered, status: c.status })),
    })),
    controls: controlStatus(model, audit).flatMap(({ framework, categories }) =>
      categories.flatMap((cat) => cat.controls.map((c) => ({ framework: framework.id, id: c.id, title: c.title, category: cat.category, status: audit.statusOf(c) }))),
    ),
    commitments: commitments(model, audit).map((c) => ({
      area: c.area.id,
      title: c.title,
      summary: c.lead,
      controls: c.controls,
      statements: c.statements.map((s) => ({ measure: s.measure.id, text: s.text, frequency: s.measure.data.frequency })),
      facts: c.facts.map((f) => defined({ label: f.label, value: f.value, datetime: f.datetime })),
    })),
    recovery: defined({
      // What customers read first: the tiers of the recovery table, the same rows the page shows,
      // and the headline numbers derived from them (the best tier's RPO and RTO).
      tiers: recoveryRows(model).map((t) => defined({ name: t.name, systems: t.systems, rpo: t.rpo, rto: t.rto, retention: t.retention })),
      headline: headline(model),
      // The measures behind them, per measure (the targets each measure states).
      objectives: objectives(model).map((o) => defined({ measure: o.measure.id, title: o.measure.data.title, rpo: o.rpo, rto: o.rto, retention: o.retention })),
      lastRestoreTest: restore ? defined({ date: restore.date, duration: restore.duration, dataLoss: restore.dataLoss }) : undefined,
    }),
    policies: model.policies.map((p) =>
      defined({ id: p.id, title: p.data.title, version: p.data.version, status: p.data.status, effective: p.data.effective, lastReviewed: p.data.lastReviewed, nextReview: p.nextReview, summary: p.data.summary, url: trustHref.policy(p) }),
    ),
    subprocessors: (trust?.subprocessors ?? []).map((s) => defined({ name: s.name, purpose: s.purpose, location: s.location, data: s.data, website: s.website })),
    documents: (trust?.documents ?? []).map((d) => defined({ title: d.title, description: d.description, access: d.access, url: d.url })),
    faq: (trust?.faq ?? []).map((f) => ({ question: f.question, answer: f.answer })),
  };
}

function headline(model: Model): { rpo?: string; rto?: string } | undefined {
  const h = headlineObjectives(model);
  return h.rpo || h.rto ? defined(h) : undefined;
}

export type TrustJson = ReturnType<typeof trustJson>;
