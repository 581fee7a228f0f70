import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { fieldVisibility, narrowest, visibleTo } from '../../src/audience/visibility.ts';
import { buildModel, loadModel } from '../../src/model/build.ts';
import type { EvidenceNode, MeasureNode, PolicyNode } from '../../src/model/types.ts';
import { measureSchema } from '../../src/schemas/measure.ts';
import { parseWith } from '../../src/validation/parse.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { AUDIENCE_AS_OF, AUDIENCE_FIXTURE } from '../helpers/paths.ts';

const model = loadModel({ contentDir: AUDIENCE_FIXTURE, asOf: AUDIENCE_AS_OF });
const ids = (list: { id: string }[]) => list.map((e) => e.id).sort();

describe('visibility rules', () => {
  it('orders audiences public < customer < internal < auditor', () => {
    expect(visibleTo('public', 'public')).toBe(true);
    expect(visibleTo('customer', 'public')).toBe(false);
    expect(visibleTo('customer', 'internal')).toBe(true);
    expect(visibleTo('auditor', 'internal')).toBe(false);
    expect(visibleTo('internal', 'auditor')).toBe(true);
    expect(narrowest('public', 'auditor', 'customer')).toBe('auditor');
  });

  it('gives bodies and owners an internal default and never lets a field be wider than its entry', () => {
    const nightly = model.entries.get('msr-public-nightly')!;
    expect(fieldVisibility(nightly, 'body' as never)).toBe('internal');
    expect(fieldVisibility(nightly, 'summary' as never)).toBe('public');
    const dr = model.entries.get('pol-customer-dr')!;
    expect(fieldVisibility(dr, 'body' as never)).toBe('customer'); // fields.body: customer
    const encrypt = model.entries.get('msr-public-encrypt')!;
    expect(fieldVisibility(encrypt, 'summary' as never)).toBe('customer'); // narrowed by fields.summary
  });

  it('rejects an unknown field in the fields map with a suggestion', () => {
    const r = parseWith(measureSchema(), { id: 'm', area: 'running-backups', title: 'T', owner: 'O', frequency: 'daily', automation: 'manual', fields: { sumary: 'public' } }, 'measures/m.mdx', () => 3);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ field: 'fields.sumary', line: 3, message: expect.stringMatching(/Unknown field "sumary".*"summary"/) });
  });
});

describe('viewFor', () => {
  const pub = viewFor(model, 'public');
  const customer = viewFor(model, 'customer');
  const internal = viewFor(model, 'internal');
  const auditor = viewFor(model, 'auditor');

  it('keeps only the entries each audience may see', () => {
    expect(ids(pub.policies)).toEqual(['pol-public-backup']);
    expect(ids(pub.measures)).toEqual(['msr-public-encrypt', 'msr-public-nightly', 'msr-public-restore']);
    expect(ids(pub.evidence)).toEqual(['ev-public-restore']);
    expect(ids(customer.policies)).toEqual(['pol-customer-dr', 'pol-public-backup']);
    expect(ids(customer.measures)).toContain('msr-customer-immutable');
    expect(ids(internal.measures)).toContain('msr-internal-alerting');
    expect(ids(internal.measures)).not.toContain('msr-auditor-special');
    expect(ids(auditor.measures)).toHaveLength(model.measures.length);
    expect([...pub.entries.keys()].sort()).toEqual(['ev-public-restore', 'msr-public-encrypt', 'msr-public-nightly', 'msr-public-restore', 'pol-public-backup']);
  });

  it('returns a new model and leaves the full one untouched', () => {
    expect(pub).not.toBe(model);
    expect(pub.entries.get('msr-public-nightly')).not.toBe(model.entries.get('msr-public-nightly'));
    expect(model.entries.get('msr-public-nightly')!.body).toContain('CANARY-INTERNAL-FIELD-MEASURE-BODY-B8');
    expect((model.entries.get('msr-public-nightly') as MeasureNode).evidence.map((e) => e.id)).toContain('ev-internal-jobs');
    expect(auditor.audience).toBe('auditor');
    expect(model.audience).toBeUndefined();
  });

  it('prunes relations both ways, including the id lists in the data', () => {
    const nightly = pub.entries.get('msr-public-nightly') as MeasureNode;
    expect(ids(nightly.evidence)).toEqual(['ev-public-restore']);
    expect(nightly.data.evidence).toEqual(['ev-public-restore']);
    const restore = pub.entries.get('ev-public-restore') as EvidenceNode;
    expect(ids(restore.measures)).toEqual(['msr-public-nightly', 'msr-public-restore']);
    const backup = pub.entries.get('pol-public-backup') as PolicyNode;
    expect(ids(backup.measures)).toEqual(['msr-public-encrypt', 'msr-public-nightly', 'msr-public-restore']);
    const area = pub.areas.find((a) => a.id === 'running-backups')!;
    expect(ids(area.measures)).toEqual(['msr-public-nightly']);
    // Every node reachable from the view belongs to the view.
    for (const c of pub.controls.values()) for (const e of [...c.measures, ...c.policies, ...c.evidence]) expect(pub.entries.get(e.id)).toBe(e);
    expect(pub.controls.get('soc2:CC7.2')!.measures).toEqual([]);
  });

  it('removes fields the audience may not see', () => {
    const nightly = pub.entries.get('msr-public-nightly') as MeasureNode;
    expect(nightly.body).toBe('');
    expect(nightly.data.owner).toBe('');
    expect(nightly.data.summary).toMatch(/backed up automatically/);
    expect(nightly.data.targets).toEqual({ rpo: 'PT24H', rto: 'PT4H', retention: 'P35D' });
    const backup = pub.entries.get('pol-public-backup') as PolicyNode;
    expect(backup.data.approvals).toEqual([]);
    expect(backup.data.owner).toBe('');
    const restore = pub.entries.get('ev-public-restore') as EvidenceNode;
    expect(restore.data.source).toBe('');
    expect(restore.data.collectedBy).toBe('');
    expect(restore.data.restoreTest?.outcome).toBe('success');
    expect((pub.entries.get('msr-public-encrypt') as MeasureNode).data.summary).toBeUndefined();
    expect((customer.entries.get('msr-public-encrypt') as MeasureNode).data.summary).toMatch(/CANARY-CUSTOMER-FIELD-SUMMARY-P1/);
    expect((customer.entries.get('pol-customer-dr') as PolicyNode).body).toMatch(/CANARY-CUSTOMER-POLICY-BODY-R5/);
    expect((internal.entries.get('msr-public-nightly') as MeasureNode).body).toMatch(/B8/);
    expect((internal.entries.get('msr-public-nightly') as MeasureNode).data.owner).toMatch(/H6/);
  });

  it('publishes evidence files only to auditors unless a file is marked for a wider audience', () => {
    const files = (m: typeof pub) => m.evidence.flatMap((e) => e.artifacts.map((a) => a.path)).sort();
    expect(files(pub)).toEqual(['evidence/files/restore-summary-public.txt']);
    expect(files(customer)).toEqual(['evidence/files/restore-summary-public.txt']);
    expect(files(internal)).toEqual(['evidence/files/jobs-canary-internal-j1.log', 'evidence/files/restore-summary-public.txt']);
    expect(files(auditor)).toHaveLength(3);
    expect((pub.entries.get('ev-public-restore') as EvidenceNode).data.artifacts.map((a) => a.path)).toEqual(['evidence/files/restore-summary-public.txt']);
  });

  it('keeps coverage status for outsiders but drops what is missing and why a control does not apply', () => {
    for (const [key, c] of model.controls) {
      expect(pub.controls.get(key)!.coverage.status).toBe(c.coverage.status);
      expect(pub.controls.get(key)!.coverage.missing).toEqual([]);
      expect(pub.controls.get(key)!.coverage.reason).toBeUndefined();
      expect(internal.controls.get(key)!.coverage).toEqual(c.coverage);
    }
    expect(pub.config.notApplicable).toEqual([]);
    expect(internal.config.notApplicable).toHaveLength(1);
  });

  it('filters trust-center items and keeps NDA links for customers only', () => {
    expect(pub.trust!.subprocessors.map((s) => s.name)).toEqual(['Amazon Web Services EMEA SARL']);
    expect(customer.trust!.subprocessors).toHaveLength(2);
    expect(pub.trust!.faq).toHaveLength(1);
    expect(pub.trust!.attestations.find((a) => a.framework === 'soc2')!.url).toBeUndefined();
    expect(customer.trust!.attestations.find((a) => a.framework === 'soc2')!.url).toMatch(/canary-nda-url-u1/);
    expect(pub.trust!.attestations.find((a) => a.framework === 'iso27001')!.url).toMatch(/iso27001-certificate/);
    expect(pub.trust!.documents.map((d) => d.title)).toEqual(['Security whitepaper', 'Penetration test summary']);
    expect(pub.trust!.documents[1]!.url).toBeUndefined();
  });
});

describe('trust.yaml problems', () => {
  it('are reported with file, line and field like any other content problem', () => {
    const dir = copyContent(AUDIENCE_FIXTURE, 'trust-bad');
    edit(dir, 'trust.yaml', 'framework: iso27001', 'framework: iso2700');
    edit(dir, 'trust.yaml', '    access: public\n    url: https://canary-cloud.example/iso27001', '    acess: public\n    url: https://canary-cloud.example/iso27001');
    const { model: none, problems } = buildModel({ contentDir: dir, asOf: AUDIENCE_AS_OF });
    expect(none).toBeUndefined();
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual(['trust.yaml:25 attestations[1].acess']);
    // once the schema passes, framework ids are checked too
    edit(dir, 'trust.yaml', 'acess: public', 'access: public');
    const second = buildModel({ contentDir: dir, asOf: AUDIENCE_AS_OF }).problems;
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ file: 'trust.yaml', line: 18, field: 'attestations[1].framework', message: expect.stringMatching(/Unknown framework "iso2700".*"iso27001"/) });
  });

  it('reports malformed YAML and bad values', () => {
    const dir = copyContent(AUDIENCE_FIXTURE, 'trust-bad');
    write(dir, 'trust.yaml', 'requestAccess:\n  url: www.example.com\nfaq:\n  - question: Q?\n    visibility: internal\n');
    const { problems } = buildModel({ contentDir: dir, asOf: AUDIENCE_AS_OF });
    expect(problems.map((p) => p.field).sort()).toEqual(['faq[0].answer', 'faq[0].visibility', 'requestAccess.url']);
    expect(problems.every((p) => p.file === 'trust.yaml' && p.line)).toBe(true);
  });
});
