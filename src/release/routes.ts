import type { RouteDef } from '../integration/routes.ts';
import { releasesEnabled } from './site.ts';

/** Pages of the versioned site, injected beside the portal's (not in snapshots, not in the trust center). */
export function releaseRoutes(): RouteDef[] {
  if (!releasesEnabled()) return [];
  return [
    { pattern: '/releases', entrypoint: './src/routes/portal/releases/index.astro' },
    { pattern: '/releases/diff/[from]/[to]', entrypoint: './src/routes/portal/releases/diff/[from]/[to].astro' },
  ];
}
