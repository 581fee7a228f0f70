import { describe, expect, it } from 'vitest';
import { BACKUP_AREAS } from '../src/catalogs/backup-areas.ts';
import { buildModel } from '../src/model/build.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT } from './helpers/paths.ts';

/** The example program in content/ is the product's demo and its largest fixture. */
const { model, problems } = buildModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });

describe('the example program', () => {
  it('is valid', () => {
    expect(problems).toEqual([]);
    expect(model).toBeDefined();
  });

  it('reproduces the source mapping exactly, implied marks included', () => {
    for (const area of BACKUP_AREAS) {
      const live = model!.areas.find((a) => a.id === area.id)!;
      for (const fw of ['soc2', 'iso27001'] as const) {
        const got = (live.mapping[fw] ?? []).map((l) => `${l.control.id}${l.implied ? '*' : ''}`).sort();
        const want = area.reference[fw].map((r) => `${r.id}${r.implied ? '*' : ''}`).sort();
        expect(got, `${area.id} ${fw}`).toEqual(want);
      }
    }
  });

  it('has at least five approved policies covering the required subjects', () => {
    const approved = model!.policies.filter((p) => p.data.status === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(5);
    const titles = approved.map((p) => p.data.title.toLowerCase()).join(' | ');
    for (const subject of ['backup', 'disaster recovery|continuity', 'retention', 'cryptograph|encryption', 'access']) expect(titles).toMatch(new RegExp(subject));
    for (const p of approved) expect(p.data.approvals.length, p.id).toBeGreaterThan(0);
  });

  it('has at least two measures per backup area', () => {
    for (const area of model!.areas) expect(area.measures.length, area.id).toBeGreaterThanOrEqual(2);
  });

  it('has at least 25 evidence records with real artifacts over a 12-month period', () => {
    const evidence = model!.evidence;
    expect(evidence.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(evidence.map((e) => e.data.kind));
    for (const k of ['log', 'restore-test', 'diagram', 'screenshot', 'configuration-export']) expect(kinds.has(k as never), k).toBe(true);
    const files = evidence.flatMap((e) => e.artifacts.map((a) => a.path));
    expect(files.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    expect(evidence.flatMap((e) => e.artifacts).every((a) => a.intact)).toBe(true);
    const months = new Set(evidence.map((e) => e.data.collected.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    const restore = evidence.filter((e) => e.data.kind === 'restore-test');
    for (const r of restore) expect(r.data.restoreTest?.duration, r.id).toBeTruthy();
  });

  it('covers every in-scope control as of its date', () => {
    const open = [...model!.controls.values()].filter((c) => c.inScope && c.coverage.status !== 'covered').map((c) => `${c.key}: ${c.coverage.missing.join(', ')}`);
    expect(open).toEqual([]);
    const na = model!.config.notApplicable;
    for (const n of na) expect(model!.controls.get(n.control)!.coverage.status).toBe('not-applicable');
  });
});
