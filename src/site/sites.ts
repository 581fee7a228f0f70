import type { Audience } from '../schemas/common.ts';

/** What one audience's site is: the one table every "which audience gets what" decision reads. */
export interface SiteKind {
  /** Page templates: src/routes/portal/ or src/routes/trust/. */
  pages: 'portal' | 'trust';
  /** What the site is called in messages. */
  edition: string;
  /** Links made relative so the site opens from disk (the portal editions). */
  offline: boolean;
  /** Carries the versioned site: the Releases page and every release's frozen pages. */
  releases: boolean;
  /** Has a search page, over a pagefind index of the site's own pages. */
  search: boolean;
}

export const SITES: Record<Audience, SiteKind> = {
  public: { pages: 'trust', edition: 'public trust center', offline: false, releases: false, search: true },
  customer: { pages: 'trust', edition: 'customer trust center', offline: false, releases: false, search: true },
  internal: { pages: 'portal', edition: 'internal portal', offline: true, releases: true, search: true },
  auditor: { pages: 'portal', edition: 'auditor edition (portal with evidence files)', offline: true, releases: true, search: true },
};
