import type { SiteBuild } from '../site/handoff.ts';
import { releasesEnabled } from './published.ts';

/** Pages of the versioned site, injected beside the portal's (not in snapshots, not in the trust center). */
export function releaseRoutes(build: SiteBuild): Array<{ pattern: string; entrypoint: string }> {
  if (!releasesEnabled(build)) return [];
  return [
    { pattern: '/releases', entrypoint: './src/routes/portal/releases/index.astro' },
    { pattern: '/releases/diff/[from]/[to]', entrypoint: './src/routes/portal/releases/diff/[from]/[to].astro' },
  ];
}
