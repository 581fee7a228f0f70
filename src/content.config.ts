import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ARTIFACT_DIR, CONTENT_DIRS } from './content/load.ts';
import { contentRoot } from './site/env.ts';

/**
 * Astro collections exist only to render MD/MDX bodies. Frontmatter is validated once, by
 * the compliance model (src/model), so no schema here. Entry ids are the file's path
 * relative to the content root, the same `file` the model nodes carry.
 */
function bodies(kind: 'policy' | 'measure' | 'evidence') {
  const dir = CONTENT_DIRS[kind];
  return defineCollection({
    loader: glob({ pattern: ['**/*.md', '**/*.mdx', '!**/_*', `!${ARTIFACT_DIR}/**`], base: `${contentRoot()}/${dir}`, generateId: ({ entry }) => `${dir}/${entry}` }),
  });
}

export const collections = { policies: bodies('policy'), measures: bodies('measure'), evidence: bodies('evidence') };
