import { XMLBuilder } from 'fast-xml-parser';
import type { Model } from '../model/types.ts';
import { changelog } from './changelog.ts';
import { slugify } from './derive.ts';
import { trustHref, trustTitle } from './pages.ts';

/**
 * The changelog as an Atom 1.0 feed (RFC 4287) customers can subscribe to. Deterministic: no
 * "now", `updated` is the newest change (or the as-of date), ids are stable. Links are absolute
 * when trust.yaml gives siteUrl, else site-relative; ids never depend on where the site is served.
 */
export function changelogAtom(model: Model): string {
  const base = model.trust?.siteUrl?.replace(/\/$/, '');
  const abs = (p: string) => (base ? `${base}${p}` : p);
  const idBase = base ? `${base}/changelog/` : `urn:proofbook:${slugify(model.config.organisation.name)}:changelog:`;
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const changes = changelog(model);
  const feed = {
    '?xml': { '@_version': '1.0', '@_encoding': 'utf-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      title: `${trustTitle(model)}: changelog`,
      subtitle: `What changed in ${model.config.organisation.name}'s backup and disaster-recovery program.`,
      id: base ? `${base}/changelog.xml` : `${idBase}feed`,
      updated: stamp(changes[0]?.date ?? model.asOf),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': abs(trustHref.feed()) },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': abs(trustHref.changelog()) },
      ],
      author: { name: model.config.organisation.name, ...(model.config.organisation.website ? { uri: model.config.organisation.website } : {}) },
      generator: 'Proofbook',
      entry: changes.map((c) => ({
        title: c.title,
        id: `${idBase}${c.id}`,
        updated: stamp(c.date),
        ...(c.path ? { link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': abs(c.path) } } : {}),
        category: { '@_term': c.kind },
        summary: c.summary,
      })),
    },
  };
  // processEntities escapes &, <, > and quotes in text and attributes.
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true, processEntities: true });
  return builder.build(feed);
}
