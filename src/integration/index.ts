import type { AstroIntegration } from 'astro';
import { buildModel } from '../model/build.ts';
import { formatProblems } from '../validation/problem.ts';
import { buildAsOf, buildAudience, contentRoot } from '../site/env.ts';
import { routesFor } from './routes.ts';
import { copyArtifacts } from './artifacts.ts';
import { fileURLToPath } from 'node:url';

/**
 * Proofbook's Astro integration, kept thin: refuse to build invalid content (so a plain
 * `astro build` fails as clearly as `proofbook build`) and publish artifact files.
 */
export default function proofbook(): AstroIntegration {
  return {
    name: 'proofbook',
    hooks: {
      'astro:config:setup': ({ injectRoute, command }) => {
        // `astro sync` (types only) must work on content that is still being fixed.
        const { problems } = command === 'sync' ? { problems: [] } : buildModel({ contentDir: contentRoot(), asOf: buildAsOf() });
        if (problems.length) {
          const error = new Error(`\n${formatProblems(problems, process.env.PROOFBOOK_CONTENT ? contentRoot() : 'content')}`);
          error.stack = error.message;
          throw error;
        }
        for (const route of routesFor(buildAudience())) injectRoute({ ...route, prerender: true });
      },
      'astro:build:done': ({ dir }) => {
        copyArtifacts(fileURLToPath(dir));
      },
    },
  };
}
