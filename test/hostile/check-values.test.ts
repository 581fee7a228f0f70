import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { copyContent } from '../helpers/content.ts';
import { AS_OF, MINIMAL, edit, expectRefused, runCase, type Case } from './helpers.ts';

const POLICY = 'policies/backup.mdx';
const EVIDENCE = 'evidence/jobs-2026-06.md';

/** Values `check` let through before: each must now be refused with file, line, field and a fix. */
const CASES: Record<string, Case[]> = {
  'dates in the future': [
    { name: 'evidence collected later', change: (d) => edit(d, EVIDENCE, 'collected: 2026-07-01', 'collected: 2062-07-01'), file: EVIDENCE, line: 5, field: 'collected', message: /collected on 2062-07-01, after today \(\d{4}-\d{2}-\d{2}\): it cannot have happened yet/ },
    { name: 'collected after an as-of date later than today', command: ['check', '--as-of', '2090-01-01'], change: (d) => edit(d, EVIDENCE, 'collected: 2026-07-01', 'collected: 2095-07-01'), file: EVIDENCE, line: 5, field: 'collected', message: /collected on 2095-07-01, after the as-of date 2090-01-01/ },
    { name: 'approval dated later', change: (d) => edit(d, POLICY, '    date: 2026-01-05', '    date: 2099-12-05'), file: POLICY, line: 10, field: 'approvals[0].date', message: /approval is dated 2099-12-05, after today/ },
    { name: 'reviewed later', change: (d) => edit(d, POLICY, 'lastReviewed: 2026-01-05', 'lastReviewed: 2099-01-05'), file: POLICY, line: 13, field: 'lastReviewed', message: /last review is dated 2099-01-05/ },
    { name: 'in effect later, not marked', change: (d) => edit(d, POLICY, 'effective: 2026-01-05', 'effective: 2099-08-01'), file: POLICY, line: 11, field: 'effective', message: /takes effect on 2099-08-01[\s\S]*notYetInForce: true/ },
  ],
  'zero and impossible numbers': [
    { name: 'review every P0D', change: (d) => edit(d, POLICY, 'reviewInterval: P1Y', 'reviewInterval: P0D'), file: POLICY, line: 12, field: 'reviewInterval', message: /duration is zero/ },
    { name: 'valid for PT0S', change: (d) => edit(d, EVIDENCE, 'validFor: P1M', 'validFor: PT0S'), file: EVIDENCE, line: 9, field: 'validFor', message: /duration is zero/ },
    { name: 'negative duration', change: (d) => edit(d, EVIDENCE, 'validFor: P1M', 'validFor: -P1M'), file: EVIDENCE, line: 9, field: 'validFor', message: /not an ISO 8601 duration/ },
    { name: 'more failed runs than runs', change: (d) => edit(d, EVIDENCE, 'failed: 0', 'failed: 31'), file: EVIDENCE, line: 15, field: 'backupJobs.failed', message: /more runs failed than ran/ },
  ],
};

for (const [group, cases] of Object.entries(CASES)) {
  describe.concurrent(group, () => {
    for (const c of cases) it(c.name, async () => expectRefused(c, await runCase(c)));
  });
}

describe('versions keep what the author wrote', () => {
  it('reads an unquoted version 2.10 as "2.10", not the number 2.1', async () => {
    const dir = copyContent(MINIMAL, 'hostile');
    edit(dir, POLICY, 'version: "1.0"', 'version: 2.10');
    const { model, problems } = buildModel({ contentDir: dir, asOf: AS_OF });
    expect(problems).toEqual([]);
    expect(model!.policies[0]!.data.version).toBe('2.10');
  });
  it('accepts a policy version approved ahead of its start when marked notYetInForce', async () => {
    const c: Case = { name: 'marked', change: (d) => edit(d, POLICY, 'effective: 2026-01-05', 'effective: 2099-08-01\nnotYetInForce: true'), file: POLICY, line: 11, message: /./ };
    const run = await runCase(c);
    expect(run.result.code, run.result.stderr).toBe(0);
  });
});
