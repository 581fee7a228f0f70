import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { viewFor } from '../audience/filter.ts';
import { buildModel } from '../model/build.ts';
import { formatProblems } from '../validation/problem.ts';
import { userError } from '../site/build-error.ts';
import { handedOver, handoffPlugin, type SiteBuild } from '../site/handoff.ts';
import { collectGarbage } from '../util/collect-garbage.ts';
import { routesFor } from './routes.ts';
import { SITES } from '../site/sites.ts';
import { copyArtifacts } from './artifacts.ts';
import { indexSite } from '../trust/search-index.ts';
import { releaseRoutes } from '../release/routes.ts';
import { publishReleases, releaseSiteMessage } from '../release/published.ts';
import { publishExports } from './exports.ts';
import { dataStoreAsJson } from './data-store.ts';

/** The package's sources, where src/integration/routes.ts and src/release/routes.ts name the page templates. */
const SOURCES = fileURLToPath(new URL('../', import.meta.url));

/** The content folder a plain `astro build` or `astro sync` reads, relative to the project root. */
const DEFAULT_CONTENT = 'content';

/**
 * A plain `astro build` has nobody to hand it a model: build and validate ./content here,
 * once, as the internal portal (what `proofbook build --audience internal` makes).
 */
function ownBuild(): SiteBuild {
  const contentDir = path.resolve(DEFAULT_CONTENT);
  const { model, problems } = buildModel({ contentDir });
  if (!model || problems.length) throw userError(`\n${formatProblems(problems, DEFAULT_CONTENT)}`);
  return { contentDir, audience: 'internal', model, view: viewFor(model, 'internal'), shared: {} };
}

/**
 * Proofbook's Astro integration, kept thin: take the build the caller validated (src/site/
 * handoff.ts; a plain `astro build` validates ./content itself, so it fails as clearly as
 * `proofbook build`), inject the audience's pages, publish the artifact files the audience may
 * download, and index the site for search.
 */
export default function proofbook(): AstroIntegration {
  let build: SiteBuild | undefined;
  // A handed-over build is indexed for search by its caller (src/site/build-site.ts), while the
  // next audience builds; a plain `astro build` is indexed here.
  let indexHere = false;
  return {
    name: 'proofbook',
    hooks: {
      'astro:config:setup': ({ injectRoute, command, config, updateConfig }) => {
        build = handedOver(config.vite?.plugins);
        updateConfig({ vite: { plugins: [dataStoreAsJson(config.cacheDir)] } });
        const label = build ? build.contentDir : DEFAULT_CONTENT;
        // `astro sync` (types only) must work on content that is still being fixed.
        if (!build && command !== 'sync') {
          build = ownBuild();
          indexHere = true;
          updateConfig({ vite: { plugins: [handoffPlugin(build)] } });
        }
        if (!build) {
          updateConfig({ vite: { plugins: [handoffPlugin(undefined)] } });
          return;
        }
        // A broken release ledger, or a stored bundle changed since its release, stops the build too.
        const stop = releaseSiteMessage(build, label);
        if (stop) throw userError(stop);
        // Page templates from the build's own src/ (in a CLI build, a copy inside the build's
        // root, so that Astro's style ids do not depend on where Proofbook is installed).
        const src = fileURLToPath(config.srcDir);
        const atSrc = (route: { pattern: string; entrypoint: string }) => ({ ...route, entrypoint: path.join(src, path.relative(SOURCES, route.entrypoint)), prerender: true });
        for (const route of routesFor(build.audience)) injectRoute(atSrc(route));
        for (const route of releaseRoutes(build)) injectRoute(atSrc(route));
      },
      // Between Vite's server build and the rendering of every page: Rollup's work is garbage
      // now, and the pages render on a heap V8 sizes from what is alive (src/util/collect-garbage.ts).
      'astro:build:ssr': () => {
        if (build) collectGarbage();
      },
      'astro:build:done': async ({ dir }) => {
        if (!build) return;
        const out = fileURLToPath(dir);
        copyArtifacts(out, build);
        // Every release's frozen site and bundle: the bytes of the bundle, never re-rendered.
        await publishReleases(out, build);
        // Auditor exports (control matrix, evidence requests, crosswalk, OSCAL) for the portal editions.
        await publishExports(out, build);
        // Full-text search, indexed from this audience's own pages only (sites with a search page).
        if (indexHere && SITES[build.audience].search) await indexSite(out);
      },
    },
  };
}
