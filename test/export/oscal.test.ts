import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { exportContext } from '../../src/export/build.ts';
import { renderExports, type ExportFile } from '../../src/export/kinds.ts';
import { uuidV5 } from '../../src/export/oscal/common.ts';
import type { Model } from '../../src/model/types.ts';
import { REFERENCE } from '../helpers/paths.ts';
import { injectedExample } from './helpers.ts';

/**
 * The OSCAL 1.1.2 exports of the example program, validated with ajv against NIST's complete
 * schema (read in place from ../shared/reference; skipped with a notice when absent), and
 * checked against the model: implemented requirements, control states, observations citing
 * every evidence file by sha256, findings of the self-audit; name-based UUIDs only.
 */
const SCHEMA = path.join(REFERENCE, 'oscal-1.1.2', 'oscal_complete_schema.json');
const hasSchema = existsSync(SCHEMA);
if (!hasSchema) console.warn(`[skip] OSCAL schema validation: ${SCHEMA} is absent (shared reference data).`);

let view: Model;
let docs: Map<string, Record<string, any>>;
let files: ExportFile[];
let again: ExportFile[];

beforeAll(async () => {
  const fx = injectedExample();
  view = viewFor(fx.model, 'auditor');
  const kinds = ['oscal-component-definition', 'oscal-ssp', 'oscal-assessment-results'];
  files = await renderExports(exportContext(fx.model, 'auditor', { audit: fx.audit }), kinds);
  again = await renderExports(exportContext(fx.model, 'auditor', { audit: fx.audit }), kinds);
  docs = new Map(files.map((f) => [f.kind, JSON.parse(f.data.toString('utf8'))]));
});

describe('OSCAL 1.1.2', () => {
  it.skipIf(!hasSchema)('every document validates against the complete schema', () => {
    // Formats (uri, date-time) are not built into ajv; the schema's own patterns check those types.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    for (const [kind, doc] of docs) {
      const ok = validate(doc);
      expect(ok ? [] : validate.errors!.slice(0, 5).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`), kind).toEqual([]);
    }
    // The validator does reject a broken document (a random-looking v1 UUID, a missing part).
    const broken = structuredClone(docs.get('oscal-ssp')!);
    broken['system-security-plan'].uuid = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    expect(validate(broken)).toBe(false);
    delete broken['system-security-plan']['import-profile'];
    broken['system-security-plan'].uuid = docs.get('oscal-ssp')!['system-security-plan'].uuid;
    expect(validate(broken)).toBe(false);
  });

  it('component definition: one implemented requirement per applicable control a measure implements', () => {
    const cd = docs.get('oscal-component-definition')!['component-definition'];
    expect(cd.metadata['oscal-version']).toBe('1.1.2');
    const reqs = cd.components[0]['control-implementations'].flatMap((ci: any) => ci['implemented-requirements']);
    const expected = view.frameworks.filter((f) => f.inScope).flatMap((f) => f.controls.filter((c) => c.coverage.status !== 'not-applicable' && c.measures.length));
    expect(reqs.map((r: any) => r['control-id'])).toEqual(expected.map((c) => c.id.toLowerCase()));
    for (const [i, c] of expected.entries()) for (const m of c.measures) expect(reqs[i].description).toContain(m.id);
  });

  it('SSP: every applicable control with the implementation state its coverage implies', () => {
    const ssp = docs.get('oscal-ssp')!['system-security-plan'];
    const reqs = ssp['control-implementation']['implemented-requirements'];
    const expected = view.frameworks.filter((f) => f.inScope).flatMap((f) => f.controls.filter((c) => c.coverage.status !== 'not-applicable'));
    expect(reqs.length).toBe(expected.length);
    const state = { covered: 'implemented', partial: 'partial', gap: 'planned' } as Record<string, string>;
    expected.forEach((c, i) => expect(reqs[i]['by-components'][0]['implementation-status'].state, c.key).toBe(state[c.coverage.status]));
  });

  it('assessment results: observations cite every evidence file by sha256; findings per control and per self-audit finding', () => {
    const ar = docs.get('oscal-assessment-results')!['assessment-results'];
    const result = ar.results[0];
    const resources = new Map(ar['back-matter'].resources.map((r: any) => [`#${r.uuid}`, r]));
    expect(result.observations.length).toBe(view.evidence.length);
    for (const e of view.evidence) {
      const o = result.observations.find((x: any) => x.props.some((p: any) => p.name === 'evidence-id' && p.value === e.id));
      expect(o, e.id).toBeDefined();
      const cited = (o['relevant-evidence'] ?? []).map((r: any) => (resources.get(r.href) as any).rlinks[0].hashes[0].value);
      expect(cited).toEqual(e.artifacts.map((a) => a.sha256));
    }
    const satisfied = result.findings.filter((f: any) => f.target.status.state === 'satisfied').length;
    expect(satisfied).toBe(view.frameworks.filter((f) => f.inScope).flatMap((f) => f.controls).filter((c) => c.coverage.status === 'covered').length);
    const audit = result.findings.filter((f: any) => f.props.some((p: any) => p.name === 'rule'));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('UUIDs are name-based (v5), unique, and the same on a second export', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    for (const f of files) {
      const uuids = [...f.data.toString('utf8').matchAll(/"uuid": "([^"]+)"/g)].map((m) => m[1]!);
      for (const u of uuids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(uuids).size, f.name).toBe(uuids.length);
    }
    for (const [i, f] of again.entries()) expect(f.data.equals(files[i]!.data), f.name).toBe(true);
  });
});
