import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { indexable, trustHref } from '../../trust/pages.ts';

/** /robots.txt: the public edition invites crawlers (with its sitemap); the customer edition turns them away. */
export const GET: APIRoute = () => {
  const model = siteModel();
  const base = model.trust?.siteUrl?.replace(/\/$/, '');
  const lines = indexable(model) ? ['User-agent: *', 'Allow: /', ...(base ? [`Sitemap: ${base}${trustHref.sitemap()}`] : [])] : ['User-agent: *', 'Disallow: /'];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
