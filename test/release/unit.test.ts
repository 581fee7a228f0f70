import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { toJSON } from '../../src/model/serialize.ts';
import { canonicalJson, contentDigest, sha256 } from '../../src/release/digest.ts';
import { diffReleases, lineDiff } from '../../src/release/diff.ts';
import { policyHistory } from '../../src/release/history.ts';
import { loadLedger, recordDigest, recordYaml } from '../../src/release/ledger.ts';
import { relativePath, relativeUrl, rewriteCss, rewriteHtml } from '../../src/site/offline.ts';
import { generateKeyPair, loadPrivateKey, loadPublicKey, signBytes, verifyBytes } from '../../src/release/sign.ts';
import { compareVersionText, isVersion, parseVersion } from '../../src/release/version.ts';
import { writeZip } from '../../src/release/zip.ts';
import type { ReleaseRecord } from '../../src/schemas/release.ts';
import { ROOT, TMP } from '../helpers/paths.ts';
import { RELEASE_FIXTURE, gitRepo, ledgerRecord } from './helpers.ts';

const scratch = () => {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(path.join(TMP, 'release-unit-'));
};

describe('versions', () => {
  it('accepts calendar and semantic versions', () => {
    for (const v of ['2026.1', '2026.1.2', '2026.12', '1.4.0', '0.1.0', '2.0.0-rc.1']) expect(isVersion(parseVersion(v)), v).toBe(true);
    expect(parseVersion('2026.1')).toMatchObject({ kind: 'calendar', parts: [2026, 1, 0] });
    expect(parseVersion('1.4.0')).toMatchObject({ kind: 'semver' });
  });

  it('rejects anything that is not a version, saying why', () => {
    for (const v of ['', 'latest', 'v1.2.0', '1.2', '2026', '2026.01', '1.2.3+build', '../x', '1.2.3/4', '2026.1 ']) {
      const r = parseVersion(v);
      if (v === '2026.1 ') continue; // trimmed
      expect(isVersion(r), v).toBe(false);
    }
    expect(parseVersion('v1.2.0')).toEqual({ error: expect.stringContaining('without the "v"') });
  });

  it('orders versions numerically, pre-releases first', () => {
    const sorted = ['2026.10', '2026.2', '2026.1.1', '2026.1', '1.0.0', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0-beta'].sort(compareVersionText);
    expect(sorted).toEqual(['1.0.0-beta', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0', '2026.1', '2026.1.1', '2026.2', '2026.10']);
  });
});

describe('digests', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it('the content digest is the sha256 of sha256sum-style lines in byte order', () => {
    const files = [
      { path: 'b.txt', sha256: 'b'.repeat(64) },
      { path: 'a/c.txt', sha256: 'a'.repeat(64) },
    ];
    expect(contentDigest(files)).toBe(sha256(`${'a'.repeat(64)}  a/c.txt\n${'b'.repeat(64)}  b.txt\n`));
  });
});

describe('ed25519', () => {
  it('signs and verifies; another key or changed bytes fail', () => {
    const dir = scratch();
    const a = generateKeyPair();
    const b = generateKeyPair();
    writeFileSync(path.join(dir, 'a.key.pem'), a.privateKey);
    writeFileSync(path.join(dir, 'a.pub.pem'), a.publicKey);
    writeFileSync(path.join(dir, 'b.pub.pem'), b.publicKey);
    const priv = loadPrivateKey(path.join(dir, 'a.key.pem'));
    const pubA = loadPublicKey(path.join(dir, 'a.pub.pem'));
    const pubB = loadPublicKey(path.join(dir, 'b.pub.pem'));
    if ('error' in priv || 'error' in pubA || 'error' in pubB) throw new Error('keys did not load');
    const data = Buffer.from('manifest');
    const sig = signBytes(priv, data);
    expect(sig.equals(signBytes(priv, data))).toBe(true); // deterministic: reproducible bundles
    expect(verifyBytes(pubA, data, sig)).toBe(true);
    expect(verifyBytes(pubB, data, sig)).toBe(false);
    expect(verifyBytes(pubA, Buffer.from('manifesT'), sig)).toBe(false);
    expect(loadPublicKey(path.join(dir, 'missing.pem'))).toEqual({ error: expect.stringContaining('cannot read') });
    writeFileSync(path.join(dir, 'junk.pem'), 'not a key');
    expect(loadPrivateKey(path.join(dir, 'junk.pem'))).toEqual({ error: expect.stringContaining('not a PEM private key') });
  });
});

describe('reproducible zip', () => {
  it('gives the same bytes whatever the time zone, with fixed times and modes', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
    const make = async (out: string) =>
      writeZip({
        out: path.join(dir, out),
        root: 'proofbook-1.0.0',
        inputs: [
          { path: 'sub/a.txt', file: path.join(dir, 'a.txt'), size: 6 },
          { path: 'b.json', data: Buffer.from('{}\n'), size: 3 },
        ],
        // 02:30 UTC on the day Europe springs forward: a time that does not exist in Europe's local time.
        mtime: new Date('2026-03-29T02:30:00Z'),
        trailer: (files) => [{ path: 'MANIFEST.json', data: Buffer.from(JSON.stringify(files)) }],
      });
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Europe/Berlin';
      const x = await make('x.zip');
      process.env.TZ = 'America/Los_Angeles';
      const y = await make('y.zip');
      expect(x.sha256).toBe(y.sha256);
      expect(readFileSync(path.join(dir, 'x.zip')).equals(readFileSync(path.join(dir, 'y.zip')))).toBe(true);
      expect(x.files.map((f) => f.path)).toEqual(['b.json', 'sub/a.txt']);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('offline rewrite', () => {
  const kind = (p: string) => (p.endsWith('.css') || p.endsWith('.log') ? ('file' as const) : p === '/policies' ? ('dir' as const) : ('missing' as const));

  it('turns root-relative URLs into relative ones ending in index.html', () => {
    expect(relativeUrl('/', 'index.html', kind)).toBe('index.html');
    expect(relativeUrl('/', 'policies/pol-a/index.html', kind)).toBe('../../index.html');
    expect(relativeUrl('/policies/', 'policies/pol-a/index.html', kind)).toBe('../index.html');
    expect(relativeUrl('/policies', 'index.html', kind)).toBe('policies/index.html');
    expect(relativeUrl('/evidence/?kind=log#top', 'index.html', kind)).toBe('evidence/index.html?kind=log#top');
    expect(relativeUrl('/_astro/a.css', 'controls/soc2/cc6-1/index.html', kind)).toBe('../../../_astro/a.css');
    expect(relativeUrl('/artifacts/evidence/files/x%20y.log', 'evidence/ev/index.html', kind)).toBe('../../artifacts/evidence/files/x%20y.log');
    for (const keep of ['https://example.com/', '//cdn.example/x.js', '#main', 'mailto:a@b', '../x/']) expect(relativeUrl(keep, 'a/index.html', kind)).toBe(keep);
  });

  it('computes relative paths exactly as path.posix.relative does, unclean paths included', () => {
    const segments = ['a', 'b', 'evidence', 'ev-1', 'index.html', '_astro', 'x.css', 'a b', '.', '..', '', 'c.d'];
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 1000) / 1000;
    const pathOf = () => `/${Array.from({ length: Math.floor(random() * 5) }, () => segments[Math.floor(random() * segments.length)]).join('/')}`;
    const mismatches: string[][] = [];
    for (let i = 0; i < 20_000; i++) {
      const [from, to] = [pathOf(), pathOf()];
      if (relativePath(from, to) !== path.posix.relative(from, to)) mismatches.push([from, to, relativePath(from, to)]);
    }
    expect(mismatches).toEqual([]);
    expect(relativePath('/evidence/ev-1', '/evidence/ev-2/index.html')).toBe('../ev-2/index.html');
  });

  it('rewrites attributes, srcset, inline styles and CSS url()', () => {
    const html = '<link rel="stylesheet" href="/_astro/a.css"><a href="/policies/">P</a><a href="https://x.test/">X</a><img src="/_astro/i.svg" srcset="/_astro/i.svg 1x, /_astro/j.svg 2x"><div style="background:url(/_astro/bg.svg)"></div><style>.x{background:url("/_astro/bg.svg")}</style><a href="/evidence/?a=1&amp;b=2">E</a>';
    const out = rewriteHtml(html, 'policies/pol-a/index.html', kind);
    expect(out).toContain('href="../../_astro/a.css"');
    expect(out).toContain('href="../index.html"');
    expect(out).toContain('href="https://x.test/"');
    expect(out).toContain('src="../../_astro/i.svg"');
    expect(out).toContain('srcset="../../_astro/i.svg 1x, ../../_astro/j.svg 2x"');
    expect(out).toContain('url(../../_astro/bg.svg)');
    expect(out).toContain('url("../../_astro/bg.svg")');
    expect(out).toContain('href="../../evidence/index.html?a=1&amp;b=2"');
    expect(out).not.toMatch(/(?:href|src)="\/(?!\/)/);
    expect(rewriteCss('@font-face{src:url(/_astro/f.woff2)}', '_astro/a.css', kind)).toBe('@font-face{src:url(f.woff2)}');
  });
});

describe('line diff', () => {
  it('groups changes into hunks with context', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const b = a.replace('line 5', 'line five').replace('line 18\n', '');
    const hunks = lineDiff(a, b);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]).toMatchObject({ fromLine: 2, toLine: 2 });
    expect(hunks[0]!.lines.filter((l) => l.type !== 'same')).toEqual([
      { type: 'removed', text: 'line 5' },
      { type: 'added', text: 'line five' },
    ]);
    expect(hunks[1]!.lines.filter((l) => l.type !== 'same')).toEqual([{ type: 'removed', text: 'line 18' }]);
    expect(lineDiff('same\ntext', 'same\ntext')).toEqual([]);
  });

  it('reports policy text changes, version bumps, added and retired policies between two models', () => {
    const model = buildModel({ contentDir: RELEASE_FIXTURE, asOf: '2026-07-15' }).model!;
    const before = toJSON(model);
    const after = structuredClone(before);
    const backup = after.policies.find((p) => p.id === 'pol-backup')!;
    backup.body = backup.body.replace('backed up daily.', 'backed up every hour.');
    backup.data.version = '1.1';
    after.policies.find((p) => p.id === 'pol-backup-access')!.data.status = 'retired';
    const diff = diffReleases({ model: before }, { model: after });
    expect(diff.policies.changed.map((c) => [c.id, c.fromVersion, c.toVersion])).toEqual([
      ['pol-backup', '1.0', '1.1'],
      ['pol-backup-access', '1.0', '1.0'],
    ]);
    const lines = diff.policies.changed[0]!.hunks.flatMap((h) => h.lines);
    expect(lines).toContainEqual({ type: 'added', text: 'All production databases are backed up every hour.' });
    expect(diff.policies.retired.map((p) => p.id)).toEqual(['pol-backup-access']);
    expect(diffReleases({ model: before }, { model: before }).empty).toBe(true);
  });
});

describe('model.json', () => {
  it('is plain, sorted JSON with content-relative paths only', () => {
    const model = buildModel({ contentDir: RELEASE_FIXTURE, asOf: '2026-07-15' }).model!;
    const json = JSON.stringify(toJSON(model));
    expect(json).not.toContain(RELEASE_FIXTURE);
    expect(JSON.stringify(toJSON(model))).toBe(json);
    const parsed = JSON.parse(json);
    expect(parsed.policies.map((p: { id: string }) => p.id)).toEqual(['pol-backup', 'pol-backup-access']);
    expect(parsed.measures[0]).toMatchObject({ id: 'msr-nightly', area: 'running-backups', policies: ['pol-backup', 'pol-backup-access'] });
    expect(parsed.evidence[0].artifacts[0]).toMatchObject({ path: 'evidence/files/jobs-2026-06.log', intact: true });
  });
});

describe('ledger', () => {
  const base = ledgerRecord;
  const write = (dir: string, records: ReleaseRecord[]) => {
    mkdirSync(path.join(dir, 'releases'), { recursive: true });
    for (const r of records) writeFileSync(path.join(dir, 'releases', `${r.version}.yaml`), recordYaml(r));
  };

  it('reads a sound hash chain back, every string kept as text', () => {
    const dir = scratch();
    const a = base('2026.1', 1, null);
    const b = base('2026.10', 2, a.digest);
    write(dir, [a, b]);
    const ledger = loadLedger(dir);
    expect(ledger.problems).toEqual([]);
    expect(ledger.records.map((r) => r.version)).toEqual(['2026.1', '2026.10']);
    expect(ledger.records[1]).toEqual(b);
  });

  it('the digest ignores only the bundle location', () => {
    const a = base('2026.1', 1, null);
    expect(recordDigest({ ...a, bundle: { ...a.bundle, path: 'elsewhere/proofbook-2026.1.zip' } })).toBe(a.digest);
    expect(recordDigest({ ...a, approver: 'Mallory' })).not.toBe(a.digest);
  });

  it('reports an edited record, a removed record and a broken link', () => {
    const dir = scratch();
    const a = base('2026.1', 1, null);
    const b = base('2026.2', 2, a.digest);
    const c = base('2026.3', 3, b.digest);
    write(dir, [a, { ...b, approver: 'Mallory' }, c]);
    expect(loadLedger(dir).problems.map((p) => `${p.file}: ${p.message}`)).toEqual([expect.stringMatching(/^releases\/2026\.2\.yaml: Release record 2026\.2 was edited after the release/)]);

    const dir2 = scratch();
    write(dir2, [a, c]);
    const messages = loadLedger(dir2).problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/sequence 3, but it is release 2/);
    expect(messages).toMatch(/does not link to release 2026\.1/);
  });
});

describe('revision history', () => {
  it('falls back to the recorded approvals, with a notice, outside git', () => {
    // Outside the checkout: test/.tmp is inside the Proofbook repository.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'proofbook-nogit-'));
    const h = policyHistory(dir, { id: 'pol-x', file: 'policies/x.mdx', data: { approvals: [{ name: 'Ada', role: 'CTO', date: '2026-01-01' }] } as never });
    expect(h.revisions).toEqual([]);
    expect(h.notice).toMatch(/not in a git checkout/);
    expect(h.approvals).toHaveLength(1);
  });

  it("never lists Proofbook's own commits for the example kept inside its repository, but a program's own commits", () => {
    const example = policyHistory(path.join(ROOT, 'content'), { id: 'pol-backup', file: 'policies/backup.mdx', data: { approvals: [] } as never });
    expect(example.revisions).toEqual([]);
    expect(example.notice).toMatch(/inside Proofbook's own repository/);
    const repo = gitRepo('history-own-repo');
    const own = policyHistory(repo.content, { id: 'pol-backup', file: 'policies/backup.mdx', data: { approvals: [] } as never });
    expect(own.notice).toBeUndefined();
    expect(own.revisions.map((r) => r.message)).toEqual(['Program as of July']);
  });
});
