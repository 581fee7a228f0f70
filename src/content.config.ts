import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import handedOver from 'virtual:proofbook/build';
import { ARTIFACT_DIR, CONTENT_DIRS } from './content/load.ts';
import { bodiesToRender } from './site/bodies-shown.ts';
import { bodiesOnly } from './site/bodies-loader.ts';

/**
 * Astro collections exist only to render MD/MDX bodies. Frontmatter is validated once, by
 * the compliance model (src/model), so no schema here. Entry ids are the file's path
 * relative to the content root, the same `file` the model nodes carry.
 * A build syncs only the bodies its audience's view shows (a trust center shows hardly any
 * evidence, so it costs the same at 500 or 20,000 records); `astro sync` (types only) gets
 * the whole ./content folder.
 */
function bodies(kind: 'policy' | 'measure' | 'evidence') {
  const dir = CONTENT_DIRS[kind];
  const handed = handedOver();
  const shown = handed ? bodiesToRender(handed, kind) : 'all';
  if (Array.isArray(shown) && !shown.length) return defineCollection({ loader: async () => [] });
  const pattern = shown === 'all' ? ['**/*.md', '**/*.mdx', '!**/_*', `!${ARTIFACT_DIR}/**`] : shown;
  return defineCollection({
    // retainBody: false keeps the raw Markdown out of Astro's data store (held in memory and
    // written as one JSON string), and bodiesOnly the frontmatter: pages read both from the model.
    loader: bodiesOnly(glob({ pattern, base: `${handed?.contentDir ?? 'content'}/${dir}`, generateId: ({ entry }) => `${dir}/${entry}`, retainBody: false })),
  });
}

export const collections = { policies: bodies('policy'), measures: bodies('measure'), evidence: bodies('evidence') };
