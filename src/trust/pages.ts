import type { Model, PolicyNode } from '../model/types.ts';
import { attestationViews, NOT_AUDITED, overallCoverage, type AuditStanding } from './derive.ts';

/**
 * Every trust-center page, defined once: the navigation, each page's title and description,
 * and its social image (/og/<id>.png) all come from here.
 */
export interface TrustPage {
  id: string;
  path: string;
  title: string;
  /** Short label in the navigation (pages without one are not in the menu). */
  nav?: string;
  description: string;
}

export const trustHref = {
  home: () => '/',
  backup: () => '/backup-and-recovery/',
  controls: () => '/controls/',
  policies: () => '/policies/',
  policy: (p: PolicyNode) => `/policies/${p.slug}/`,
  subprocessors: () => '/subprocessors/',
  faq: () => '/faq/',
  documents: () => '/documents/',
  search: () => '/search/',
  changelog: () => '/changelog/',
  /** The changelog as an Atom feed. */
  feed: () => '/changelog.xml',
  /** The organisation's logo, published under its own file name. */
  logo: (file: string) => `/brand/${encodeURIComponent(file)}`,
  json: () => '/trust.json',
  sitemap: () => '/sitemap.xml',
  schema: () => '/trust.schema.json',
  og: (id: string) => `/og/${id}.png`,
  badge: (id: string) => `/badges/${id}.svg`,
};

/**
 * Whether search engines may index this edition: the public one yes, the customer one (shared
 * under NDA) never. A property of the audience's site, not of any content.
 */
export function indexable(model: Model): boolean {
  return model.audience === 'public';
}

/**
 * Where this edition sends readers for documents shared under NDA: the request-access link of
 * trust.yaml, except in the customer edition, whose readers already have them (it links them).
 */
export function requestAccessFor(model: Model) {
  return model.audience === 'customer' ? undefined : model.trust?.requestAccess;
}

export function trustTitle(model: Model): string {
  return model.trust?.title ?? `${model.config.organisation.name} Trust Center`;
}

export function trustPages(model: Model, audit: AuditStanding = NOT_AUDITED): TrustPage[] {
  const org = model.config.organisation.name;
  const trust = model.trust;
  const attestations = attestationViews(model);
  const coverage = overallCoverage(model, audit);
  const pages: TrustPage[] = [
    {
      id: 'home',
      path: trustHref.home(),
      title: 'Overview',
      nav: 'Overview',
      description: attestations.length
        ? `${org}: ${attestations.filter((a, i, all) => all.findIndex((b) => b.name === a.name) === i).map((a) => `${a.name} ${a.status === 'current' ? 'current' : a.status.replace('-', ' ')}`).join(', ')}; backup controls ${coverage.message}. How we protect, back up and recover customer data.`
        : `How ${org} protects, backs up and recovers customer data.`,
    },
    { id: 'backup', path: trustHref.backup(), title: 'Backup and recovery', nav: 'Backup & recovery', description: `How ${org} backs up, isolates, encrypts and restores customer data, with recovery objectives and the last restore test.` },
    { id: 'controls', path: trustHref.controls(), title: 'Control status', nav: 'Controls', description: `Status of ${org}'s backup and disaster-recovery controls by framework and category.` },
    { id: 'policies', path: trustHref.policies(), title: 'Policies', nav: 'Policies', description: `${org}'s published backup, recovery and security policies.` },
  ];
  for (const p of model.policies) pages.push({ id: `policy-${p.slug}`, path: trustHref.policy(p), title: p.data.title, description: p.data.summary ?? `${p.data.title}, version ${p.data.version}.` });
  // Pages without content stay reachable but leave the menu.
  pages.push({ id: 'subprocessors', path: trustHref.subprocessors(), title: 'Subprocessors', ...(trust?.subprocessors.length ? { nav: 'Subprocessors' } : {}), description: `Third parties that process customer data for ${org}.` });
  pages.push({ id: 'faq', path: trustHref.faq(), title: 'Frequently asked questions', ...(trust?.faq.length ? { nav: 'FAQ' } : {}), description: `Answers to the questions security reviewers ask ${org} most.` });
  pages.push({ id: 'changelog', path: trustHref.changelog(), title: 'Changelog', nav: 'Changelog', description: `What changed in ${org}'s program: policy versions, audits and subprocessors, also as an Atom feed.` });
  pages.push({ id: 'documents', path: trustHref.documents(), title: 'Documents and reports', nav: 'Documents', description: `Audit reports, certificates and security documents from ${org}, and how to request them.` });
  pages.push({ id: 'search', path: trustHref.search(), title: 'Search', description: `Search the ${org} trust center.` });
  return pages;
}

export function trustPage(model: Model, id: string, audit: AuditStanding = NOT_AUDITED): TrustPage {
  const page = trustPages(model, audit).find((p) => p.id === id);
  if (!page) throw new Error(`No trust-center page "${id}".`);
  return page;
}
