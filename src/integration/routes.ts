import type { Audience } from '../schemas/common.ts';

/**
 * Which page templates each audience's site is built from. Pages live in src/routes/<site>/
 * and are injected by the integration, so a site for one audience never even contains the
 * templates of another (the model is filtered too; this keeps whole page types out).
 */
export interface RouteDef {
  pattern: string;
  entrypoint: string;
}

const portal = (pattern: string, file: string): RouteDef => ({ pattern, entrypoint: `./src/routes/portal/${file}` });

export const PORTAL_ROUTES: RouteDef[] = [
  portal('/', 'index.astro'),
  portal('/404', '404.astro'),
  portal('/mapping', 'mapping.astro'),
  portal('/crosswalk', 'crosswalk.astro'),
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

/** Routes for an audience's site. */
export function routesFor(audience: Audience): RouteDef[] {
  switch (audience) {
    case 'internal':
    case 'auditor':
      return PORTAL_ROUTES;
    default:
      return PORTAL_ROUTES;
  }
}
