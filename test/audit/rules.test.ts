import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/audit/run.ts';
import { recordYaml } from '../../src/release/ledger.ts';
import { ledgerRecord } from '../release/helpers.ts';
import { AS_OF, PASSING, addEvidence, audit, edit, essentials, ofRule, variant, write } from './helpers.ts';

describe('the passing fixture', () => {
  it('passes every rule with no finding at all', () => {
    const report = audit(PASSING);
    // The fixture's job logs and restore test state their figures by hand, with no tool output behind them: noted, nothing to fix.
    expect(report.findings.filter((f) => f.rule !== 'stated-figures')).toEqual([]);
    expect(ofRule(report, 'stated-figures').map((f) => [f.severity, f.subject])).toEqual([
      ['info', 'ev-jobs-2026-04:backupJobs'],
      ['info', 'ev-jobs-2026-05:backupJobs'],
      ['info', 'ev-jobs-2026-06:backupJobs'],
      ['info', 'ev-restore-2026-05:restoreTest'],
    ]);
    expect(report.passed).toBe(true);
    expect(report.rules.map((r) => r.id)).toEqual(RULE_IDS);
    // backup-staleness checks sources computed from tool output; the fixture has none (test/unit/figures.test.ts does).
    expect(report.rules.filter((r) => r.id !== 'waivers' && r.id !== 'backup-staleness').every((r) => r.subjects.length > 0)).toBe(true);
  });
});

describe('rule 1: traceability', () => {
  it('reports a control in scope that no measure implements', () => {
    const dir = variant((d) => edit(d, 'policies/backup.mdx', 'soc2: [A1.2, A1.3]', 'soc2: [A1.2, A1.3, CC6.1]'));
    expect(ofRule(audit(dir), 'traceability').map(essentials)).toEqual([
      {
        rule: 'traceability',
        severity: 'error',
        subject: 'soc2:CC6.1',
        file: 'policies/backup.mdx',
        field: undefined,
        line: undefined,
        message: 'No measure implements soc2:CC6.1 (Logical access security software, infrastructure and architecture), yet a policy or evidence record maps to it.',
      },
    ]);
  });

  it('reports a control brought into scope by proofbook.yaml', () => {
    const dir = variant((d) => edit(d, 'proofbook.yaml', 'observationPeriod:', 'scope: { include: ["iso27001:A.5.30"] }\nobservationPeriod:'));
    const [f] = ofRule(audit(dir), 'traceability');
    expect(f).toMatchObject({ subject: 'iso27001:A.5.30', file: 'proofbook.yaml', field: 'scope.include', controls: ['iso27001:A.5.30'] });
  });

  it('reports a measure without policy and without evidence', () => {
    const dir = variant((d) => {
      edit(d, 'measures/restore.mdx', 'policies: [pol-backup]\nevidence: [ev-restore-2026-05]', 'policies: []\nevidence: []');
      edit(d, 'evidence/restore-2026-05.md', 'measures: [msr-restore]', 'measures: []\n  controls: { soc2: [A1.3] }');
    });
    expect(ofRule(audit(dir), 'traceability').map((f) => [f.subject, f.field, f.message])).toEqual([
      ['msr-restore:evidence', 'evidence', 'Measure "msr-restore" has no evidence: nothing shows it operates.'],
      ['msr-restore:policies', 'policies', 'Measure "msr-restore" implements no policy: nothing written requires it, so an auditor cannot tell it is mandated.'],
    ]);
  });
});

describe('rule 2: evidence-current', () => {
  it('reports expired evidence nothing newer replaces', () => {
    const dir = variant((d) => edit(d, 'evidence/restore-2026-05.md', 'validFor: P6M', 'validFor: P1M'));
    expect(ofRule(audit(dir), 'evidence-current').map(essentials)).toEqual([
      {
        rule: 'evidence-current',
        severity: 'error',
        subject: 'ev-restore-2026-05',
        file: 'evidence/restore-2026-05.md',
        field: 'validFor',
        line: undefined,
        message: 'Evidence "ev-restore-2026-05" expired on 2026-06-20 (collected 2026-05-20, valid for 1 month) and nothing newer of the same kind replaces it.',
      },
    ]);
  });

  it('warns about evidence expiring within 30 days, and honours audit.expiringWithinDays', () => {
    const dir = variant((d) => edit(d, 'evidence/restore-2026-05.md', 'validFor: P6M', 'validFor: P2M'));
    expect(ofRule(audit(dir), 'evidence-current').map(essentials)).toEqual([
      {
        rule: 'evidence-current',
        severity: 'warning',
        subject: 'ev-restore-2026-05',
        file: 'evidence/restore-2026-05.md',
        field: 'validFor',
        line: undefined,
        message: 'Evidence "ev-restore-2026-05" stops being current on 2026-07-20, within 30 days of 2026-07-10 (collected 2026-05-20, valid for 2 months).',
      },
    ]);
    edit(dir, 'proofbook.yaml', 'observationPeriod:', 'audit: { expiringWithinDays: 5 }\nobservationPeriod:');
    expect(ofRule(audit(dir), 'evidence-current')).toEqual([]);
  });

  it('does not report an expired or expiring item a newer one of the same kind replaces', () => {
    // jobs-2026-04 expired on 2026-07-01 and jobs-2026-05 expires on 2026-08-01: both replaced by jobs-2026-06.
    expect(ofRule(audit(PASSING), 'evidence-current')).toEqual([]);
    const dir = variant((d) => {
      rmSync(path.join(d, 'evidence/jobs-2026-06.md'));
      edit(d, 'measures/nightly.mdx', ', ev-jobs-2026-06]', ']');
    });
    expect(ofRule(audit(dir), 'evidence-current').map((f) => [f.subject, f.severity])).toEqual([['ev-jobs-2026-05', 'warning']]);
  });
});

describe('rule 3: period-coverage', () => {
  it('lists the months with no restore test', () => {
    const dir = variant((d) => edit(d, 'measures/restore.mdx', 'frequency: quarterly', 'frequency: monthly'));
    expect(ofRule(audit(dir), 'period-coverage').map(essentials)).toEqual([
      {
        rule: 'period-coverage',
        severity: 'error',
        subject: 'msr-restore',
        file: 'measures/restore.mdx',
        field: 'evidence',
        line: undefined,
        message: 'Measure "msr-restore" operates monthly but has no restore test in 2026-04 and 2026-06 (2 months of 3 months uncovered in the observation period 2026-04-01..2026-06-30).',
      },
    ]);
  });

  it('lists missing days of a daily measure as ranges', () => {
    const dir = variant((d) => edit(d, 'evidence/jobs-2026-05.md', 'period: { start: 2026-05-01, end: 2026-05-31 }', 'period: { start: 2026-05-01, end: 2026-05-20 }'));
    expect(ofRule(audit(dir), 'period-coverage').map((f) => f.message)).toEqual([
      'Measure "msr-nightly" operates daily but has no log in 2026-05-21..2026-05-31 (11 days of 91 days uncovered in the observation period 2026-04-01..2026-06-30).',
    ]);
  });

  it('only asks for intervals that ended before the as-of date', () => {
    // As of 2026-05-15 the period runs from April 1: April is due, May is not over yet.
    const dir = variant((d) => edit(d, 'measures/restore.mdx', 'frequency: quarterly', 'frequency: monthly'));
    expect(ofRule(audit(dir, { asOf: '2026-05-15' }), 'period-coverage').map((f) => f.message)).toEqual([
      'Measure "msr-restore" operates monthly but has no restore test in 2026-04 (1 month of 1 month uncovered in the observation period 2026-04-01..2026-06-30).',
    ]);
  });

  it('takes the period from --period, and says so when there is none', () => {
    const dir = variant((d) => edit(d, 'proofbook.yaml', /observationPeriod:.*\n/, ''));
    expect(ofRule(audit(dir), 'period-coverage').map((f) => [f.severity, f.subject])).toEqual([['info', 'proofbook.yaml:observationPeriod']]);
    const report = audit(dir, { period: { start: '2026-03-01', end: '2026-06-30' } });
    expect(ofRule(report, 'period-coverage').map((f) => f.message)).toEqual([
      'Measure "msr-nightly" operates daily but has no log in 2026-03-01..2026-03-31 (31 days of 122 days uncovered in the observation period 2026-03-01..2026-06-30).',
      'Measure "msr-restore" operates quarterly but has no restore test in 2026-Q1 (1 quarter of 2 quarters uncovered in the observation period 2026-03-01..2026-06-30).',
    ]);
  });
});

describe('rule 4: recovery-targets', () => {
  it('reports a failed restore test', () => {
    const dir = variant((d) => edit(d, 'evidence/restore-2026-05.md', 'outcome: success', 'outcome: failure'));
    expect(ofRule(audit(dir), 'recovery-targets').map(essentials)).toEqual([
      {
        rule: 'recovery-targets',
        severity: 'error',
        subject: 'ev-restore-2026-05:restoreTest',
        file: 'evidence/restore-2026-05.md',
        field: 'restoreTest.outcome',
        line: undefined,
        message: 'Restore test "ev-restore-2026-05" of 2026-05-20 failed (ledger database to an isolated VPC).',
      },
    ]);
  });

  it('reports a restore slower than the RTO and data loss beyond the RPO', () => {
    const dir = variant((d) => {
      edit(d, 'evidence/restore-2026-05.md', 'duration: PT2H15M', 'duration: PT5H');
      edit(d, 'evidence/restore-2026-05.md', 'dataLoss: PT6H', 'dataLoss: PT30H');
    });
    expect(ofRule(audit(dir), 'recovery-targets').map((f) => [f.subject, f.message])).toEqual([
      ['ev-restore-2026-05:restoreTest.dataLoss', 'Restore test "ev-restore-2026-05" recovered data 30 hours old, over the 24 hours RPO target of "msr-restore".'],
      ['ev-restore-2026-05:restoreTest.duration', 'Restore test "ev-restore-2026-05" took 5 hours, over the 4 hours RTO target of "msr-restore".'],
    ]);
  });

  it('reports a restore test that records no result', () => {
    const dir = variant((d) => edit(d, 'evidence/restore-2026-05.md', /restoreTest:\n(?: {2}.*\n)+/, ''));
    expect(ofRule(audit(dir), 'recovery-targets').map((f) => [f.subject, f.field, f.severity])).toEqual([['ev-restore-2026-05:restoreTest', 'restoreTest', 'error']]);
  });

  it('reports backups whose longest gap exceeds the RPO', () => {
    const dir = variant((d) => edit(d, 'evidence/jobs-2026-05.md', 'failed: 0, longestGap: PT24H', 'failed: 1, longestGap: PT49H'));
    expect(ofRule(audit(dir), 'recovery-targets').map(essentials)).toEqual([
      {
        rule: 'recovery-targets',
        severity: 'error',
        subject: 'ev-jobs-2026-05:backupJobs.longestGap',
        file: 'evidence/jobs-2026-05.md',
        field: 'backupJobs.longestGap',
        line: undefined,
        message: 'Backup jobs in "ev-jobs-2026-05" went 49 hours without a successful run, over the 24 hours RPO target of "msr-nightly" (1 of 31 runs failed).',
      },
    ]);
  });

  it('notes a restore test with no RTO to compare with, and ignores tests outside the observation period', () => {
    const dir = variant((d) => edit(d, 'measures/restore.mdx', 'targets: { rto: PT4H, rpo: PT24H }', 'targets: {}'));
    expect(ofRule(audit(dir), 'recovery-targets').map((f) => [f.severity, f.subject])).toEqual([['info', 'ev-restore-2026-05:restoreTest.duration']]);
    const failed = variant((d) => edit(d, 'evidence/restore-2026-05.md', 'outcome: success', 'outcome: failure'));
    expect(ofRule(audit(failed, { period: { start: '2026-06-01', end: '2026-06-30' } }), 'recovery-targets')).toEqual([]);
  });
});

describe('rule 5: policy-lifecycle', () => {
  it('reports an overdue review', () => {
    const dir = variant((d) => edit(d, 'policies/backup.mdx', 'reviewInterval: P1Y', 'reviewInterval: P6M'));
    expect(ofRule(audit(dir), 'policy-lifecycle').map(essentials)).toEqual([
      {
        rule: 'policy-lifecycle',
        severity: 'error',
        subject: 'pol-backup:review',
        file: 'policies/backup.mdx',
        field: 'lastReviewed',
        line: undefined,
        message: 'Policy "pol-backup" is overdue for review: last reviewed 2026-01-05, to be reviewed every 6 months, so due by 2026-07-05.',
      },
    ]);
  });

  it('warns about a review falling due soon', () => {
    const dir = variant((d) => edit(d, 'policies/backup.mdx', 'reviewInterval: P1Y', 'reviewInterval: P7M'));
    expect(ofRule(audit(dir), 'policy-lifecycle').map((f) => [f.severity, f.subject, f.message])).toEqual([
      ['warning', 'pol-backup:review', 'Policy "pol-backup" is due for review by 2026-08-05 (last reviewed 2026-01-05, every 7 months).'],
    ]);
  });

  it('reports a version in force nobody signed off', () => {
    const dir = variant((d) => edit(d, 'policies/backup.mdx', 'effective: 2026-01-05', 'effective: 2026-02-01'));
    expect(ofRule(audit(dir), 'policy-lifecycle').map((f) => [f.severity, f.subject, f.field, f.message])).toEqual([
      ['error', 'pol-backup:approvals', 'approvals', 'Policy "pol-backup" version 2.0 took effect on 2026-02-01, but its latest approval is dated 2026-01-05: nobody signed off the version in force.'],
    ]);
  });

  it('warns about a draft policy measures rely on', () => {
    const dir = variant((d) => edit(d, 'policies/backup.mdx', 'status: approved', 'status: draft'));
    expect(ofRule(audit(dir), 'policy-lifecycle').map((f) => [f.severity, f.subject, f.message])).toEqual([
      ['warning', 'pol-backup:status', 'Policy "pol-backup" is still a draft, yet "msr-nightly" and "msr-restore" implement it: a draft is not in force.'],
    ]);
  });

  it('reports a retired policy measures still implement', () => {
    const dir = variant((d) => edit(d, 'policies/backup.mdx', 'status: approved', 'status: retired'));
    expect(ofRule(audit(dir), 'policy-lifecycle').map((f) => [f.severity, f.subject])).toEqual([['error', 'pol-backup:status']]);
  });
});

describe('rule 6: artifact-integrity', () => {
  it('reports a tampered artifact with both hashes', () => {
    const dir = variant((d) => writeFileSync(path.join(d, 'evidence/files/restore-2026-05.log'), 'restore finished, all good\n'));
    const [f, ...rest] = ofRule(audit(dir), 'artifact-integrity');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', subject: 'ev-restore-2026-05:evidence/files/restore-2026-05.log', file: 'evidence/restore-2026-05.md', field: 'artifacts[0]', line: 10 });
    expect(f!.message).toMatch(/^Artifact "evidence\/files\/restore-2026-05\.log" does not match its pinned sha256: pinned [0-9a-f]{64}, file has [0-9a-f]{64}\. The evidence changed after it was recorded \(drift or tampering\)\.$/);
    const [, pinned, actual] = /pinned ([0-9a-f]{64}), file has ([0-9a-f]{64})/.exec(f!.message)!;
    expect(pinned).not.toBe(actual);
  });

  it('reports a missing artifact and one outside the content folder', () => {
    const dir = variant((d) => {
      rmSync(path.join(d, 'evidence/files/jobs-2026-04.log'));
      edit(d, 'evidence/jobs-2026-05.md', 'path: evidence/files/jobs-2026-05.log', 'path: ../outside.log');
    });
    expect(ofRule(audit(dir), 'artifact-integrity').map((f) => [f.subject, f.message])).toEqual([
      ['ev-jobs-2026-04:evidence/files/jobs-2026-04.log', 'Artifact file "evidence/files/jobs-2026-04.log" does not exist.'],
      ['ev-jobs-2026-05:../outside.log', 'Artifact path "../outside.log": the path leaves the content root.'],
    ]);
  });
});

describe('rule 7: orphans', () => {
  it('reports evidence that supports nothing, a measure mapping no control and a policy nothing implements', () => {
    const dir = variant((d) => {
      addEvidence(d, 'ev-loose', 'kind: screenshot\ncollected: 2026-06-01\nvalidFor: P1Y');
      write(d, 'policies/unused.mdx', '---\nid: pol-unused\ntitle: Unused Policy\nversion: "1"\nstatus: approved\nowner: CISO\napprovals: [{ name: A, role: CISO, date: 2026-01-01 }]\neffective: 2026-01-01\nreviewInterval: P1Y\n---\nText.\n');
      write(d, 'measures/unmapped.mdx', '---\nid: msr-unmapped\narea: isolation\ntitle: Unmapped\nowner: SRE\nfrequency: on-event\nautomation: manual\npolicies: [pol-backup]\nevidence: [ev-restore-2026-05]\n---\nText.\n');
    });
    expect(ofRule(audit(dir), 'orphans').map(essentials)).toEqual([
      { rule: 'orphans', severity: 'warning', subject: 'ev-loose', file: 'evidence/ev-loose.md', field: 'supports', line: undefined, message: 'Evidence "ev-loose" supports nothing: no measure lists it and it names no control.' },
      { rule: 'orphans', severity: 'warning', subject: 'msr-unmapped', file: 'measures/unmapped.mdx', field: 'controls', line: undefined, message: 'Measure "msr-unmapped" maps to no control, so its area "isolation" gains nothing from it.' },
      { rule: 'orphans', severity: 'warning', subject: 'pol-unused', file: 'policies/unused.mdx', field: 'id', line: undefined, message: 'Policy "pol-unused" is in force but no measure implements it.' },
    ]);
  });
});

describe('rule 8: evidence-retention', () => {
  it('flags evidence kept past the retention limit for deletion', () => {
    const dir = variant((d) => {
      addEvidence(d, 'ev-old-restore', 'kind: restore-test\ncollected: 2023-03-01\nvalidFor: P6M\nsupports: { measures: [msr-restore] }\nrestoreTest: { outcome: success, duration: PT1H }');
    });
    expect(ofRule(audit(dir), 'evidence-retention').map(essentials)).toEqual([
      {
        rule: 'evidence-retention',
        severity: 'warning',
        subject: 'ev-old-restore',
        file: 'evidence/ev-old-restore.md',
        field: 'collected',
        line: undefined,
        message: 'Evidence "ev-old-restore" was collected on 2023-03-01; the 3 years retention limit ended on 2026-03-01, so it is due for deletion.',
      },
    ]);
    edit(dir, 'proofbook.yaml', 'observationPeriod:', 'audit: { evidenceRetention: P5Y }\nobservationPeriod:');
    expect(ofRule(audit(dir), 'evidence-retention')).toEqual([]);
  });
});

describe('rule 10: content-valid', () => {
  it('reports unknown and duplicate ids as the build does, and skips the rules that need a model', () => {
    const dir = variant((d) => {
      edit(d, 'measures/restore.mdx', 'evidence: [ev-restore-2026-05]', 'evidence: [ev-restore-2026-5]');
      write(d, 'evidence/copy.md', '---\nid: ev-jobs-2026-04\ntitle: Copy\nkind: log\ncollected: 2026-05-01\nsource: x\ncollectedBy: y\nvalidFor: P1M\n---\n');
    });
    const report = audit(dir);
    expect(report.findings.map((f) => [f.rule, f.subject, f.line, f.message])).toEqual([
      ['content-valid', 'evidence/jobs-2026-04.md:id', 2, 'Duplicate id "ev-jobs-2026-04": evidence/copy.md already uses it.'],
      ['content-valid', 'measures/restore.mdx:evidence[0]', 12, 'Unknown evidence id "ev-restore-2026-5". Did you mean "ev-restore-2026-05", "ev-jobs-2026-05", "ev-jobs-2026-04"?'],
    ]);
    expect(report.passed).toBe(false);
    expect(report.skipped).toMatch(/^The content has 2 problems that prevent building the model, so 11 rules that need it did not run \(traceability, evidence-current, period-coverage, recovery-targets, backup-staleness, restore-tests, stated-figures, policy-lifecycle, orphans, evidence-retention, secrets\)\./);
    expect(report.rules.filter((r) => r.skipped).length).toBe(11);
  });
});

describe('filters', () => {
  it('--only runs the named rules', () => {
    const dir = variant((d) => {
      edit(d, 'evidence/restore-2026-05.md', 'outcome: success', 'outcome: failure');
      edit(d, 'policies/backup.mdx', 'reviewInterval: P1Y', 'reviewInterval: P6M');
    });
    const report = audit(dir, { only: ['policy-lifecycle'] });
    expect(report.rules.map((r) => r.id)).toEqual(['policy-lifecycle']);
    expect(report.findings.map((f) => f.subject)).toEqual(['pol-backup:review']);
  });

  it('--framework keeps findings at stake for that framework and shows only its controls', () => {
    const dir = variant((d) => {
      addEvidence(d, 'ev-iso-only', 'kind: report\ncollected: 2026-01-01\nvalidFor: P1M\nsupports: { controls: { iso27001: [A.8.13] } }');
      edit(d, 'evidence/restore-2026-05.md', 'outcome: success', 'outcome: failure');
    });
    const errorsAndWarnings = (r: ReturnType<typeof audit>) => r.findings.filter((f) => f.severity !== 'info');
    const all = audit(dir);
    expect(errorsAndWarnings(all).map((f) => f.subject)).toEqual(['ev-iso-only', 'ev-restore-2026-05:restoreTest', 'msr-restore:restore-tests']);
    const soc2 = audit(dir, { framework: 'soc2' });
    expect(errorsAndWarnings(soc2).map((f) => [f.subject, f.controls])).toEqual([
      ['ev-restore-2026-05:restoreTest', ['soc2:A1.3']],
      ['msr-restore:restore-tests', ['soc2:A1.3']],
    ]);
    expect(errorsAndWarnings(audit(dir, { framework: 'iso27001' })).map((f) => [f.subject, f.controls])).toEqual([
      ['ev-iso-only', ['iso27001:A.8.13']],
      ['ev-restore-2026-05:restoreTest', ['iso27001:A.8.13']],
      ['msr-restore:restore-tests', ['iso27001:A.8.13']],
    ]);
  });

  it('sorts findings deterministically: severity, rule, file, line, subject', () => {
    const dir = variant((d) => {
      edit(d, 'evidence/restore-2026-05.md', 'outcome: success', 'outcome: failure');
      edit(d, 'policies/backup.mdx', 'reviewInterval: P1Y', 'reviewInterval: P7M');
      edit(d, 'evidence/jobs-2026-05.md', 'longestGap: PT24H', 'longestGap: PT25H');
    });
    const a = audit(dir).findings.map((f) => `${f.severity} ${f.rule} ${f.subject}`);
    expect(a).toEqual([
      'error recovery-targets ev-jobs-2026-05:backupJobs.longestGap',
      'error recovery-targets ev-restore-2026-05:restoreTest',
      'error restore-tests msr-restore:restore-tests',
      'warning policy-lifecycle pol-backup:review',
      'info stated-figures ev-jobs-2026-04:backupJobs',
      'info stated-figures ev-jobs-2026-05:backupJobs',
      'info stated-figures ev-jobs-2026-06:backupJobs',
      'info stated-figures ev-restore-2026-05:restoreTest',
    ]);
    expect(audit(dir).findings).toEqual(audit(dir).findings);
  });
});

it('uses the as-of date of the model', () => {
  expect(audit(PASSING).asOf).toBe(AS_OF);
});

describe('release-ledger', () => {
  const record = ledgerRecord;

  it('passes a sound chain and reports a record edited after its release', () => {
    const a = record('2026.1', 1, null);
    const b = record('2026.2', 2, a.digest);
    const sound = variant((dir) => {
      write(dir, 'releases/2026.1.yaml', recordYaml(a));
      write(dir, 'releases/2026.2.yaml', recordYaml(b));
    });
    expect(ofRule(audit(sound), 'release-ledger')).toEqual([]);
    const edited = variant((dir) => {
      write(dir, 'releases/2026.1.yaml', recordYaml(a));
      write(dir, 'releases/2026.2.yaml', recordYaml({ ...b, approver: 'Mallory' }));
    });
    const [finding, ...rest] = ofRule(audit(edited), 'release-ledger');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', file: 'releases/2026.2.yaml' });
    expect(finding!.message).toMatch(/Release record 2026\.2 was edited after the release/);
  });
});
