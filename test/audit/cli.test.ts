import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent } from '../helpers/content.ts';
import { FIXTURES, TMP } from '../helpers/paths.ts';
import { AS_OF, PASSING, edit, variant } from './helpers.ts';

const WAIVED = path.join(FIXTURES, 'audit', 'waived');
const failing = () =>
  variant((d) => {
    edit(d, 'evidence/restore-2026-05.md', 'outcome: success', 'outcome: failure');
    edit(d, 'policies/backup.mdx', 'reviewInterval: P1Y', 'reviewInterval: P7M');
  });
const auditCli = (dir: string, ...args: string[]) => runCliAsync(['audit', '--content', dir, '--as-of', AS_OF, ...args]);

describe.concurrent('proofbook audit (CLI)', () => {
  it('exits 0 and says PASSED when no error remains', async () => {
    const r = await auditCli(PASSING);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Self-audit of Audit Fixture Co as of 2026-07-10 · observation period 2026-04-01\.\.2026-06-30\n/);
    expect(r.stdout).toContain('PASSED: 0 errors, 0 warnings, 4 info, 0 waived');
    expect(r.stderr).toBe('');
  });

  it('exits 1 on an error and prints it grouped by severity with rule, subject, file, controls, why and fix', async () => {
    const dir = failing();
    const r = await auditCli(dir);
    expect(r.code).toBe(1);
    const label = path.relative(path.resolve(TMP, '..', '..'), dir).split(path.sep).join('/');
    const text = r.stdout;
    expect(text.indexOf('✗ 2 ERRORS')).toBeLessThan(text.indexOf('! 1 WARNING'));
    expect(text).toContain(`  ✗ ev-restore-2026-05:restoreTest  ${label}/evidence/restore-2026-05.md (restoreTest.outcome)\n      Restore test "ev-restore-2026-05" of 2026-05-20 failed (ledger database to an isolated VPC).\n      controls: soc2:A1.3, iso27001:A.8.13\n      fix: `);
    expect(text).toContain('  recovery-targets: Restore tests succeed within the RTO; backups run within the RPO\n  Why it matters: ');
    expect(text).toContain('  ! pol-backup:review');
    expect(text).toMatch(/FAILED: 2 errors, 1 warning, 4 info, 0 waived \(15 rules, \d+ checks\)\.\n$/);
  });

  it('exits 0 when the only error is waived, and shows it as waived', async () => {
    const r = await auditCli(WAIVED);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ 2 WAIVED');
    expect(r.stdout).toContain('waived by Ada Lovelace, CTO on 2026-05-22 until 2026-09-30');
  });

  it('writes JSON that parses, with the same findings', async () => {
    const r = await auditCli(failing(), '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ format: 'proofbook-audit', version: 1, asOf: AS_OF, passed: false, counts: { error: 2, warning: 1, info: 4, waived: 0 }, period: { start: '2026-04-01', end: '2026-06-30' } });
    expect(json.findings.map((f: { rule: string; subject: string; severity: string }) => [f.rule, f.subject, f.severity])).toEqual([
      ['recovery-targets', 'ev-restore-2026-05:restoreTest', 'error'],
      ['restore-tests', 'msr-restore:restore-tests', 'error'],
      ['policy-lifecycle', 'pol-backup:review', 'warning'],
      ...['04', '05', '06'].map((m) => ['stated-figures', `ev-jobs-2026-${m}:backupJobs`, 'info']),
      ['stated-figures', 'ev-restore-2026-05:restoreTest', 'info'],
    ]);
    expect(json.findings[0].path).toMatch(/\/evidence\/restore-2026-05\.md$/);
    expect(json.rules.find((x: { id: string }) => x.id === 'secrets').checked).toBeGreaterThan(0);
  });

  it('writes JUnit XML a standard parser reads: a suite per rule, failures for errors', async () => {
    const dir = failing();
    const out = path.join(copyContent(PASSING, 'junit'), 'reports', 'audit.xml');
    const r = await auditCli(dir, '--format', 'junit', '--output', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗ Self-audit as of 2026-07-10: 2 errors, 1 warning, 4 info, 0 waived\. Wrote the junit report to .*audit\.xml\.\n$/);
    const xml = readFileSync(out, 'utf8');
    expect(readdirSync(path.dirname(out))).toEqual(['audit.xml']);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'property' }).parse(xml);
    const suites = doc.testsuites.testsuite as Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; failure?: { type: string; message: string } }> }>;
    expect(suites.map((s) => s.name)).toEqual(['traceability', 'evidence-current', 'period-coverage', 'recovery-targets', 'backup-staleness', 'restore-tests', 'stated-figures', 'policy-lifecycle', 'artifact-integrity', 'orphans', 'evidence-retention', 'secrets', 'content-valid', 'release-ledger', 'waivers']);
    expect(doc.testsuites.failures).toBe('2');
    const recovery = suites.find((s) => s.name === 'recovery-targets')!;
    const failed = recovery.testcase.filter((t) => t.failure);
    expect(failed.map((t) => [t.name, t.failure!.type, t.failure!.message])).toEqual([
      ['ev-restore-2026-05:restoreTest', 'error', 'Restore test "ev-restore-2026-05" of 2026-05-20 failed (ledger database to an isolated VPC).'],
    ]);
    expect(Number(recovery.tests)).toBe(recovery.testcase.length);
    expect(recovery.testcase.length).toBeGreaterThan(3);
  });

  it('writes Markdown with a section per severity', async () => {
    const r = await auditCli(failing(), '--format', 'markdown');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^# Self-audit of Audit Fixture Co as of 2026-07-10/);
    expect(r.stdout).toContain('## Errors (2)\n\n### `recovery-targets` Restore tests succeed within the RTO; backups run within the RPO\n');
    expect(r.stdout).toContain('| `ev-restore-2026-05:restoreTest` |');
    expect(r.stdout).toContain('## Warnings (1)');
    expect(r.stdout).toContain('## Rules');
  });

  it('--only and --framework narrow the report', async () => {
    const dir = failing();
    const only = JSON.parse((await auditCli(dir, '--format', 'json', '--only', 'policy-lifecycle')).stdout);
    expect(only.findings.map((f: { subject: string }) => f.subject)).toEqual(['pol-backup:review']);
    const r = await auditCli(dir, '--only', 'policy-lifecycle,evidence-current');
    expect(r.code).toBe(0);
    const fw = JSON.parse((await auditCli(dir, '--format', 'json', '--framework', 'iso27001')).stdout);
    expect(fw.framework).toBe('iso27001');
    expect(fw.findings[0].controls).toEqual(['iso27001:A.8.13']);
  });

  it('reports content problems as content-valid findings, without a stack trace', async () => {
    const dir = variant((d) => edit(d, 'measures/restore.mdx', 'policies: [pol-backup]', 'policies: [pol-bakup]'));
    const r = await auditCli(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('content-valid: ');
    expect(r.stdout).toContain('Unknown policy id "pol-bakup". Did you mean "pol-backup"?');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('Note: The content has 1 problem that prevents building the model, so 11 rules that need it did not run');
    expect(r.stdout).toContain('      controls: soc2:CC2.1, iso27001:A.5.36\n');
    expect(r.stderr).toBe('');
  });

  it('exits 2 with usage for bad options', async () => {
    const cases = [
      [['--period', '2026-01-01-2026-12-31'], '--period must be START..END'],
      [['--period', '2026-12-01..2026-01-01'], '--period starts after it ends'],
      [['--format', 'xml'], 'unknown --format "xml"'],
      [['--only', 'secret'], 'unknown rule "secret" for --only. Did you mean "secrets"?'],
      [['--framework', 'soc3'], 'unknown framework "soc3" for --framework. Did you mean "soc2"?'],
      [['--as-of', '2026-02-30'], '--as-of must be a date'],
    ] as const;
    // Independent commands, run side by side.
    const results = await Promise.all(cases.map(([args]) => auditCli(PASSING, ...args)));
    cases.forEach(([args, message], i) => {
      const r = results[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`proofbook audit: ${message}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  it('is listed in proofbook --help', async () => {
    const r = await runCliAsync(['--help']);
    expect(r.stdout).toMatch(/\n {2}audit +Self-audit the program/);
    expect(existsSync(path.join(PASSING, 'waivers.yaml'))).toBe(false);
  });
});
