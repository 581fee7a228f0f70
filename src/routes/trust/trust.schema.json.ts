import type { APIRoute } from 'astro';
import schema from '../../trust/trust.schema.json';

/** /trust.schema.json: the JSON Schema of /trust.json, published beside it. */
export const GET: APIRoute = () => new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
