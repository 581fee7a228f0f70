import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/paths.ts';
import { audit, edit, essentials, ofRule, variant, write } from './helpers.ts';

const WAIVED = path.join(FIXTURES, 'audit', 'waived');

describe('waivers', () => {
  it('show an accepted finding as waived, not hidden, and let the audit pass', () => {
    const report = audit(WAIVED);
    // (The info findings are the fixture's stated figures: src/audit/rules/stated-figures.ts.)
    expect(report.findings.filter((f) => f.severity !== 'info').map((f) => [f.rule, f.subject, f.severity, f.waived?.approver, f.waived?.expires, f.waived?.line])).toEqual([
      ['recovery-targets', 'ev-restore-2026-05:restoreTest', 'error', 'Ada Lovelace, CTO', '2026-09-30', 3],
      ['restore-tests', 'msr-restore:restore-tests', 'error', 'Ada Lovelace, CTO', '2026-09-30', 11],
    ]);
    expect(report.counts).toEqual({ error: 0, warning: 0, info: 4, waived: 2 });
    expect(report.passed).toBe(true);
  });

  it('an expired waiver is an error and no longer accepts the finding', () => {
    const report = audit(WAIVED, { asOf: '2026-10-01' });
    expect(report.findings.filter((f) => f.rule === 'recovery-targets' || (f.rule === 'waivers' && f.subject.startsWith('recovery-targets/'))).map(essentials)).toEqual([
      {
        rule: 'recovery-targets',
        severity: 'error',
        subject: 'ev-restore-2026-05:restoreTest',
        file: 'evidence/restore-2026-05.md',
        field: 'restoreTest.outcome',
        line: undefined,
        message: 'Restore test "ev-restore-2026-05" of 2026-05-20 failed (ledger database to an isolated VPC).',
      },
      {
        rule: 'waivers',
        severity: 'error',
        subject: 'recovery-targets/ev-restore-2026-05:restoreTest',
        file: 'waivers.yaml',
        field: 'waivers[0].expires',
        line: 10,
        message: 'The waiver for recovery-targets "ev-restore-2026-05:restoreTest" (approved by Ada Lovelace, CTO) expired on 2026-09-30; the finding it accepted counts again.',
      },
    ]);
    expect(report.passed).toBe(false);
  });

  it('reports an unknown rule or subject with file and line, and a waiver that no longer matches', () => {
    const dir = variant((d) =>
      write(
        d,
        'waivers.yaml',
        [
          'waivers:',
          '  - rule: recovery-target',
          '    subject: ev-restore-2026-05:restoreTest',
          '    reason: Accepted for the test of unknown rules.',
          '    approver: CTO',
          '    expires: 2026-12-31',
          '  - rule: recovery-targets',
          '    subject: ev-restore-2026-5:restoreTest',
          '    reason: Accepted for the test of unknown subjects.',
          '    approver: CTO',
          '    expires: 2026-12-31',
          '  - rule: recovery-targets',
          '    subject: ev-restore-2026-05:restoreTest',
          '    reason: The finding was fixed since; the waiver should go.',
          '    approver: CTO',
          '    expires: 2026-12-31',
          '  - rule: orphans',
          '    subject: ev-jobs-2026-04',
          '    reason: short',
          '    approver: CTO',
          '    expires: 2026-12-31',
          '',
        ].join('\n'),
      ),
    );
    expect(ofRule(audit(dir), 'waivers').map((f) => [f.severity, f.line, f.field, f.message])).toEqual([
      ['error', 2, 'waivers[0].rule', 'Unknown audit rule "recovery-target". Did you mean "recovery-targets"?'],
      ['error', 8, 'waivers[1].subject', 'Unknown subject "ev-restore-2026-5:restoreTest" for rule recovery-targets: the audit checked nothing by that name. Did you mean "ev-restore-2026-05:restoreTest", "ev-restore-2026-05:restoreTest.dataLoss", "ev-restore-2026-05:restoreTest.duration"?'],
      ['error', 19, 'waivers[3].reason', 'give a reason an auditor can accept (at least a sentence).'],
      ['info', 12, 'waivers[2]', 'The waiver for recovery-targets "ev-restore-2026-05:restoreTest" matches no finding any more (it was fixed).'],
    ]);
  });

  it('reports a malformed waiver file without stopping the audit', () => {
    const dir = variant((d) => {
      write(d, 'waivers.yaml', 'waivers:\n  - rule: orphans\n    subject: x\n    subject: y\n');
      edit(d, 'policies/backup.mdx', 'reviewInterval: P1Y', 'reviewInterval: P6M');
    });
    const findings = audit(dir).findings.filter((f) => f.severity !== 'info');
    expect(findings.map((f) => [f.rule, f.file, f.line])).toEqual([
      ['policy-lifecycle', 'policies/backup.mdx', undefined],
      ['waivers', 'waivers.yaml', 4],
    ]);
    expect(findings[1]!.message).toMatch(/^Malformed YAML: /);
  });
});
