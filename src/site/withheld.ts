import { createComponent, renderTemplate } from 'astro/runtime/server/index.js';

/**
 * Stands in for a body the build's audience may not see (src/site/bodies.ts): an Astro
 * component that renders nothing, built the way compiled .astro files build theirs.
 */
export const Withheld = createComponent(() => renderTemplate``);
