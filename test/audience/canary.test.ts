import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_OUT } from '../helpers/paths.ts';
import { filesContaining, readable, siteFiles } from './helpers.ts';

/**
 * Canaries: the fixture program (test/fixtures/audience) puts a unique CANARY-… marker in every
 * entry and field above public (and every internal one above customer). Its public and
 * customer trust centers, built once by global-setup through the real CLI, are read the way an
 * outsider could read them: every file, pagefind's index and fragments decompressed, the text
 * chunks of every PNG, and every file name.
 */
const PUBLIC = path.join(AUDIENCE_OUT, 'public');
const CUSTOMER = path.join(AUDIENCE_OUT, 'customer');

/** Internal and auditor content: never below internal. */
const INTERNAL = [
  'pol-internal-access',
  'msr-internal-alerting',
  'ev-internal-jobs',
  'msr-auditor-special',
  'CANARY-INTERNAL-POLICY-TITLE-W2',
  'CANARY-INTERNAL-POLICY-SUMMARY-W3',
  'CANARY-INTERNAL-POLICY-BODY-W4',
  'CANARY-INTERNAL-MEASURE-TITLE-L5',
  'CANARY-INTERNAL-NOTE-L6',
  'CANARY-INTERNAL-MEASURE-SUMMARY-L7',
  'CANARY-INTERNAL-MEASURE-BODY-L8',
  'CANARY-INTERNAL-EVIDENCE-TITLE-J1',
  'CANARY-INTERNAL-EVIDENCE-BODY-J2',
  'CANARY-AUDITOR-MEASURE-TITLE-A1',
  'CANARY-AUDITOR-MEASURE-BODY-A2',
  'CANARY-INTERNAL-NA-REASON-QX81',
  // internal fields of public entries
  'CANARY-INTERNAL-FIELD-BODY-K4P2',
  'CANARY-INTERNAL-POLICY-OWNER-K1',
  'CANARY-INTERNAL-APPROVER-M3',
  'CANARY-INTERNAL-MEASURE-OWNER-H6',
  'CANARY-INTERNAL-FIELD-MEASURE-BODY-B8',
  'CANARY-INTERNAL-EVIDENCE-SOURCE-S4',
  'CANARY-INTERNAL-COLLECTOR-C2',
  'CANARY-INTERNAL-FIELD-EVIDENCE-BODY-E7',
  // evidence files: auditor-only (and one internal) artifacts of visible evidence
  'canary-artifact-name-f00d',
  'canary-artifact-content',
  'jobs-canary-internal-j1',
  '8488342b4e40fbc9050c68ee86ca05820995a8b03d2f594c71ea0147db2d19d1',
  '958d79e7157a4eb035722d37f1cabdfdc3491bc22b8411643151abf0f20f5224',
];

/** Customer content: in the customer edition, never in the public one. */
const CUSTOMER_ONLY = [
  'pol-customer-dr',
  'msr-customer-immutable',
  'CANARY-CUSTOMER-POLICY-TITLE-T9',
  'CANARY-CUSTOMER-POLICY-SUMMARY-T8',
  'CANARY-CUSTOMER-POLICY-BODY-R5',
  'CANARY-CUSTOMER-MEASURE-SUMMARY-V4',
  'CANARY-CUSTOMER-FIELD-SUMMARY-P1',
  'CANARY-CUSTOMER-SUBPROCESSOR-N2',
  'CANARY-CUSTOMER-SUBPROC-PURPOSE-N3',
  'CANARY-CUSTOMER-FAQ-QUESTION-F3',
  'CANARY-CUSTOMER-FAQ-ANSWER-F4',
  'CANARY-CUSTOMER-DOC-TITLE-D4',
  'CANARY-CUSTOMER-DOC-DESC-D5',
  // links to documents shared under NDA
  'canary-nda-url-u1',
  'canary-doc-url-d9',
];

describe('the public trust center', () => {
  const files = siteFiles(PUBLIC);

  it('was built with search, images and trust.json, so the canaries below are checked in every kind of file', () => {
    expect(files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(files.some((f) => f.endsWith('.pf_index'))).toBe(true);
    expect(files.some((f) => f.startsWith('og/') && f.endsWith('.png'))).toBe(true);
    expect(files.some((f) => f.startsWith('badges/') && f.endsWith('.svg'))).toBe(true);
    expect(files).toContain('trust.json');
  });

  it.each(INTERNAL)('never contains internal content: %s', (marker) => {
    expect(filesContaining(PUBLIC, marker)).toEqual([]);
  });

  it.each(CUSTOMER_ONLY)('never contains customer content: %s', (marker) => {
    expect(filesContaining(PUBLIC, marker)).toEqual([]);
  });

  it('contains no canary of any kind, in any file', () => {
    const hits = files.filter((f) => /canary-(?:internal|customer|auditor)/.test(readable(PUBLIC, f)));
    expect(hits).toEqual([]);
  });

  it('does publish what is public, in pages, search index and trust.json (the readers above do see content)', () => {
    const summary = 'Every customer database is backed up daily';
    expect(filesContaining(PUBLIC, summary).some((f) => f.endsWith('.html'))).toBe(true);
    expect(filesContaining(PUBLIC, summary).some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(filesContaining(PUBLIC, summary)).toContain('trust.json');
    expect(filesContaining(PUBLIC, 'Backup Policy · Canary Cloud Ltd').some((f) => f.endsWith('.png'))).toBe(true);
    // The title of a public entry whose summary is customer-only still shows; its summary does not.
    expect(filesContaining(PUBLIC, 'Backups are encrypted at rest with managed keys').length).toBeGreaterThan(0);
  });

  it('publishes only the evidence file marked public, and no portal pages', () => {
    expect(files.filter((f) => f.startsWith('artifacts/'))).toEqual(['artifacts/evidence/files/restore-summary-public.txt']);
    for (const portal of ['measures/', 'evidence/', 'mapping/', 'crosswalk/', 'frameworks/']) expect(files.some((f) => f.startsWith(portal)), portal).toBe(false);
  });
});

describe('the customer trust center', () => {
  const files = siteFiles(CUSTOMER);

  it.each(INTERNAL)('never contains internal content: %s', (marker) => {
    expect(filesContaining(CUSTOMER, marker)).toEqual([]);
  });

  it('contains no internal or auditor canary in any file', () => {
    expect(files.filter((f) => /canary-(?:internal|auditor)/.test(readable(CUSTOMER, f)))).toEqual([]);
  });

  it.each(CUSTOMER_ONLY)('is richer than the public one: %s', (marker) => {
    expect(filesContaining(CUSTOMER, marker).length).toBeGreaterThan(0);
  });

  it('indexes and draws customer content in its own search index and images', () => {
    expect(filesContaining(CUSTOMER, 'CANARY-CUSTOMER-FAQ-ANSWER-F4').some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(filesContaining(CUSTOMER, 'CANARY-CUSTOMER-POLICY-TITLE-T9').some((f) => f.endsWith('.png'))).toBe(true);
    expect(existsSync(path.join(CUSTOMER, 'policies', 'pol-customer-dr', 'index.html'))).toBe(true);
    expect(readFileSync(path.join(CUSTOMER, 'policies', 'pol-customer-dr', 'index.html'), 'utf8')).toContain('CANARY-CUSTOMER-POLICY-BODY-R5');
  });

  it('has a search index of its own, different from the public one', () => {
    const fragments = (root: string) => siteFiles(root).filter((f) => f.endsWith('.pf_fragment')).sort();
    expect(fragments(CUSTOMER)).not.toEqual(fragments(PUBLIC));
  });
});
