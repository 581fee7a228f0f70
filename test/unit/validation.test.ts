import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { FIXTURES, TMP } from '../helpers/paths.ts';

const MINIMAL = path.join(FIXTURES, 'minimal');

/** A copy of the minimal program with one of every kind of mistake. */
function brokenProgram(): string {
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

describe('validation', () => {
  it('lists every problem at once with file, line, field and a fix', () => {
    const dir = brokenProgram();
    const { model, problems } = buildModel({ contentDir: dir, asOf: '2026-07-10' });
    expect(model).toBeUndefined();
    const summary = problems.map((p) => `${p.file}:${p.line ?? '-'} ${p.field ?? '-'} ${p.code}`);
    expect(summary).toEqual([
      'evidence/broken-yaml.md:3 - yaml',
      'evidence/escape.md:10 artifacts[0] artifact-path',
      'evidence/escape.md:12 artifacts[1] artifact-missing',
      'evidence/jobs-2026-06.md:11 artifacts[0] artifact-hash',
      'evidence/typo.md:2 collected schema',
      'evidence/typo.md:5 collectedOn schema',
      'measures/nightly.mdx:9 controls.soc2[1] unknown-control',
      'measures/nightly.mdx:11 policies[0] unknown-reference',
      'measures/zz-copy.mdx:2 id duplicate-id',
      'policies/dr.mdx:11 effective schema',
      'policies/dr.mdx:12 reviewInterval schema',
    ]);
    const text = (code: string) => problems.find((p) => p.code === code)!.message;
    expect(text('unknown-control')).toMatch(/Unknown SOC 2 Trust Services Criteria criterion "CC7.9"\. Did you mean "CC7\.\d", "CC7\.\d", "CC7\.\d"\?/);
    expect(text('unknown-reference')).toMatch(/Unknown policy id "pol-bakup"\. Did you mean "pol-backup"\?/);
    expect(text('duplicate-id')).toMatch(/measures\/nightly\.mdx already uses it/);
    expect(text('artifact-hash')).toMatch(/pinned [0-9a-f]{64}, file has [0-9a-f]{64}/);
    expect(text('artifact-path')).toMatch(/leaves the content root/);
    for (const p of problems) expect(p.fix ?? p.message, `${p.file} ${p.field}`).toBeTruthy();
  });

  it('refuses absolute artifact paths and links that lead outside the content root', () => {
    const dir = copyContent(MINIMAL, 'links');
    const outside = path.join(TMP, 'outside-secret.log');
    writeFileSync(outside, 'secret');
    const { symlinkSync } = require('node:fs') as typeof import('node:fs');
    symlinkSync(outside, path.join(dir, 'evidence/files/link.log'));
    edit(dir, 'evidence/jobs-2026-06.md', 'artifacts:', `artifacts:\n  - path: ${outside}\n    sha256: "${'0'.repeat(64)}"\n  - path: evidence/files/link.log\n    sha256: "${'0'.repeat(64)}"`);
    const messages = buildModel({ contentDir: dir, asOf: '2026-07-10' }).problems.map((p) => p.message);
    expect(messages.some((m) => /not absolute/.test(m))).toBe(true);
    expect(messages.some((m) => /link that leads outside/.test(m))).toBe(true);
  });

  it('`proofbook check` prints them all, exits 1 and shows no stack trace', async () => {
    const dir = brokenProgram();
    const r = await runCliAsync(['check', '--content', dir, '--as-of', '2026-07-10']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/11 problems found\. Nothing was built\./);
    expect(r.stderr).toMatch(/measures\/nightly\.mdx:9 \(controls\.soc2\[1\]\)/);
    expect(r.stderr).not.toContain(TMP);
    expect(r.stderr).toMatch(/fix: use an id from the SOC 2 Trust Services Criteria catalog/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('`proofbook check` passes a valid program and reports coverage', async () => {
    const r = await runCliAsync(['check', '--content', MINIMAL, '--as-of', '2026-07-10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 policy, 1 measure, 1 evidence record: no problems \(as of 2026-07-10\)/);
  });

  it('reports MDX syntax errors in bodies with their line', () => {
    const dir = copyContent(MINIMAL, 'mdx');
    edit(dir, 'policies/backup.mdx', 'backed up daily.', 'backed up daily {unclosed');
    const [p] = buildModel({ contentDir: dir, asOf: '2026-07-10' }).problems;
    expect(p).toMatchObject({ file: 'policies/backup.mdx', line: 17 });
    expect(p!.message).toMatch(/MDX syntax error/);
  });

  it('bad usage exits 2 with the command help', async () => {
    const [date, typo, option] = await Promise.all([runCliAsync(['check', '--as-of', '10/07/2026']), runCliAsync(['chekc']), runCliAsync(['check', '--bogus'])]);
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/--as-of must be a date written YYYY-MM-DD/);
    expect(typo.code).toBe(2);
    expect(option.stderr).toMatch(/Unknown option '--bogus'/);
  });

  it('a missing settings file is one clear problem', async () => {
    const empty = path.join(TMP, 'empty-program');
    mkdirSync(empty, { recursive: true });
    const r = await runCliAsync(['check', '--content', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/proofbook\.yaml\n\s+The program settings file is missing\./);
  });
});

describe('a failed build', () => {
  it('leaves the previous output untouched, whether validation or Astro fails', async () => {
    const out = path.join(TMP, 'kept-dist');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'index.html'), 'previous site');
    const invalid = brokenProgram();
    const r1 = await runCliAsync(['build', '--content', invalid, '--out', out, '--as-of', '2026-07-10']);
    expect(r1.code).toBe(1);
    // Valid for the model, but the MDX imports a module that does not exist: Astro itself fails.
    const astroFails = copyContent(MINIMAL, 'astro-fails');
    edit(astroFails, 'policies/backup.mdx', 'All production', "import Missing from './does-not-exist.js';\n\nAll production");
    // The internal portal renders every body, so its build is the one that meets the import.
    const r2 = await runCliAsync(['build', '--content', astroFails, '--audience', 'internal', '--out', out, '--as-of', '2026-07-10']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/The site build failed/);
    expect(r2.stderr).toMatch(/left untouched/);
    expect(r2.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(`${out}.building-${process.pid}`)).toBe(false);
  });
});
