import { fileURLToPath } from 'node:url';
import type { Audience } from '../schemas/common.ts';
import { SITES } from '../site/sites.ts';

/**
 * Which page templates each audience's site is built from. Pages live in src/routes/<site>/
 * and are injected by the integration, so a site for one audience never even contains the
 * templates of another (the model is filtered too; this keeps whole page types out).
 */
export interface RouteDef {
  pattern: string;
  entrypoint: string;
}

/** Absolute, because each build has a root of its own (src/site/build-site.ts). */
const ROUTES_DIR = fileURLToPath(new URL('../routes/', import.meta.url));

const portal = (pattern: string, file: string): RouteDef => ({ pattern, entrypoint: `${ROUTES_DIR}portal/${file}` });

export const PORTAL_ROUTES: RouteDef[] = [
  portal('/', 'index.astro'),
  portal('/404', '404.astro'),
  portal('/mapping', 'mapping.astro'),
  portal('/crosswalk', 'crosswalk.astro'),
  portal('/audit', 'audit.astro'),
  portal('/exports', 'exports.astro'),
  portal('/health', 'health.astro'),
  portal('/search', 'search.astro'),
  portal('/assets/[file]', 'assets/[file].ts'),
  portal('/frameworks', 'frameworks/index.astro'),
  portal('/frameworks/[framework]', 'frameworks/[framework].astro'),
  portal('/controls/[framework]/[control]', 'controls/[framework]/[control].astro'),
  portal('/areas/[area]', 'areas/[area].astro'),
  portal('/policies', 'policies/index.astro'),
  portal('/policies/[policy]', 'policies/[policy].astro'),
  portal('/measures', 'measures/index.astro'),
  portal('/measures/[measure]', 'measures/[measure].astro'),
  portal('/evidence', 'evidence/index.astro'),
  portal('/evidence/[evidence]', 'evidence/[evidence].astro'),
];

const trust = (pattern: string, file: string): RouteDef => ({ pattern, entrypoint: `${ROUTES_DIR}trust/${file}` });

/** The trust center (public and customer editions): pages, trust.json, social images and badges. */
export const TRUST_ROUTES: RouteDef[] = [
  trust('/', 'index.astro'),
  trust('/404', '404.astro'),
  trust('/backup-and-recovery', 'backup-and-recovery.astro'),
  trust('/controls', 'controls.astro'),
  trust('/policies', 'policies/index.astro'),
  trust('/policies/[policy]', 'policies/[policy].astro'),
  trust('/subprocessors', 'subprocessors.astro'),
  trust('/faq', 'faq.astro'),
  trust('/documents', 'documents.astro'),
  trust('/search', 'search.astro'),
  trust('/changelog', 'changelog.astro'),
  trust('/changelog.xml', 'changelog.xml.ts'),
  trust('/brand/[file]', 'brand/[file].ts'),
  trust('/trust.json', 'trust.json.ts'),
  trust('/trust.schema.json', 'trust.schema.json.ts'),
  trust('/og/[page].png', 'og/[page].png.ts'),
  trust('/badges/[badge].svg', 'badges/[badge].svg.ts'),
  trust('/robots.txt', 'robots.txt.ts'),
  trust('/[sitemap].xml', '[sitemap].xml.ts'),
];

/** Routes for an audience's site: the trust center outside the company, the portal inside it. */
export function routesFor(audience: Audience): RouteDef[] {
  return SITES[audience].pages === 'trust' ? TRUST_ROUTES : PORTAL_ROUTES;
}
