import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../../src/audit/rules/index.ts';
import { WAIVERS_RULE } from '../../src/audit/waivers.ts';
import { ROOT } from '../helpers/paths.ts';

it('docs/audit.md documents every rule with its severity and controls', () => {
  const doc = readFileSync(path.join(ROOT, 'docs', 'audit.md'), 'utf8');
  for (const rule of [...RULES, WAIVERS_RULE]) {
    const row = doc.split('\n').find((l) => l.startsWith(`| \`${rule.id}\` | ${rule.severity}`));
    expect(row, rule.id).toBeDefined();
    for (const c of rule.controls) expect(row, `${rule.id} ${c}`).toContain(c);
  }
});
