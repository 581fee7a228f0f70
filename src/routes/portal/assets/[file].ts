import type { APIRoute, GetStaticPaths } from 'astro';
import favicon from '../../../site/assets/favicon.svg?raw';
import script from '../../../site/assets/portal.js?raw';

/**
 * /assets/<file>: what every portal page loads, as files rather than inline in each page (the
 * portal has one page per evidence record, so 4 KB repeated was most of a page's weight, and
 * pagefind and the offline rewrite read every byte of it).
 */
const FILES: Record<string, { body: string; type: string }> = {
  'portal.js': { body: script, type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { body: favicon, type: 'image/svg+xml' },
};

export const getStaticPaths = (() => Object.keys(FILES).map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const file = FILES[String(params.file)]!;
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
