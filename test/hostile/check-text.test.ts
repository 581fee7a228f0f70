import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { edit, expectRefused, runCase, type Case } from './helpers.ts';

const POLICY = 'policies/backup.mdx';
const EVIDENCE = 'evidence/jobs-2026-06.md';
const MEASURE = 'measures/nightly.mdx';

/** Text `check` let through or explained badly: refused with file, line, field and a fix. */
const CASES: Record<string, Case[]> = {
  'blank and unprintable text': [
    { name: 'whitespace title', change: (d) => edit(d, POLICY, 'title: Backup Policy', 'title: "   "'), file: POLICY, line: 3, field: 'title', message: /title is blank/ },
    { name: 'tab-only measure title', change: (d) => edit(d, MEASURE, 'title: Nightly database backup', 'title: "\\t"'), file: MEASURE, line: 4, field: 'title', message: /title is blank/ },
    { name: 'NUL escape in a field', change: (d) => edit(d, EVIDENCE, 'source: pgBackRest 2.54', 'source: "pgBackRest\\0 2.54"'), file: EVIDENCE, line: 7, field: 'source', message: /control character \(U\+0000, NUL\)/ },
    { name: 'raw NUL byte in a field', change: (d) => edit(d, MEASURE, 'owner: SRE lead', 'owner: SRE\u0000lead'), file: MEASURE, line: 5, field: 'owner', message: /NUL/ },
    { name: 'invalid UTF-8', change: (d) => editBytes(d, POLICY, 'Head of Infrastructure', Buffer.from([0x48, 0xe9, 0x61, 0x64])), file: POLICY, line: 6, message: /not valid UTF-8/ },
  ],
  'fixes for the generic messages': [
    { name: 'missing required field', change: (d) => edit(d, POLICY, 'owner: Head of Infrastructure\n', ''), file: POLICY, line: 2, field: 'owner', message: /Missing required field[\s\S]*fix: add the line "owner: …"/ },
    { name: 'missing nested field', change: (d) => edit(d, EVIDENCE, ', longestGap: PT24H', ''), file: EVIDENCE, line: 15, field: 'backupJobs.longestGap', message: /Missing required field[\s\S]*under backupJobs/ },
    { name: 'start after end', change: (d) => edit(d, EVIDENCE, '{ start: 2026-06-01, end: 2026-06-30 }', '{ start: 2026-06-30, end: 2026-06-01 }'), file: EVIDENCE, line: 6, field: 'period.end', message: /start is after period.end[\s\S]*fix: swap start and end/ },
  ],
};

function editBytes(dir: string, rel: string, from: string, to: Buffer) {
  edit(dir, rel, from, '\u0001MARK\u0001');
  const p = path.join(dir, rel);
  const bytes = readFileSync(p);
  const at = bytes.indexOf('\u0001MARK\u0001');
  writeFileSync(p, Buffer.concat([bytes.subarray(0, at), to, bytes.subarray(at + 6)]));
}

for (const [group, cases] of Object.entries(CASES)) {
  describe.concurrent(group, () => {
    for (const c of cases) it(c.name, async () => expectRefused(c, await runCase(c)));
  });
}
