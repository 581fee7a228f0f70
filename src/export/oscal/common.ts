import { createHash } from 'node:crypto';
import type { ControlNode, EvidenceNode, Model } from '../../model/types.ts';
import type { ExportContext } from '../context.ts';

/**
 * What the three OSCAL 1.1.2 documents share: name-based UUIDs, metadata, the framework and
 * evidence resources in back-matter, and control ids. Nothing here reads a clock or draws a
 * random number, so the same content gives the same bytes and releases diff cleanly.
 */
export const OSCAL_VERSION = '1.1.2';

/** Fixed namespace for Proofbook's name-based UUIDs (never change it: every UUID depends on it). */
const NAMESPACE = '6f1c9a52-3d7e-4b0a-9f25-8c4e1d7b2a60';

/** RFC 4122 version-5 UUID: SHA-1 over the namespace bytes and the name. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** Namespace of Proofbook's own OSCAL properties. */
export const NS = 'urn:proofbook:oscal';

export type Prop = { name: string; value: string; ns?: string };
export const prop = (name: string, value: string): Prop => ({ name, value, ns: NS });

/** OSCAL control ids are lower case by convention ("cc6.1", "a.8.13"). */
export const controlId = (c: ControlNode) => c.id.toLowerCase();

/** A day as an OSCAL date-time (midnight UTC). */
export const dayTime = (day: string) => `${day}T00:00:00Z`;

/** Document-level identity: what it is, for whom, as of when (and which release). */
export function documentUuid(kind: string, ctx: ExportContext): string {
  return uuidV5(`${kind}|${ctx.view.config.organisation.name}|${ctx.audience}|${ctx.view.asOf}|${ctx.release?.version ?? ''}`);
}

export const partyUuid = (view: Model) => uuidV5(`party|${view.config.organisation.name}`);
export const frameworkResource = (id: string) => uuidV5(`framework|${id}`);
export const evidenceResource = (e: EvidenceNode, path: string) => uuidV5(`evidence|${e.id}|${path}`);
export const componentUuid = (view: Model) => uuidV5(`component|${view.config.organisation.name}|backup-program`);

export function metadata(title: string, ctx: ExportContext) {
  const { view } = ctx;
  return {
    title,
    'last-modified': dayTime(view.asOf),
    version: ctx.release?.version ?? view.asOf,
    'oscal-version': OSCAL_VERSION,
    props: [prop('audience', ctx.audience), prop('as-of', view.asOf)],
    parties: [{ uuid: partyUuid(view), type: 'organization', name: view.config.organisation.name }],
  };
}

export const inScopeFrameworks = (view: Model) => view.frameworks.filter((f) => f.inScope);
export const applicable = (c: ControlNode) => c.coverage.status !== 'not-applicable';

/** Frameworks (as the catalogs they are) and every evidence file, with its sha256, as back-matter resources. */
export function backMatter(view: Model) {
  const resources: Array<Record<string, unknown>> = inScopeFrameworks(view).map((f) => ({
    uuid: frameworkResource(f.id),
    title: `${f.catalog.name} ${f.catalog.edition}`.trim(),
    description: f.catalog.source,
    props: [prop('framework', f.id)],
  }));
  for (const e of view.evidence) {
    for (const a of e.artifacts) {
      resources.push({
        uuid: evidenceResource(e, a.path),
        title: `${e.data.title}: ${a.path.split('/').pop()}`,
        props: [prop('evidence-id', e.id), prop('sha256', a.sha256)],
        rlinks: [{ href: a.path.split('/').map(encodeURIComponent).join('/'), hashes: [{ algorithm: 'SHA-256', value: a.sha256 }] }],
      });
    }
  }
  return { resources };
}

/** Stable JSON text of an OSCAL document. */
export const oscalJson = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
