import { describe, expect, it } from 'vitest';
import { loadTrust } from '../../src/model/trust.ts';
import { brandCss, contrast } from '../../src/trust/brand.ts';
import type { Problem } from '../../src/validation/problem.ts';
import { copyContent, write } from '../helpers/content.ts';
import { EXAMPLE_CONTENT, FIXTURES } from '../helpers/paths.ts';

describe('trust.yaml brand', () => {
  it('accepts the example logo inside the content root', () => {
    const problems: Problem[] = [];
    expect(loadTrust(EXAMPLE_CONTENT, problems, ['soc2', 'iso27001'])?.brand.logo).toBe('brand/logo.svg');
    expect(problems).toEqual([]);
  });

  it.each([
    ['../outside.svg', /leaves the content root/],
    ['brand/missing.svg', /does not exist/],
  ])('reports a logo at %s with file, line and fix', (logo, message) => {
    const root = copyContent(`${FIXTURES}/minimal`, 'brand');
    write(root, 'trust.yaml', `title: Test\nbrand:\n  logo: ${logo}\n`);
    const problems: Problem[] = [];
    loadTrust(root, problems, ['soc2']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'trust.yaml', line: 3, field: 'brand.logo' });
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.fix).toMatch(/inside the content folder/);
  });

  it('rejects a logo that is not an image and a colour that is not #rrggbb', () => {
    const root = copyContent(`${FIXTURES}/minimal`, 'brand');
    write(root, 'trust.yaml', 'brand:\n  logo: brand/logo.exe\n  primary: blue\n');
    const problems: Problem[] = [];
    expect(loadTrust(root, problems, ['soc2'])).toBeUndefined();
    expect(problems.map((p) => p.field).sort()).toEqual(['brand.logo', 'brand.primary']);
  });

  it('uses a colour only where text on it stays readable (WCAG AA)', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 0);
    expect(brandCss({ primary: '#0d4a6b' })).toContain('--hero-from:#0d4a6b');
    // Pale yellow behind white text is unreadable: left out, the default hero stays.
    expect(brandCss({ primary: '#ffe680' })).toBeUndefined();
    expect(brandCss({ accent: '#0b6e6e' })).toContain('--accent:#0b6e6e');
  });
});
