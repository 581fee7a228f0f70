import type { APIRoute } from 'astro';
import { siteModel } from '../../site/model.ts';
import { trustStanding } from '../../site/trust-status.ts';
import { trustJson } from '../../trust/json.ts';

/** /trust.json: the audience's trust center as data (shape: /trust.schema.json). */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(trustJson(siteModel(), trustStanding()), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
