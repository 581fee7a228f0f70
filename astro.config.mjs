// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import proofbook from './src/integration/index.ts';
import { rehypeSanitizeBody } from './src/content/sanitize.ts';
import remarkDurations from './src/site/remark-durations.ts';

// Static output only: the portal, trust center and snapshots are plain files.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  // Bodies are sanitised on the way to HTML (the MDX pipeline inherits this): see src/content/sanitize.ts.
  markdown: { remarkPlugins: [remarkGfm, remarkDurations], rehypePlugins: [rehypeSanitizeBody] },
  integrations: [mdx(), proofbook()],
});
