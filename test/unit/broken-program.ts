import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyContent, edit, write } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';

/** The smallest valid program (test/fixtures/minimal). */
export const MINIMAL = path.join(FIXTURES, 'minimal');

/** A copy of the minimal program with one of every kind of mistake. */
export function brokenProgram(): string {
  const dir = copyContent(MINIMAL, 'broken');
  edit(dir, 'measures/nightly.mdx', 'soc2: [A1.2, CC7.1]', 'soc2: [A1.2, CC7.9]');
  edit(dir, 'measures/nightly.mdx', 'policies: [pol-backup]', 'policies: [pol-bakup]');
  const dr = readFileSync(path.join(MINIMAL, 'policies/backup.mdx'), 'utf8').replace('pol-backup', 'pol-dr');
  write(dir, 'policies/dr.mdx', dr.replace('effective: 2026-01-05', 'effective: 2026-13-05').replace('reviewInterval: P1Y', 'reviewInterval: yearly'));
  write(dir, 'measures/zz-copy.mdx', readFileSync(path.join(MINIMAL, 'measures/nightly.mdx'), 'utf8'));
  write(dir, 'evidence/broken-yaml.md', '---\nid: ev-broken\ntitle: [unclosed\n---\nBody\n');
  write(dir, 'evidence/escape.md', `---
id: ev-escape
title: Escaping artifact
kind: log
collected: 2026-06-01
source: x
collectedBy: y
validFor: P1M
artifacts:
  - path: ../outside.log
    sha256: "${'0'.repeat(64)}"
  - path: evidence/files/missing.log
    sha256: "${'0'.repeat(64)}"
supports:
  measures: [msr-nightly]
  controls: { soc2: [A1.2] }
---
`);
  write(dir, 'evidence/typo.md', '---\nid: ev-typo\ntitle: Typo\nkind: log\ncollectedOn: 2026-06-01\nsource: x\ncollectedBy: y\nvalidFor: P1M\n---\n');
  // Tamper with the pinned artifact.
  writeFileSync(path.join(dir, 'evidence/files/jobs-2026-06.log'), 'edited after collection\n');
  return dir;
}
