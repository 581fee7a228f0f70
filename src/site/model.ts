import { viewFor } from '../audience/filter.ts';
import { loadModel } from '../model/build.ts';
import type { Model } from '../model/types.ts';
import { buildAsOf, buildAudience, contentRoot } from './env.ts';

let cached: { key: string; model: Model } | undefined;

/**
 * The compliance model for this build as its audience may see it (src/audience/filter.ts),
 * built once and shared by every page. Pages render this view and never check visibility.
 * The cache is keyed by content root, date and audience: one process may build several
 * audiences, and a module instance may outlive one build.
 */
export function siteModel(): Model {
  const key = JSON.stringify([contentRoot(), buildAsOf(), buildAudience()]);
  if (cached?.key !== key) cached = { key, model: viewFor(loadModel({ contentDir: contentRoot(), asOf: buildAsOf() }), buildAudience()) };
  return cached.model;
}
