import { describe, expect, it } from 'vitest';
import { evidenceSchema } from '../../src/schemas/evidence.ts';
import { measureSchema } from '../../src/schemas/measure.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import { programConfigSchema } from '../../src/schemas/config.ts';
import { FIELD_DEFAULTS } from '../../src/audience/visibility.ts';
import { customFrameworkSchema } from '../../src/schemas/framework.ts';
import { parseWith } from '../../src/validation/parse.ts';
import { addDuration, isIsoDate } from '../../src/time/dates.ts';
import { durationMinutes, parseDuration } from '../../src/time/duration.ts';

const policy = {
  id: 'pol-backup',
  title: 'Backup Policy',
  version: '2.0',
  status: 'approved',
  owner: 'CTO',
  approvals: [{ name: 'A. Person', role: 'CTO', date: '2026-01-05' }],
  effective: '2026-01-05',
  reviewInterval: 'P1Y',
  controls: { soc2: ['A1.2'] },
};
const measure = { id: 'm1', area: 'running-backups', title: 'Nightly backup', owner: 'SRE', frequency: 'daily', automation: 'automated' };
const evidence = { id: 'e1', title: 'Log', kind: 'log', collected: '2026-02-01', source: 'pgBackRest', collectedBy: 'SRE', validFor: 'P1M' };
const none = () => undefined;

describe('policy schema', () => {
  it('accepts a complete policy and defaults visibility to internal', () => {
    const r = policySchema().parse(policy);
    expect(r.visibility).toBe('internal');
    expect(r.version).toBe('2.0');
  });
  it('turns a numeric version into a string', () => {
    expect(policySchema().parse({ ...policy, version: 2 }).version).toBe('2');
  });
  it.each([
    ['status', { status: 'active' }, 'status'],
    ['date', { effective: '2026-02-30' }, 'effective'],
    ['duration', { reviewInterval: '1 year' }, 'reviewInterval'],
    ['approval date', { approvals: [{ name: 'x', role: 'y', date: '05/01/2026' }] }, 'approvals[0].date'],
    ['visibility', { visibility: 'secret' }, 'visibility'],
  ])('rejects a bad %s with its field path', (_label, patch, field) => {
    const r = parseWith(policySchema(), { ...policy, ...patch }, 'policies/p.mdx', none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toContain(field);
  });
  it('names a misspelt field and suggests the right one', () => {
    const r = parseWith(policySchema(), { ...policy, reviewIntervall: 'P1Y' }, 'p.mdx', none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join()).toMatch(/Unknown field "reviewIntervall".*reviewInterval/);
  });
  it('reports a missing required field', () => {
    const { owner: _o, ...rest } = policy;
    const r = parseWith(policySchema(), rest, 'p.mdx', none);
    expect(!r.ok && r.problems[0]).toMatchObject({ field: 'owner', message: 'Missing required field.' });
  });
});

describe('measure schema', () => {
  it('accepts a minimal measure with defaults', () => {
    const r = measureSchema().parse(measure);
    expect(r).toMatchObject({ policies: [], evidence: [], controls: {}, visibility: 'internal' });
  });
  it('accepts implied control mappings', () => {
    const r = measureSchema().parse({ ...measure, controls: { iso27001: ['A.8.13', { id: 'A.5.30', implied: true }] } });
    expect(r.controls.iso27001![1]).toEqual({ id: 'A.5.30', implied: true });
  });
  it('rejects an unknown area and suggests the nearest', () => {
    const r = parseWith(measureSchema(), { ...measure, area: 'running-backup' }, 'm.mdx', none);
    expect(!r.ok && r.problems[0]!.message).toMatch(/Did you mean "running-backups"/);
  });
  it('rejects bad targets', () => {
    const r = parseWith(measureSchema(), { ...measure, targets: { rpo: '24h' } }, 'm.mdx', none);
    expect(!r.ok && r.problems[0]!.field).toBe('targets.rpo');
  });
});

describe('evidence schema', () => {
  it('accepts evidence with artifacts and a restore test', () => {
    const r = evidenceSchema().parse({
      ...evidence,
      kind: 'restore-test',
      artifacts: [{ path: 'evidence/files/r.log', sha256: 'a'.repeat(64) }],
      restoreTest: { outcome: 'success', duration: 'PT47M' },
    });
    expect(r.artifacts[0]!.sha256).toHaveLength(64);
  });
  it.each([
    ['kind', { kind: 'photo' }, 'kind'],
    ['sha256', { artifacts: [{ path: 'a', sha256: 'abc' }] }, 'artifacts[0].sha256'],
    ['period order', { period: { start: '2026-02-01', end: '2026-01-01' } }, 'period.end'],
    ['validFor', { validFor: 'P1Q' }, 'validFor'],
  ])('rejects a bad %s', (_l, patch, field) => {
    const r = parseWith(evidenceSchema(), { ...evidence, ...patch }, 'e.md', none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.field)).toContain(field);
  });
});

describe('config and custom framework schemas', () => {
  it('require an organisation and give defaults', () => {
    const r = programConfigSchema().parse({ organisation: { name: 'X' } });
    expect(r.frameworks).toEqual(['soc2', 'iso27001']);
    expect(r.scope.mode).toBe('mapped');
    expect(programConfigSchema().safeParse({}).success).toBe(false);
  });
  it('rejects a not-applicable entry without a real reason', () => {
    expect(programConfigSchema().safeParse({ organisation: { name: 'X' }, notApplicable: [{ control: 'soc2:P1.1', reason: 'n/a' }] }).success).toBe(false);
  });
  it('accepts a custom framework and stringifies numeric ids', () => {
    const r = customFrameworkSchema().parse({ id: 'acme-ics', name: 'Acme ICS', edition: '1', source: 'Internal', controls: [{ id: 1, title: 'Backups' }] });
    expect(r.controls[0]!.id).toBe('1');
  });
});

describe('dates and durations', () => {
  it('validate real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-1-5')).toBe(false);
  });
  it('parse ISO 8601 durations', () => {
    expect(parseDuration('P1Y2M3DT4H5M')).toMatchObject({ years: 1, months: 2, days: 3, hours: 4, minutes: 5 });
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('PT')).toBeUndefined();
    expect(durationMinutes('PT4H')).toBe(240);
  });
  it('add calendar durations, clamping month ends', () => {
    expect(addDuration('2026-01-31', 'P1M')).toBe('2026-02-28');
    expect(addDuration('2025-11-25', 'P1Y')).toBe('2026-11-25');
    expect(addDuration('2026-03-14', 'P90D')).toBe('2026-06-12');
  });
});

describe('field-level visibility fields', () => {
  it('are read from the entry schemas, each with the default its schema declares', () => {
    const fields = Object.keys((policySchema().shape.fields as unknown as { _def: { innerType: { shape: object } } })._def.innerType.shape);
    expect(Object.keys(FIELD_DEFAULTS.policy).sort()).toEqual(fields.sort());
    // Prose and people default to internal; structured facts follow their entry (docs/audiences.md).
    expect(FIELD_DEFAULTS.policy).toMatchObject({ body: 'internal', owner: 'internal', approvals: 'internal', summary: 'entry' });
    expect(FIELD_DEFAULTS.evidence).toMatchObject({ body: 'internal', collectedBy: 'internal', restoreTest: 'entry' });
    expect(FIELD_DEFAULTS.measure).toMatchObject({ body: 'internal', targets: 'entry' });
  });
});
