import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent, edit } from '../helpers/content.ts';
import { TMP } from '../helpers/paths.ts';

import { brokenProgram, MINIMAL } from './broken-program.ts';

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

  it('text that YAML reads as a number or a boolean says so and says to quote it', () => {
    const dir = copyContent(MINIMAL, 'scalars');
    edit(dir, 'evidence/jobs-2026-06.md', /sha256: [0-9a-f]{64}/, 'sha256: 00000000');
    const problems = buildModel({ contentDir: dir, asOf: '2026-07-10' }).problems.filter((p) => p.field === 'artifacts[0].sha256');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toBe('Text is expected, but YAML read this value as a number.');
    expect(problems[0]!.fix).toMatch(/^put the value in quotes, e\.g\. sha256: "…"/);
    expect(problems[0]!.line).toBe(12);
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
