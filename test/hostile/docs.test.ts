import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { isVersion, parseVersion } from '../../src/release/version.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { ROOT } from '../helpers/paths.ts';

/** The documented version rules are the enforced ones, and every synopsis lists every option. */
const DOC = readFileSync(path.join(ROOT, 'docs', 'releases.md'), 'utf8');
const rules = DOC.slice(DOC.indexOf('## Version rules'), DOC.indexOf('\n## ', DOC.indexOf('## Version rules') + 5));
const rows = rules.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Rule') && !l.startsWith('|---'));
const examples = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((v) => /^v?\d/.test(v));

describe('docs/releases.md version rules', () => {
  it('documents the rules as a table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rules).toMatch(/`9999\.1`.*not a plausible year/);
  });
  for (const row of rows) {
    const [, rule, accepted, refused] = row.split('|').map((c) => c.trim());
    // The "new" rule depends on the ledger, not on the version text.
    if (/not released before/.test(rule!)) continue;
    it(rule!, () => {
      for (const v of examples(accepted!)) expect(isVersion(parseVersion(v)), `${v} should be accepted`).toBe(true);
      for (const v of examples(refused!)) expect(isVersion(parseVersion(v)), `${v} should be refused`).toBe(false);
    });
  }
  it('the CLI refuses 9999.1 as an implausible year (exit 2, no stack trace)', async () => {
    const r = await runCliAsync(['release', '9999.1', '--content', path.join(ROOT, 'test', 'fixtures', 'minimal')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/9999 is not a plausible year/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  });
});

describe('every command synopsis lists every option', () => {
  for (const c of COMMANDS) {
    it(c.name, () => {
      for (const name of Object.keys(c.options)) expect(c.usage, `${c.name} --${name}`).toContain(`--${name}`);
    });
  }
});
