import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_OUT, EXAMPLE_PUBLIC, ROOT } from '../helpers/paths.ts';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'src', 'trust', 'trust.schema.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const load = (site: string) => JSON.parse(readFileSync(path.join(site, 'trust.json'), 'utf8')) as Record<string, any>;
const sites = { 'example public': EXAMPLE_PUBLIC, 'canary public': path.join(AUDIENCE_OUT, 'public'), 'canary customer': path.join(AUDIENCE_OUT, 'customer') };

describe('trust.json', () => {
  it.each(Object.entries(sites))('validates against its JSON Schema (%s)', (_name, site) => {
    const ok = validate(load(site));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('publishes its schema beside it, identical to the source', () => {
    expect(JSON.parse(readFileSync(path.join(EXAMPLE_PUBLIC, 'trust.schema.json'), 'utf8'))).toEqual(schema);
    expect(load(EXAMPLE_PUBLIC).$schema).toBe('/trust.schema.json');
  });

  it('summarises frameworks, validity, commitments and control status for a questionnaire', () => {
    const t = load(EXAMPLE_PUBLIC);
    expect(t.audience).toBe('public');
    expect(t.asOf).toBe('2026-11-25');
    expect(t.organisation.name).toBe('Harbourview Ledger Ltd');
    const soc2 = t.attestations.find((a: any) => a.framework === 'soc2' && a.issued);
    expect(soc2).toMatchObject({ name: 'SOC 2 Type II', status: 'current', period: { start: '2024-12-01', end: '2025-11-30' }, access: 'customer' });
    expect(soc2.summary).toMatch(/^SOC 2 Type II — period 2024-12-01 to 2025-11-30, report available under NDA/);
    expect(soc2.url).toBeUndefined();
    expect(t.attestations.find((a: any) => a.framework === 'iso27001')).toMatchObject({ status: 'current', validUntil: '2028-03-13' });
    expect(t.frameworks.map((f: any) => [f.id, f.controls.percent])).toEqual([['soc2', 100], ['iso27001', 100]]);
    expect(t.controls.length).toBe(t.frameworks.reduce((n: number, f: any) => n + f.controls.inScope + f.controls.notApplicable, 0));
    expect(t.commitments.map((c: any) => c.area)).toContain('backup-security');
    expect(t.recovery.lastRestoreTest).toMatchObject({ date: '2026-11-17', duration: 'PT2H4M' });
    expect(t.recovery.objectives.some((o: any) => o.rpo === 'PT1H')).toBe(true);
  });

  it('lists the recovery tiers of trust.yaml, the rows the page shows, and the headline derived from them', () => {
    const t = load(EXAMPLE_PUBLIC);
    expect(t.recovery.tiers.map((r: any) => [r.name, r.rpo, r.rto, r.retention])).toEqual([
      ['Tier 1', 'PT1H', 'PT4H', 'P1Y'],
      ['Tier 2', 'PT24H', 'PT8H', 'P30D'],
      ['Tier 3', 'PT24H', 'PT72H', 'P1Y'],
    ]);
    expect(t.recovery.tiers[2].systems).toBe('Internal build server');
    expect(t.recovery.headline).toEqual({ rpo: 'PT1H', rto: 'PT4H' });
    // The page's recovery table has the same rows.
    const page = readFileSync(path.join(EXAMPLE_PUBLIC, 'backup-and-recovery', 'index.html'), 'utf8');
    for (const tier of t.recovery.tiers) expect(page).toContain(tier.systems);
  });

  it('holds NDA links only in the customer edition', () => {
    const pub = load(path.join(AUDIENCE_OUT, 'public'));
    const customer = load(path.join(AUDIENCE_OUT, 'customer'));
    expect(JSON.stringify(pub)).not.toMatch(/canary-nda-url|canary-doc-url/);
    expect(customer.attestations.find((a: any) => a.framework === 'soc2').url).toMatch(/canary-nda-url-u1/);
    expect(customer.audience).toBe('customer');
    expect(customer.subprocessors.length).toBeGreaterThan(pub.subprocessors.length);
  });
});

describe('crawlers', () => {
  const read = (site: string, file: string) => readFileSync(path.join(site, file), 'utf8');

  it('are invited to the public edition, with a sitemap of its pages when siteUrl is set', () => {
    expect(read(EXAMPLE_PUBLIC, 'robots.txt')).toBe('User-agent: *\nAllow: /\nSitemap: https://trust.harbourview-ledger.example/sitemap.xml\n');
    const sitemap = read(EXAMPLE_PUBLIC, 'sitemap.xml');
    expect(sitemap).toContain('<loc>https://trust.harbourview-ledger.example/backup-and-recovery/</loc>');
    expect(sitemap).toContain('<loc>https://trust.harbourview-ledger.example/policies/pol-backup/</loc>');
    expect(sitemap).not.toMatch(/pol-backup-access|ict-continuity/);
    expect(read(EXAMPLE_PUBLIC, 'index.html')).not.toMatch(/name="robots"/);
    expect(read(EXAMPLE_PUBLIC, 'index.html')).toContain('<meta property="og:image" content="https://trust.harbourview-ledger.example/og/home.png">');
  });

  it('are turned away from the customer edition, which has no sitemap', () => {
    const customer = path.join(AUDIENCE_OUT, 'customer');
    expect(read(customer, 'robots.txt')).toBe('User-agent: *\nDisallow: /\n');
    expect(read(customer, 'faq/index.html')).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(() => read(customer, 'sitemap.xml')).toThrow();
  });
});
