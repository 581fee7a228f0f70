import { describe, expect, it } from 'vitest';
import { recordFrontmatter, type ImportRecord } from '../../src/backup/record.ts';

/** The record `proofbook import` writes for an output that holds only restores. */
const record = (restores: number): ImportRecord =>
  ({
    id: 'ev-restores',
    tool: 'aws-backup',
    shape: 'list-restore-jobs',
    parser: 'aws-backup',
    measure: 'msr-restore',
    collected: '2026-11-24',
    period: { start: '2026-11-01', end: '2026-11-24' },
    source: 'aws backup list-restore-jobs',
    artifact: { path: 'evidence/files/restores.json', sha256: '0'.repeat(64) },
    importedWith: {},
    series: [],
    restores: Array.from({ length: restores }, (_, i) => ({ source: `job-${i}` })),
    checks: [],
  }) as unknown as ImportRecord;

describe('the kind of an imported record', () => {
  it('is a restore test when the output holds one restore (its duration is the observed RTO)', () => {
    expect(recordFrontmatter(record(1)).kind).toBe('restore-test');
  });
  it('is a log when it holds several, so each restore is judged on its own, not as one long restore', () => {
    expect(recordFrontmatter(record(2)).kind).toBe('log');
    expect(recordFrontmatter(record(104)).kind).toBe('log');
  });
});
