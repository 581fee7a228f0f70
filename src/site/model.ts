import { loadModel } from '../model/build.ts';
import type { Model } from '../model/types.ts';
import { buildAsOf, contentRoot } from './env.ts';

let cached: Model | undefined;

/** The compliance model for this build, built once and shared by every page. */
export function siteModel(): Model {
  return (cached ??= loadModel({ contentDir: contentRoot(), asOf: buildAsOf() }));
}
