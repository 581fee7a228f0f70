import type { AreaNode, ControlNode, EntryNode, FrameworkNode } from '../model/types.ts';

/**
 * Every URL the portal links to comes from here, so page paths are defined once and a
 * snapshot can rewrite them in one place. Paths end in "/" (trailingSlash: always).
 */
export const href = {
  home: () => '/',
  mapping: () => '/mapping/',
  crosswalk: () => '/crosswalk/',
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
};
