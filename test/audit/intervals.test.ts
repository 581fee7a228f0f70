import { describe, expect, it } from 'vitest';
import { compressRuns, intervalsOf } from '../../src/audit/intervals.ts';

const labels = (f: Parameters<typeof intervalsOf>[0], start: string, end: string) => intervalsOf(f, { start, end }).map((i) => `${i.label} ${i.start}..${i.end}`);

describe('intervalsOf', () => {
  it('cuts a period into calendar intervals that overlap it', () => {
    expect(labels('monthly', '2025-12-15', '2026-02-01')).toEqual(['2025-12 2025-12-01..2025-12-31', '2026-01 2026-01-01..2026-01-31', '2026-02 2026-02-01..2026-02-28']);
    expect(labels('quarterly', '2025-12-01', '2026-11-30')).toEqual([
      '2025-Q4 2025-10-01..2025-12-31',
      '2026-Q1 2026-01-01..2026-03-31',
      '2026-Q2 2026-04-01..2026-06-30',
      '2026-Q3 2026-07-01..2026-09-30',
      '2026-Q4 2026-10-01..2026-12-31',
    ]);
    expect(labels('semiannual', '2026-05-01', '2026-07-01')).toEqual(['2026-H1 2026-01-01..2026-06-30', '2026-H2 2026-07-01..2026-12-31']);
    expect(labels('yearly', '2025-12-01', '2026-11-30')).toEqual(['2025 2025-01-01..2025-12-31', '2026 2026-01-01..2026-12-31']);
    expect(labels('daily', '2024-02-28', '2024-03-01')).toEqual(['2024-02-28 2024-02-28..2024-02-28', '2024-02-29 2024-02-29..2024-02-29', '2024-03-01 2024-03-01..2024-03-01']);
  });

  it('uses ISO weeks, Monday to Sunday, numbered by their Thursday', () => {
    expect(labels('weekly', '2026-12-30', '2027-01-05')).toEqual(['2026-W53 2026-12-28..2027-01-03', '2027-W01 2027-01-04..2027-01-10']);
    expect(labels('weekly', '2026-01-01', '2026-01-05')).toEqual(['2026-W01 2025-12-29..2026-01-04', '2026-W02 2026-01-05..2026-01-11']);
  });

  it('writes runs of three or more as first..last', () => {
    const days = intervalsOf('daily', { start: '2026-03-01', end: '2026-03-10' });
    expect(compressRuns(days, [0, 1, 2, 3, 5, 7, 8])).toEqual(['2026-03-01..2026-03-04', '2026-03-06', '2026-03-08', '2026-03-09']);
  });
});
