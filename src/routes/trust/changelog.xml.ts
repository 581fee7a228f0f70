import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { changelogAtom } from '../../trust/atom.ts';

/** /changelog.xml: the changelog as an Atom feed. */
export const GET: APIRoute = () => new Response(changelogAtom(siteModel()), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
