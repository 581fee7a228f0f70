import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/audit/types.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent, edit } from '../helpers/content.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_DIST } from '../helpers/paths.ts';
import { audit } from './helpers.ts';

const key = (f: Finding) => `${f.severity} ${f.rule} ${f.subject}`;

describe('the example program', () => {
  const baseline = audit(EXAMPLE_CONTENT, { asOf: EXAMPLE_AS_OF });

  it('passes the audit with zero errors as of its own date', async () => {
    expect(baseline.findings.filter((f) => f.severity === 'error' && !f.waived).map(key)).toEqual([]);
    expect(baseline.passed).toBe(true);
    expect(baseline.skipped).toBeUndefined();
    const r = await runCliAsync(['audit', '--as-of', EXAMPLE_AS_OF]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('PASSED: 0 errors');
  });

  it('a copy with a broken restore test, an overdue policy review and a tampered artifact fails with exactly those findings', async () => {
    const dir = copyContent(EXAMPLE_CONTENT, 'example-broken');
    edit(dir, 'evidence/2026-08-restore-drill.md', /outcome: success/, 'outcome: failure');
    edit(dir, 'policies/retention-disposal.mdx', /lastReviewed: \d{4}-\d{2}-\d{2}/, 'lastReviewed: 2025-06-01');
    appendFileSync(path.join(dir, 'evidence/files/restore-drill-2026-05-19.log'), 'restore verified by hand\n');

    const report = audit(dir, { asOf: EXAMPLE_AS_OF });
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.subject, f.file])).toEqual([
      ['recovery-targets', 'ev-2026-08-restore-drill:restoreTest', 'evidence/2026-08-restore-drill.md'],
      // Q3's only drill failed, so the quarter has no successful restore test.
      ['restore-tests', 'msr-quarterly-restore-drill:restore-tests', 'measures/quarterly-restore-drill.mdx'],
      ['policy-lifecycle', 'pol-retention-disposal:review', 'policies/retention-disposal.mdx'],
      ['artifact-integrity', 'ev-2026-05-restore-drill:evidence/files/restore-drill-2026-05-19.log', 'evidence/2026-05-restore-drill.md'],
    ]);
    const [, quarter, review, tampered] = report.findings;
    expect(quarter!.message).toBe('Measure "msr-quarterly-restore-drill" has only failed restore tests in 2026-Q3 (S3 hvl-prod-documents, prefix tenants/ for 40 tenants (212 GiB, 1.61 million objects), from hvl-locked-euw1 into hvl-recovery on 2026-08-18).');
    expect(review!.message).toBe('Policy "pol-retention-disposal" is overdue for review: last reviewed 2025-06-01, to be reviewed every 1 year, so due by 2026-06-01.');
    expect(tampered!.message).toMatch(/pinned [0-9a-f]{64}, file has [0-9a-f]{64}/);
    // Nothing else changed: the other findings are the baseline's, less the review warning the error replaced.
    const others = report.findings.filter((f) => f.severity !== 'error').map(key);
    expect(others).toEqual(baseline.findings.map(key).filter((k) => k !== 'warning policy-lifecycle pol-retention-disposal:review'));

    const r = await runCliAsync(['audit', '--content', dir, '--as-of', EXAMPLE_AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).counts.error).toBe(4);
  });
});

describe('the portal', () => {
  const page = path.join(EXAMPLE_DIST, 'audit', 'index.html');

  it('has a Self-audit page with the findings, their ids and the counts', () => {
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    const report = audit(EXAMPLE_CONTENT, { asOf: EXAMPLE_AS_OF });
    expect(html).toMatch(/<h1[^>]*>Self-audit<\/h1>/);
    expect(html).toMatch(new RegExp(`id="audit-errors">${report.counts.error}<`));
    expect(html).toMatch(new RegExp(`id="audit-warnings">${report.counts.warning}<`));
    for (const f of report.findings) expect(html).toContain(f.subject);
    for (const r of report.rules) expect(html).toContain(`id="rule-${r.id}"`);
    expect(html).toMatch(/<a href="index\.html" aria-current="page">Self-audit<\/a>/);
  });

  it('shows the counts on the dashboard', () => {
    const html = readFileSync(path.join(EXAMPLE_DIST, 'index.html'), 'utf8');
    // The audit result heads the dashboard (issue 11), before the coverage it qualifies.
    const report = audit(EXAMPLE_CONTENT, { asOf: EXAMPLE_AS_OF });
    expect(html.indexOf('id="audit-result"')).toBeGreaterThan(-1);
    expect(html.indexOf('id="audit-result"')).toBeLessThan(html.indexOf('Coverage per framework'));
    expect(html).toContain(report.passed ? 'Self-audit passes' : 'Self-audit fails');
    expect(html).toContain(`${report.counts.error} open error`);
    expect(html).toMatch(/<a href="audit\/index\.html">Open the self-audit<\/a>/);
  });
});
