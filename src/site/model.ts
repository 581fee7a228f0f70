import handedOver from 'virtual:proofbook/build';
import type { Model } from '../model/types.ts';
import type { SiteBuild } from './handoff.ts';

/**
 * The build this site is rendered for, handed over once by the caller (src/site/handoff.ts).
 * Only pages, layouts and the content config import this module: it reads a virtual module
 * that exists inside Astro's build only.
 */
export function siteBuild(): SiteBuild {
  const handed = handedOver();
  if (!handed) throw new Error('No Proofbook build was handed to Astro: build the site with `proofbook build` or `astro build`.');
  return handed;
}

/**
 * The compliance model for this build as its audience may see it (src/audience/filter.ts),
 * computed once by the caller and shared by every page. Pages render this view and never
 * check visibility.
 */
export function siteModel(): Model {
  return siteBuild().view;
}
