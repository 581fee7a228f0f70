import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../site/model.ts';
import { indexable, trustPages } from '../../trust/pages.ts';

/**
 * /sitemap.xml for the public edition, when trust.yaml gives siteUrl (a sitemap needs
 * absolute addresses). The customer edition has none: it is not for search engines.
 */
export const getStaticPaths = (() => {
  const model = siteModel();
  return indexable(model) && model.trust?.siteUrl ? [{ params: { sitemap: 'sitemap' } }] : [];
}) satisfies GetStaticPaths;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const GET: APIRoute = () => {
  const model = siteModel();
  const base = model.trust!.siteUrl!.replace(/\/$/, '');
  const urls = trustPages(model)
    .filter((p) => p.id !== 'search')
    .map((p) => `  <url><loc>${escape(`${base}${p.path}`)}</loc><lastmod>${model.asOf}</lastmod></url>`);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, { headers: { 'Content-Type': 'application/xml' } });
};
