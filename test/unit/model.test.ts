import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, loadModel } from '../../src/model/build.ts';
import { countCoverage } from '../../src/model/coverage.ts';
import { crosswalk } from '../../src/model/crosswalk.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';

const MINIMAL = path.join(FIXTURES, 'minimal');
const evidenceFile = (id: string, collected: string, extra = '') => `---
id: ${id}
title: Job log ${collected}
kind: log
collected: ${collected}
source: pgBackRest
collectedBy: SRE lead
validFor: P1M
supports:
  measures: [msr-nightly]
${extra}---
Log export.
`;

describe('the compliance model', () => {
  it('links measures, policies, evidence and controls both ways', () => {
    const m = loadModel({ contentDir: MINIMAL, asOf: '2026-07-10' });
    const measure = m.measures[0]!;
    expect(measure.area.id).toBe('running-backups');
    expect(measure.policies.map((p) => p.id)).toEqual(['pol-backup']);
    expect(measure.evidence.map((e) => e.id)).toEqual(['ev-jobs-2026-06']);
    expect(m.policies[0]!.measures).toContain(measure);
    const a12 = m.controls.get('soc2:A1.2')!;
    expect(a12.measures).toEqual([measure]);
    expect(a12.evidence.map((e) => e.id)).toEqual(['ev-jobs-2026-06']);
    expect(a12.areas.map((a) => a.id)).toEqual(['running-backups']);
    expect(m.areas.find((a) => a.id === 'running-backups')!.mapping.iso27001!.map((l) => l.control.id)).toEqual(['A.8.13']);
  });

  it('computes coverage: covered, partial with what is missing, gap and not applicable', () => {
    const dir = copyContent(MINIMAL, 'coverage');
    edit(dir, 'proofbook.yaml', 'observationPeriod', `scope:\n  include: [soc2:CC9.1]\nnotApplicable:\n  - control: soc2:P1.1\n    reason: The program holds no personal data of data subjects.\nobservationPeriod`);
    // CC6.1: a policy addresses it, but no measure or evidence does.
    edit(dir, 'policies/backup.mdx', 'soc2: [A1.2]', 'soc2: [A1.2, CC6.1]');
    const m = loadModel({ contentDir: dir, asOf: '2026-07-10' });
    const c = (k: string) => m.controls.get(k)!.coverage;
    expect(c('soc2:A1.2')).toEqual({ status: 'covered', missing: [] });
    expect(c('soc2:CC6.1')).toEqual({ status: 'partial', missing: ['no measure implements it', 'no evidence'] });
    expect(c('soc2:CC9.1').status).toBe('gap');
    expect(c('soc2:P1.1')).toMatchObject({ status: 'not-applicable', reason: 'The program holds no personal data of data subjects.' });
    expect(c('soc2:CC1.1')).toMatchObject({ status: 'not-applicable', reason: expect.stringMatching(/Outside the scope/) });
    const counts = countCoverage(m.frameworks.find((f) => f.id === 'soc2')!.controls);
    expect(counts).toMatchObject({ covered: 2, partial: 1, gap: 1, total: 61, inScope: 4, percent: 50 });
  });

  it('marks evidence current, expiring, past-period, superseded and expired', () => {
    const dir = copyContent(MINIMAL, 'fresh');
    write(dir, 'evidence/old.md', evidenceFile('ev-old', '2026-03-01'));
    write(dir, 'evidence/new.md', evidenceFile('ev-new', '2026-07-01'));
    // A configuration export is replaced by a newer export of itself; a job log proves its own month.
    write(dir, 'evidence/config-old.md', evidenceFile('ev-config-old', '2026-03-01').replace('kind: log\n', 'kind: configuration-export\n'));
    write(dir, 'evidence/config-new.md', evidenceFile('ev-config-new', '2026-07-01').replace('kind: log\n', 'kind: configuration-export\n'));
    write(dir, 'evidence/lonely.md', evidenceFile('ev-lonely', '2026-03-01', 'kind: report\n').replace('kind: log\n', ''));
    const m = loadModel({ contentDir: dir, asOf: '2026-07-20' });
    const f = (id: string) => (m.entries.get(id) as { freshness: string }).freshness;
    expect(f('ev-new')).toBe('expiring'); // valid until 2026-08-01, within 30 days
    expect(f('ev-old')).toBe('past-period');
    expect(f('ev-config-old')).toBe('superseded');
    expect(f('ev-lonely')).toBe('expired');
    expect(loadModel({ contentDir: dir, asOf: '2026-07-01' }).entries.get('ev-jobs-2026-06')).toMatchObject({ freshness: 'current', validUntil: '2026-08-01' });
    expect(loadModel({ contentDir: dir, asOf: '2026-07-05' }).entries.get('ev-jobs-2026-06')).toMatchObject({ freshness: 'expiring', validUntil: '2026-08-01' });
  });

  it('keeps implied mappings implied in the area mapping and the crosswalk', () => {
    const dir = copyContent(MINIMAL, 'implied');
    edit(dir, 'measures/nightly.mdx', 'iso27001: [A.8.13]', 'iso27001: [A.8.13, { id: A.5.30, implied: true }]');
    const m = loadModel({ contentDir: dir, asOf: '2026-07-10' });
    const links = m.areas.find((a) => a.id === 'running-backups')!.mapping.iso27001!;
    expect(links.map((l) => [l.control.id, l.implied])).toEqual([['A.5.30', true], ['A.8.13', false]]);
    const rows = crosswalk(m, 'soc2', 'iso27001');
    expect(rows.map((r) => r.from.id)).toEqual(['CC7.1', 'A1.2']);
    expect(rows[0]!.to.map((t) => [t.control.id, t.implied])).toEqual([['A.5.30', true], ['A.8.13', false]]);
  });

  it('accepts a framework of the organisation’s own', () => {
    const dir = copyContent(MINIMAL, 'custom');
    write(dir, 'frameworks/acme.yaml', 'id: acme-ics\nname: Acme internal control set\nedition: "2026"\nsource: Acme GRC\ncontrols:\n  - id: BK-1\n    title: Backups are encrypted\n  - id: 2\n    title: Restores are tested\n');
    edit(dir, 'proofbook.yaml', 'frameworks: [soc2, iso27001]', 'frameworks: [soc2, iso27001, acme-ics]');
    edit(dir, 'measures/nightly.mdx', 'iso27001: [A.8.13]', 'iso27001: [A.8.13]\n  acme-ics: [BK-1, "2"]');
    const m = loadModel({ contentDir: dir, asOf: '2026-07-10' });
    const fw = m.frameworks.find((f) => f.id === 'acme-ics')!;
    expect(fw.inScope).toBe(true);
    expect(fw.controls.map((c) => [c.id, c.coverage.status])).toEqual([['BK-1', 'covered'], ['2', 'covered']]);
  });

  it('never reads artifact files under evidence/files/ or files starting with "_" as records', () => {
    const dir = copyContent(MINIMAL, 'artifact-md');
    write(dir, 'evidence/files/restore-report.md', '# Restore report\n\nNo frontmatter: this is an artifact.\n');
    write(dir, 'evidence/_draft.md', 'not yet a record');
    const { model, problems } = buildModel({ contentDir: dir, asOf: '2026-07-10' });
    expect(problems).toEqual([]);
    expect(model!.evidence.map((e) => e.id)).toEqual(['ev-jobs-2026-06']);
  });

  it('is deterministic: entries sorted by id whatever the file order', () => {
    const m = loadModel({ contentDir: MINIMAL, asOf: '2026-07-10' });
    expect([...m.entries.keys()]).toEqual([...m.entries.keys()].sort());
    expect(buildModel({ contentDir: MINIMAL, asOf: '2026-07-10' }).problems).toEqual([]);
  });
});
