// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import proofbook from './src/integration/index.ts';
import remarkDurations from './src/site/remark-durations.ts';

// Static output only: the portal, trust center and snapshots are plain files.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: { remarkPlugins: [remarkGfm, remarkDurations] },
  integrations: [mdx(), proofbook()],
});
