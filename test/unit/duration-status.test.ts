import { describe, expect, it } from 'vitest';
import type { AuditReport, Finding } from '../../src/audit/types.ts';
import { loadModel } from '../../src/model/build.ts';
import { controlStatuses, countStatuses } from '../../src/site/status.ts';
import { formatDate } from '../../src/time/dates.ts';
import { humanDuration } from '../../src/time/duration.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT } from '../helpers/paths.ts';
import { countCoverage } from '../../src/model/coverage.ts';

describe('humanDuration', () => {
  it('says one unit in words and several units briefly', () => {
    expect(humanDuration('PT4H')).toBe('4 hours');
    expect(humanDuration('PT1H')).toBe('1 hour');
    expect(humanDuration('P1Y')).toBe('1 year');
    expect(humanDuration('P90D')).toBe('90 days');
    expect(humanDuration('PT24H')).toBe('24 hours');
    expect(humanDuration('PT2H47M')).toBe('2 h 47 min');
    expect(humanDuration('P1DT12H')).toBe('1 d 12 h');
    expect(humanDuration('P1Y6M')).toBe('1 y 6 mo');
    expect(humanDuration('PT0S')).toBe('0 minutes');
  });
  it('never returns the ISO form of a valid duration', () => {
    for (const d of ['P1M', 'P3M', 'P2W', 'PT12H20M', 'P35D', 'PT1M', 'P1DT1H1M1S']) expect(humanDuration(d)).not.toMatch(/\bP(T?\d)/);
  });
  it('returns text that is not a duration unchanged', () => {
    expect(humanDuration('soon')).toBe('soon');
  });
});

describe('formatDate', () => {
  it('writes day, short month and year, from a date or a timestamp', () => {
    expect(formatDate('2026-12-04')).toBe('4 Dec 2026');
    expect(formatDate('2026-01-05T09:30:00Z')).toBe('5 Jan 2026');
    expect(formatDate('2026-02-30')).toBe('2026-02-30');
  });
});

describe('controlStatuses', () => {
  const model = loadModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });
  const covered = [...model.controls.values()].find((c) => c.coverage.status === 'covered')!;
  const na = [...model.controls.values()].find((c) => c.coverage.status === 'not-applicable')!;
  const finding = (over: Partial<Finding>): Finding => ({ rule: 'evidence-current', severity: 'error', subject: 'x', message: 'Evidence "x" expired.', controls: [covered.key, na.key], file: 'evidence/x.md', ...over });
  const report = (findings: Finding[]): AuditReport => ({ asOf: EXAMPLE_AS_OF, rules: [], findings, counts: { error: 0, warning: 0, info: 0, waived: 0 }, passed: true });

  it('keeps the model coverage when the audit has no open error', () => {
    const statuses = controlStatuses(model, report([finding({ severity: 'warning' }), finding({ waived: { reason: 'r', approver: 'a', expires: '2027-01-01', file: 'waivers.yaml' } })]));
    expect(statuses.get(covered.key)!.status).toBe('covered');
    expect(countStatuses(model.controls.values(), statuses)).toEqual(countCoverage(model.controls.values()));
  });

  it('does not call a control covered while an unwaived error is open against it', () => {
    const statuses = controlStatuses(model, report([finding({})]));
    const s = statuses.get(covered.key)!;
    expect(s.status).toBe('partial');
    expect(s.findings).toHaveLength(1);
    expect(s.missing.at(-1)).toMatch(/open audit error \(evidence-current\)/);
    // Nothing is claimed for a control that does not apply, so a finding does not change it.
    expect(statuses.get(na.key)!.status).toBe('not-applicable');
    const before = countCoverage(model.controls.values());
    const after = countStatuses(model.controls.values(), statuses);
    expect(after.covered).toBe(before.covered - 1);
    expect(after.partial).toBe(before.partial + 1);
  });
});

describe('durations in body text', () => {
  it('writes ISO durations as words and leaves control ids and other words alone', async () => {
    const { durationsAsWords } = await import('../../src/site/remark-durations.ts');
    expect(durationsAsWords('RTO PT4H, achieved PT2H47M; gap PT13H3M (P1Y retention).')).toBe('RTO 4 hours, achieved 2 h 47 min; gap 13 h 3 min (1 year retention).');
    expect(durationsAsWords('SOC 2 P4.2 and PI1.5, PDF, P, PT')).toBe('SOC 2 P4.2 and PI1.5, PDF, P, PT');
  });
});
