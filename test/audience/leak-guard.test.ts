import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { candidateMarkers, distinctiveSentences, GramSet, formatLeaks, guardMarkers, guardSite, LeakError, normalise, normaliseFully, scanForLeaks, stripTags } from '../../src/site/leak-guard.ts';
import { loadModel } from '../../src/model/build.ts';
import type { Marker } from '../../src/site/leak-guard.ts';
import { ogPng } from '../../src/trust/og.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent, edit } from '../helpers/content.ts';
import { AUDIENCE_AS_OF, AUDIENCE_FIXTURE, AUDIENCE_OUT, EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_PUBLIC, FIXTURES, TMP } from '../helpers/paths.ts';

const model = loadModel({ contentDir: AUDIENCE_FIXTURE, asOf: AUDIENCE_AS_OF });

/** A copy of the clean public build to plant leaks in. */
function plantable(): string {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(path.join(TMP, 'leak-'));
  cpSync(path.join(AUDIENCE_OUT, 'public'), dir, { recursive: true });
  return dir;
}

describe('leak guard markers', () => {
  const publicMarkers = guardMarkers(model, 'public');
  const texts = publicMarkers.map((m) => m.text);

  it('covers ids, titles and distinctive text of hidden entries and hidden fields', () => {
    expect(publicMarkers.filter((m) => m.kind === 'id').map((m) => m.text).sort()).toEqual(['ev-internal-jobs', 'msr-auditor-special', 'msr-customer-immutable', 'msr-internal-alerting', 'pol-customer-dr', 'pol-internal-access']);
    expect(texts).toContain('backup access policy canary-internal-policy-title-w2');
    expect(texts.some((t) => t.includes('canary-internal-field-body-k4p2'))).toBe(true); // body of a public policy
    expect(texts.some((t) => t.includes('canary-customer-field-summary-p1'))).toBe(true); // customer-only summary of a public measure
    expect(texts.some((t) => t.includes('canary-internal-na-reason-qx81'))).toBe(true);
    expect(texts).toContain('restore-drill-canary-artifact-name-f00d.log');
    expect(texts.some((t) => t.includes('canary-nda-url-u1'))).toBe(true);
    expect(texts.some((t) => t.includes('canary-customer-faq-answer-f4'))).toBe(true);
  });

  it('skips short words and text the audience may see anyway', () => {
    expect(texts.every((t) => t.length >= 5)).toBe(true);
    expect(texts).not.toContain('sre'); // an internal collector, too short to be distinctive
    // "Platform team" owns public measures (owner is internal) but is not worth failing a build over? It is: it is hidden.
    expect(texts).toContain('platform team');
    // A public summary's sentence is never a marker, even though the same words are in hidden fields.
    expect(texts.some((t) => t.includes('every customer database is backed up daily'))).toBe(false);
    // Customer markers are not markers for the customer edition.
    expect(guardMarkers(model, 'customer').some((m) => m.text.includes('canary-customer'))).toBe(false);
  });

  it("never takes an internal title for a leak where the trust center's own control descriptions use the same words", () => {
    // The release fixture's Backup Policy is internal; the controls page describes ISO A.8.13 as
    // "… tested regularly according to an agreed backup policy." That is not a leak.
    const release = loadModel({ contentDir: path.join(FIXTURES, 'release'), asOf: '2026-07-15' });
    expect(release.policies.find((p) => p.id === 'pol-backup')!.visibility).toBe('internal');
    const markers = guardMarkers(release, 'public').map((m) => m.text);
    expect(markers).toContain('pol-backup'); // its id still is
    expect(markers).not.toContain('backup policy');
  });

  it('finds sentences in Markdown bodies as they render', () => {
    expect(distinctiveSentences('## Scope\n\nThe `pg-ap` cluster is **restored** from [the vault](https://x). Short one.\n\n| a | b |\n|---|---|\n| Cells hold sentences of their own too, long enough | x |', true)).toEqual([
      'the pg-ap cluster is restored from the vault',
      'cells hold sentences of their own too, long enough',
    ]);
    expect(normalise('It&#39;s “quoted” — and&nbsp;spaced')).toBe(`it's "quoted" - and spaced`);
    expect(normalise(stripTags('<p>The <code>pg-ap</code> cluster</p><p>Next</p>'))).toBe('the pg-ap cluster next');
  });
});

describe('leak guard scan', () => {
  it('finds nothing in the clean public and customer builds of the canary program, nor in the example public build', () => {
    expect(guardSite(path.join(AUDIENCE_OUT, 'public'), model, 'public')).toEqual([]);
    expect(guardSite(path.join(AUDIENCE_OUT, 'customer'), model, 'customer')).toEqual([]);
    expect(guardSite(EXAMPLE_PUBLIC, loadModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF }), 'public', EXAMPLE_CONTENT)).toEqual([]);
  });

  it('finds leaks planted in HTML, JS, JSON, CSS, SVG, gzip (pagefind), PNG text and file names, naming file and entry', async () => {
    const dir = plantable();
    // A template bug printing an internal title (HTML-escaped and split by inline markup).
    writeFileSync(path.join(dir, 'faq', 'index.html'), readFileSync(path.join(dir, 'faq', 'index.html'), 'utf8').replace('</main>', '<p>Backup Access Policy <em>CANARY-INTERNAL-POLICY-TITLE-W2</em></p></main>'));
    // A script with JSON-escaped text from the body of a public policy (the body is internal).
    mkdirSync(path.join(dir, '_astro'), { recursive: true });
    writeFileSync(path.join(dir, '_astro', 'x.js'), 'const t = "The internal part of this policy names CANARY-INTERNAL-FIELD-BODY-K4P2 systems and is never published outside the company\\u002e";');
    writeFileSync(path.join(dir, 'extra.json'), JSON.stringify({ owner: 'Operator CANARY-INTERNAL-MEASURE-OWNER-H6' }));
    writeFileSync(path.join(dir, 'x.css'), '/* msr-internal-alerting */ .a{}');
    writeFileSync(path.join(dir, 'badges', 'x.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><title>Break-glass review CANARY-AUDITOR-MEASURE-TITLE-A1</title></svg>');
    // A pagefind fragment (gzip with pagefind's prefix) holding a customer FAQ answer.
    writeFileSync(path.join(dir, 'pagefind', 'fragment', 'en_planted.pf_fragment'), gzipSync(Buffer.from('pagefind_dcd{"content":"Copies are kept in two EU regions, CANARY-CUSTOMER-FAQ-ANSWER-F4 detail for customers."}')));
    // A social image whose text names a customer-only policy.
    writeFileSync(path.join(dir, 'og', 'planted.png'), await ogPng({ org: 'Canary Cloud Ltd', kicker: 'Trust Center', title: 'Disaster Recovery Policy CANARY-CUSTOMER-POLICY-TITLE-T9', description: 'x', chips: [], footer: '' }));
    // An evidence file copied although only auditors may download it.
    mkdirSync(path.join(dir, 'artifacts', 'evidence', 'files'), { recursive: true });
    writeFileSync(path.join(dir, 'artifacts', 'evidence', 'files', 'restore-drill-canary-artifact-name-f00d.log'), 'x');

    const leaks = guardSite(dir, model, 'public');
    const owners = (file: string) => leaks.filter((l) => l.file === file).map((l) => l.marker.owner);
    expect(owners('faq/index.html')).toContain('internal policy "pol-internal-access"');
    expect(owners('_astro/x.js')).toContain('public policy "pol-public-backup"');
    expect(owners('extra.json')).toContain('public measure "msr-public-nightly"');
    expect(owners('x.css')).toContain('internal measure "msr-internal-alerting"');
    expect(owners('badges/x.svg')).toContain('auditor measure "msr-auditor-special"');
    expect(owners('pagefind/fragment/en_planted.pf_fragment').join()).toMatch(/^customer FAQ/);
    expect(owners('og/planted.png')).toContain('customer policy "pol-customer-dr"');
    expect(owners('artifacts/evidence/files/restore-drill-canary-artifact-name-f00d.log')).toContain('public evidence "ev-public-restore"');
    expect(new Set(leaks.map((l) => l.file)).size).toBe(8);

    const report = formatLeaks(new LeakError('public', leaks));
    expect(report).toMatch(/✗ faq\/index\.html\n {4}the title of internal policy "pol-internal-access": "….*canary-internal-policy-title-w2/);
    expect(report).toMatch(/the public-only body|the internal-only body of public policy "pol-public-backup"/);
    expect(report).toMatch(/fix: /);
  });

  it('matches ids only as whole ids', () => {
    const dir = plantable();
    writeFileSync(path.join(dir, 'a.html'), '<p>see pol-internal-access-v2 and xpol-internal-access</p>');
    expect(scanForLeaks(dir, guardMarkers(model, 'public')).filter((l) => l.file === 'a.html')).toEqual([]);
    writeFileSync(path.join(dir, 'a.html'), '<a href="/policies/pol-internal-access/">x</a>. See pol-internal-access.');
    expect(scanForLeaks(dir, guardMarkers(model, 'public')).filter((l) => l.file === 'a.html').map((l) => l.marker.text)).toEqual(['pol-internal-access']);
  });
});

describe('the candidate filter in front of the search', () => {
  const marker = (text: string, kind: Marker['kind'] = 'text'): Marker => ({ text, kind, owner: 'test', part: 'test' });
  // A deterministic pseudo-random source, so a failure can be replayed.
  let seed = 42;
  const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  const word = () => Array.from({ length: 3 + Math.floor(random() * 8) }, () => 'abcdefghij-0123456789 é'[Math.floor(random() * 23)]).join('');

  it('keeps every marker that occurs in any of the texts, wherever it starts and however long it is', () => {
    const texts = Array.from({ length: 20 }, () => Array.from({ length: 200 }, word).join(' '));
    const present = Array.from({ length: 2000 }, () => {
      const t = texts[Math.floor(random() * texts.length)]!;
      const at = Math.floor(random() * (t.length - 80));
      return marker(t.slice(at, at + 5 + Math.floor(random() * 70)));
    });
    expect(candidateMarkers(texts, present)).toEqual(present);
  });

  it('rolls its hash along a text to the same pieces as hashing each piece afresh', () => {
    // Every piece of every length-5 window, at the start, the middle and the end, of texts of any length.
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 5 + Math.floor(random() * 60) }, word).join(' ').slice(0, 5 + n);
      const grams = new GramSet();
      grams.add(text);
      for (let at = 0; at + 5 <= text.length; at++) expect(grams.mayContain(text.slice(at, at + 5)), `${JSON.stringify(text)} at ${at}`).toBe(true);
      expect(grams.mayContain(text)).toBe(true);
    }
  });

  it('drops markers that occur nowhere, and keeps them once they do', () => {
    const absent = Array.from({ length: 2000 }, (_, i) => marker(`ev-${String(i).padStart(6, '0')}-not-in-this-site`, 'id'));
    const texts = ['<p>the public trust center: backups are encrypted and tested every quarter.</p>'];
    expect(candidateMarkers(texts, absent).length).toBeLessThan(20);
    expect(candidateMarkers([...texts, 'see ev-000123-not-in-this-site.'], absent)).toContain(absent[123]);
  });

  it("normalise's shortcut for plain ASCII text gives what the full folding gives", () => {
    const alphabet = 'aZ09 -.;:\'"\t\n\r\v\f\\&#x;u2014lt!?<>/é…’\u00a0—';
    let shortcuts = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      if (!/[\\&\u0080-\uffff]|--/.test(text)) shortcuts++;
      expect(normalise(text), JSON.stringify(text)).toBe(normaliseFully(text));
    }
    // Both paths were taken many times.
    expect(shortcuts).toBeGreaterThan(1000);
    expect(shortcuts).toBeLessThan(19_000);
  });
});

describe('a build with a leak', () => {
  it('fails through the CLI, names the file and the entry, and leaves the previous output untouched', async () => {
    const content = copyContent(AUDIENCE_FIXTURE, 'leaky');
    // Public text that references an internal policy by id: the guard must refuse to publish it.
    edit(content, 'trust.yaml', 'answer: Yes. Every backup copy is encrypted at rest and in transit.', 'answer: Yes, as pol-internal-access requires. Every backup copy is encrypted at rest and in transit.');
    const out = mkdtempSync(path.join(TMP, 'leaky-out-'));
    mkdirSync(path.join(out, 'public'));
    writeFileSync(path.join(out, 'public', 'index.html'), 'previous site');
    const r = await runCliAsync(['build', '--content', content, '--audience', 'public', '--out', out, '--as-of', AUDIENCE_AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Leak guard: the public build contains content its audience may not see/);
    expect(r.stderr).toMatch(/✗ faq\/index\.html\n {4}the id of internal policy "pol-internal-access"/);
    expect(r.stderr).toMatch(/✗ pagefind\/fragment\/en_[0-9a-f]+\.pf_fragment/);
    expect(r.stderr).toMatch(/✗ trust\.json/);
    expect(r.stderr).toMatch(/previous .*public\/ was left untouched/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(path.join(out, 'public', 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(`${path.join(out, 'public')}.building-${process.pid}`)).toBe(false);
  });
});
