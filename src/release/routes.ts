import { fileURLToPath } from 'node:url';
import type { SiteBuild } from '../site/handoff.ts';
import { releasesEnabled } from './published.ts';

/** Pages of the versioned site, injected beside the portal's (not in snapshots, not in the trust center). */
export function releaseRoutes(build: SiteBuild): Array<{ pattern: string; entrypoint: string }> {
  if (!releasesEnabled(build)) return [];
  // Absolute, because each build has a root of its own (src/site/build-site.ts).
  const releases = fileURLToPath(new URL('../routes/portal/releases/', import.meta.url));
  return [
    { pattern: '/releases', entrypoint: `${releases}index.astro` },
    { pattern: '/releases/diff/[from]/[to]', entrypoint: `${releases}diff/[from]/[to].astro` },
  ];
}
