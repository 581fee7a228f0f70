import type { AreaNode, ControlNode, EntryNode, FrameworkNode } from '../model/types.ts';

/**
 * Every URL the portal links to comes from here, so page paths are defined once and a
 * snapshot can rewrite them in one place. Paths end in "/" (trailingSlash: always).
 */
export const href = {
  home: () => '/',
  mapping: () => '/mapping/',
  crosswalk: () => '/crosswalk/',
  audit: () => '/audit/',
  /** Backup health: sources, RPO and restore tests per measure. */
  health: () => '/health/',
  /** What every portal page loads: its script (portal.js) and its icon (favicon.svg). */
  asset: (file: 'portal.js' | 'favicon.svg') => `/assets/${file}`,
  /** Full-text search over this audience's own pagefind index. */
  search: () => '/search/',
  frameworks: () => '/frameworks/',
  framework: (f: FrameworkNode | string) => `/frameworks/${typeof f === 'string' ? f : f.id}/`,
  control: (c: ControlNode) => `/controls/${c.framework.id}/${c.slug}/`,
  area: (a: AreaNode | string) => `/areas/${typeof a === 'string' ? a : a.id}/`,
  policies: () => '/policies/',
  measures: () => '/measures/',
  evidenceIndex: (filter?: Record<string, string>) => `/evidence/${filter ? `?${new URLSearchParams(filter)}` : ''}`,
  entry: (e: EntryNode) => `/${e.type === 'policy' ? 'policies' : e.type === 'measure' ? 'measures' : 'evidence'}/${e.slug}/`,
  /** An artifact file, published under /artifacts/ with its content-relative path. */
  artifact: (rel: string) => `/artifacts/${rel.split('/').map(encodeURIComponent).join('/')}`,
  /** Auditor exports (src/routes/portal/exports.astro) and one exported file. */
  exports: () => '/exports/',
  exportFile: (name: string) => `/exports/${name}`,
  /** Every release (src/routes/portal/releases/). */
  releases: () => '/releases/',
  /** A release's frozen site: the bytes of its bundle, never re-rendered. */
  release: (version: string) => `/releases/${version}/`,
  /** A release's bundle for download. */
  releaseBundle: (version: string) => `/releases/proofbook-${version}.zip`,
  /** What changed from one release to a later one. */
  releaseDiff: (from: string, to: string) => `/releases/diff/${from}/${to}/`,
};
