import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOGS, controlSlug, iso27001, soc2 } from '../../src/catalogs/index.ts';
import { BACKUP_AREAS } from '../../src/catalogs/backup-areas.ts';

const ids = (prefix: string) => soc2.controls.filter((c) => c.group.startsWith(prefix)).map((c) => c.id);
const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('SOC 2 catalog', () => {
  it('has exactly the 61 criteria of the 2017 TSC', () => {
    expect(soc2.controls).toHaveLength(61);
    expect(soc2.controls.filter((c) => c.id.startsWith('CC'))).toHaveLength(33);
    expect(ids('A1')).toEqual(range('A1.', 3));
    expect(ids('C1')).toEqual(range('C1.', 2));
    expect(ids('PI1')).toEqual(range('PI1.', 5));
    expect(soc2.controls.filter((c) => /^P\d/.test(c.id))).toHaveLength(18);
    expect(ids('CC6')).toEqual(range('CC6.', 8));
    expect(ids('CC7')).toEqual(range('CC7.', 5));
    expect(ids('P6')).toEqual(range('P6.', 7));
    expect(soc2.controls.map((c) => c.id)).toContain('P4.2');
  });
  it('records edition and source and uses short titles of its own', () => {
    expect(soc2.edition).toMatch(/2017.*2022/);
    expect(soc2.source).toMatch(/AICPA/);
    for (const c of soc2.controls) expect(c.title.length, c.id).toBeLessThanOrEqual(90);
  });
});

describe('ISO/IEC 27001:2022 Annex A catalog', () => {
  it('has all 93 controls in four themes (37/8/14/34)', () => {
    expect(iso27001.controls).toHaveLength(93);
    const count = (g: string) => iso27001.controls.filter((c) => c.group === g).length;
    expect([count('A.5'), count('A.6'), count('A.7'), count('A.8')]).toEqual([37, 8, 14, 34]);
    expect(iso27001.controls.filter((c) => c.group === 'A.8').map((c) => c.id)).toEqual(range('A.8.', 34));
  });
  it('carries the official short titles', () => {
    const title = (id: string) => iso27001.controls.find((c) => c.id === id)?.title;
    expect(title('A.8.13')).toBe('Information backup');
    expect(title('A.8.10')).toBe('Information deletion');
    expect(title('A.8.24')).toBe('Use of cryptography');
    expect(title('A.5.30')).toBe('ICT readiness for business continuity');
  });
});

describe('every built-in catalog', () => {
  it.each(BUILT_IN_CATALOGS.map((c) => [c.id, c] as const))('%s: ids are unique strings in existing groups', (_id, catalog) => {
    const seen = new Set<string>();
    for (const c of catalog.controls) {
      expect(typeof c.id).toBe('string');
      expect(seen.has(c.id), c.id).toBe(false);
      seen.add(c.id);
      expect(catalog.groups.some((g) => g.id === c.group), c.id).toBe(true);
    }
  });
  it('slugs are URL-safe and unique', () => {
    expect(controlSlug('CC6.1')).toBe('cc6-1');
    expect(controlSlug('A.8.13')).toBe('a-8-13');
    for (const catalog of BUILT_IN_CATALOGS) expect(new Set(catalog.controls.map((c) => controlSlug(c.id))).size).toBe(catalog.controls.length);
  });
});

describe('backup areas', () => {
  it('are the eight areas, each mapped only to controls that exist', () => {
    expect(BACKUP_AREAS.map((a) => a.id)).toHaveLength(8);
    for (const area of BACKUP_AREAS) {
      for (const r of area.reference.soc2) expect(soc2.controls.some((c) => c.id === r.id), r.id).toBe(true);
      for (const r of area.reference.iso27001) expect(iso27001.controls.some((c) => c.id === r.id), r.id).toBe(true);
    }
  });
  it('keep the "not stated explicitly" marks of the source mapping', () => {
    const implied = BACKUP_AREAS.flatMap((a) => [...a.reference.soc2, ...a.reference.iso27001].filter((r) => r.implied).map((r) => `${a.id}:${r.id}`));
    expect(implied.sort()).toEqual(['data-integrity:A.8.13', 'isolation:A.5.30']);
  });
});
