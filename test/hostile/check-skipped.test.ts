import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { edit, expectRefused, runCase, write, type Case } from './helpers.ts';

const POLICY = 'policies/backup.mdx';
const EVIDENCE = 'evidence/jobs-2026-06.md';
const MEASURE = 'measures/nightly.mdx';
const copyOf = (d: string, rel: string) => readFileSync(path.join(d, rel), 'utf8');
const BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');

/** Files skipped in silence, misleading references and hostile YAML: each gets one precise message. */
const CASES: Record<string, Case[]> = {
  'files that were skipped in silence': [
    { name: 'upper-case .MDX', change: (d) => write(d, 'policies/Upper.MDX', copyOf(d, POLICY).replace('pol-backup', 'pol-upper')), file: 'policies/Upper.MDX', line: 1, message: /not lower case[\s\S]*rename it to Upper\.mdx/ },
    { name: 'mixed-case .Md evidence', change: (d) => write(d, 'evidence/extra.Md', copyOf(d, EVIDENCE).replace('ev-jobs-2026-06', 'ev-extra')), file: 'evidence/extra.Md', line: 1, message: /not lower case/ },
    { name: 'a record that is a symbolic link', change: (d) => symlinkSync('backup.mdx', path.join(d, 'policies/linked.mdx')), file: 'policies/linked.mdx', line: 1, message: /symbolic link/ },
  ],
  'one invalid record, one message': [
    { name: 'a measure referring to an invalid policy', change: (d) => edit(d, POLICY, 'status: approved', 'status: aproved'), file: MEASURE, line: 11, field: 'policies[0]', problems: 2, message: /Refers to pol-backup, which is invalid \(see its own error in policies\/backup\.mdx\)/ },
    { name: 'a measure referring to a policy whose YAML is broken', change: (d) => edit(d, POLICY, 'owner: Head of Infrastructure', 'owner: [Head of Infrastructure'), file: MEASURE, line: 11, field: 'policies[0]', problems: 2, message: /Refers to pol-backup, which is invalid \(see its own error in policies\/backup\.mdx\)/ },
    { name: 'an evidence record referring to an invalid measure', change: (d) => edit(d, MEASURE, 'frequency: daily', 'frequency: nightly'), file: EVIDENCE, line: 14, field: 'supports.measures[0]', problems: 2, message: /Refers to msr-nightly, which is invalid/ },
  ],
  'YAML alias bombs': [
    { name: 'in a policy', change: (d) => write(d, POLICY, copyOf(d, POLICY).replace('---\n', `---\n${BOMB}\n`)), file: POLICY, line: 1, message: /Malformed YAML: Excessive alias count/ },
    { name: 'in proofbook.yaml', change: (d) => write(d, 'proofbook.yaml', `${copyOf(d, 'proofbook.yaml')}\n${BOMB}\n`), file: 'proofbook.yaml', line: 1, message: /Malformed YAML: Excessive alias count/ },
  ],
};

for (const [group, cases] of Object.entries(CASES)) {
  describe.concurrent(group, () => {
    for (const c of cases) it(c.name, async () => expectRefused(c, await runCase(c)));
  });
}
