import type { AstroIntegration } from 'astro';
import { buildModel } from '../model/build.ts';
import { formatProblems } from '../validation/problem.ts';
import { buildAsOf, buildAudience, contentRoot } from '../site/env.ts';
import { routesFor } from './routes.ts';
import { copyArtifacts } from './artifacts.ts';
import { indexSite } from '../trust/search-index.ts';
import { fileURLToPath } from 'node:url';
import { releaseRoutes } from '../release/routes.ts';
import { publishReleases, releaseSiteProblems } from '../release/site.ts';
import { publishExports } from '../site/exports.ts';

/**
 * Proofbook's Astro integration, kept thin: refuse to build invalid content (so a plain
 * `astro build` fails as clearly as `proofbook build`), publish the artifact files the audience
 * may download, and index the site for search.
 */
export default function proofbook(): AstroIntegration {
  return {
    name: 'proofbook',
    hooks: {
      'astro:config:setup': ({ injectRoute, command }) => {
        // `astro sync` (types only) must work on content that is still being fixed, and
        // `proofbook build` has validated this very content already (buildSite says so).
        const validated = command === 'sync' || process.env.PROOFBOOK_VALIDATED === `${contentRoot()}|${buildAsOf()}`;
        const { problems } = validated ? { problems: [] } : buildModel({ contentDir: contentRoot(), asOf: buildAsOf() });
        if (problems.length) {
          const error = new Error(`\n${formatProblems(problems, process.env.PROOFBOOK_CONTENT ? contentRoot() : 'content')}`);
          error.stack = error.message;
          throw error;
        }
        // A broken release ledger, or a stored bundle changed since its release, stops the build too.
        const releaseProblems = command === 'sync' ? [] : releaseSiteProblems();
        if (releaseProblems.length) {
          const [first] = releaseProblems;
          const more = releaseProblems.length > 1 ? ` (and ${releaseProblems.length - 1} more: run npx proofbook verify --all)` : '';
          const error = new Error(`${first!.file}: ${first!.message}${more}\n${formatProblems(releaseProblems, process.env.PROOFBOOK_CONTENT ? contentRoot() : 'content')}`);
          error.stack = error.message;
          throw error;
        }
        for (const route of routesFor(buildAudience())) injectRoute({ ...route, prerender: true });
        for (const route of releaseRoutes()) injectRoute({ ...route, prerender: true });
      },
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        copyArtifacts(out);
        // Every release's frozen site and bundle: the bytes of the bundle, never re-rendered.
        await publishReleases(out);
        // Auditor exports (control matrix, evidence requests, crosswalk, OSCAL) for the portal editions.
        await publishExports(out);
        // Full-text search, indexed from this audience's own pages only (sites with a search page).
        if (routesFor(buildAudience()).some((r) => r.pattern === '/search')) await indexSite(out);
      },
    },
  };
}
