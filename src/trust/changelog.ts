import type { Model } from '../model/types.ts';
import { attestationViews, slugify } from './derive.ts';
import { trustHref } from './pages.ts';

/**
 * What changed in the program, newest first, derived from what the model already holds (policy
 * versions and their effective dates, attestations issued and audits started, subprocessors
 * with a `since` date) plus the dated `changes` of trust.yaml. Only what the audience's view
 * holds, and nothing after the as-of date, so the changelog never announces the future.
 */
export type ChangeKind = 'policy' | 'attestation' | 'subprocessor' | 'note';

export interface Change {
  /** Stable id within the changelog (also the Atom entry id's tail). */
  id: string;
  date: string;
  kind: ChangeKind;
  title: string;
  summary: string;
  /** Site path of the page about it, when there is one. */
  path?: string;
}

export const CHANGE_KIND_LABEL: Record<ChangeKind, string> = { policy: 'Policy', attestation: 'Audit', subprocessor: 'Subprocessor', note: 'Program' };

export function changelog(model: Model): Change[] {
  const out: Change[] = [];
  for (const p of model.policies) {
    if (p.data.status !== 'approved') continue;
    const { title, version, effective, lastReviewed } = p.data;
    out.push({ id: `policy-${p.slug}-${version}`, date: effective, kind: 'policy', title: `${title} version ${version} in effect`, summary: p.data.summary ?? `Version ${version} of the ${title} took effect.`, path: trustHref.policy(p) });
    if (lastReviewed && lastReviewed > effective) out.push({ id: `policy-${p.slug}-review-${lastReviewed}`, date: lastReviewed, kind: 'policy', title: `${title} reviewed`, summary: `The ${title} (version ${version}) was reviewed and remains in force.`, path: trustHref.policy(p) });
  }
  for (const a of attestationViews(model)) {
    if (a.issued) out.push({ id: `attestation-${a.slug}-${a.issued}`, date: a.issued, kind: 'attestation', title: `${a.name} ${a.kind === 'report' ? 'report issued' : 'certificate issued'}`, summary: a.line, path: trustHref.documents() });
    else if (a.period) out.push({ id: `attestation-${a.slug}-${a.period.start}`, date: a.period.start, kind: 'attestation', title: `${a.name} audit period started`, summary: `${a.name} observation period ${a.period.start} to ${a.period.end}${a.issuer ? `, audited by ${a.issuer}` : ''}.`, path: trustHref.documents() });
  }
  for (const s of model.trust?.subprocessors ?? []) {
    if (s.since) out.push({ id: `subprocessor-${slugify(s.name)}-${s.since}`, date: s.since, kind: 'subprocessor', title: `New subprocessor: ${s.name}`, summary: `${s.purpose} (${s.location}).`, path: trustHref.subprocessors() });
  }
  (model.trust?.changes ?? []).forEach((c) => out.push({ id: `note-${c.date}-${slugify(c.summary).slice(0, 48)}`, date: c.date, kind: 'note', title: c.summary, summary: c.summary }));
  return out.filter((c) => c.date <= model.asOf).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
