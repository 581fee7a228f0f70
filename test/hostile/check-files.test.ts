import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordYaml } from '../../src/release/ledger.ts';
import { ledgerRecord } from '../release/helpers.ts';
import { edit, expectRefused, runCase, write, type Case } from './helpers.ts';

const POLICY = 'policies/backup.mdx';
const EVIDENCE = 'evidence/jobs-2026-06.md';
const MEASURE = 'measures/nightly.mdx';
const copyOf = (d: string, rel: string) => readFileSync(path.join(d, rel), 'utf8');
const WAIVER_NO_APPROVER = 'waivers:\n  - rule: recovery-targets\n    subject: ev-jobs-2026-06:restoreTest\n    reason: Restore drill moved to Q3 after the storage migration.\n    expires: 2026-12-31\n';
/** A sound ledger record as `proofbook release` writes it, then one edit. */
const RECORD = recordYaml(ledgerRecord('2026.1', 1, null));
const RELEASE_BAD = RECORD.replace('\nsequence: 1\n', '\nsequence: 0\n');
const RELEASE_EDITED = RECORD.replace('approver: "Ada Lovelace"', 'approver: "Mallory"');

/** Files and references `check` used to skip, misread or let through: each now gets one precise message. */
const CASES: Record<string, Case[]> = {
  'bodies and artifacts': [
    { name: 'an MDX component that does not exist', change: (d) => write(d, MEASURE, `${copyOf(d, MEASURE)}\n<Callout type="warn">Keep it.</Callout>\n`), file: MEASURE, line: 17, field: 'body', message: /component <Callout>, which does not exist/ },
    { name: 'a dotted component', change: (d) => write(d, POLICY, `${copyOf(d, POLICY)}\nSee <Docs.Link to="x" />.\n`), file: POLICY, line: 19, field: 'body', message: /component <Docs\.Link>/ },
    { name: 'an artifact that is a policy', change: (d) => edit(d, EVIDENCE, 'path: evidence/files/jobs-2026-06.log', 'path: policies/backup.mdx'), file: EVIDENCE, line: 11, field: 'artifacts[0]', message: /points at a policy record, not at an evidence file/ },
    { name: 'an artifact that is the program settings', change: (d) => edit(d, EVIDENCE, 'path: evidence/files/jobs-2026-06.log', 'path: proofbook.yaml'), file: EVIDENCE, line: 11, field: 'artifacts[0]', message: /points at the program's proofbook\.yaml file/ },
  ],
  'data files checked by check and build': [
    { name: 'waiver without approver (check)', change: (d) => write(d, 'waivers.yaml', WAIVER_NO_APPROVER), file: 'waivers.yaml', line: 2, field: 'waivers[0].approver', message: /Missing required field/ },
    { name: 'waiver without approver (build)', command: ['build'], change: (d) => write(d, 'waivers.yaml', WAIVER_NO_APPROVER), file: 'waivers.yaml', line: 2, field: 'waivers[0].approver', message: /Missing required field/ },
    { name: 'broken release record (check)', change: (d) => write(d, 'releases/2026.1.yaml', RELEASE_BAD), file: 'releases/2026.1.yaml', line: 5, field: 'sequence', message: /greater than 0/ },
    { name: 'release record edited after the release (check)', change: (d) => write(d, 'releases/2026.1.yaml', RELEASE_EDITED), file: 'releases/2026.1.yaml', line: 23, field: 'digest', message: /Release record 2026\.1 was edited after the release/ },
    { name: 'broken release record (build)', command: ['build'], change: (d) => write(d, 'releases/2026.1.yaml', RELEASE_BAD), file: 'releases/2026.1.yaml', line: 5, field: 'sequence', message: /greater than 0/ },
  ],
};

for (const [group, cases] of Object.entries(CASES)) {
  describe.concurrent(group, () => {
    for (const c of cases) it(c.name, async () => expectRefused(c, await runCase(c)));
  });
}

describe('valid input that was refused', () => {
  it('accepts a UTF-8 byte-order mark before the opening ---', async () => {
    const run = await runCase({ name: 'bom', change: (d) => writeFileSync(path.join(d, POLICY), `\uFEFF${copyOf(d, POLICY)}`), file: POLICY, line: 1, message: /./ });
    expect(run.result.stderr).toBe('');
    expect(run.result.code).toBe(0);
    expect(run.result.stdout).toMatch(/✓ 1 policy, 1 measure, 1 evidence record: no problems/);
  });
});
