import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXPORT_KINDS, exportFileName } from '../../src/export/kinds.ts';
import { sha256FileSync } from '../../src/release/digest.ts';
import { hasChromium } from '../helpers/browser.ts';
import { TMP } from '../helpers/paths.ts';
import { runCli, type CliResult } from '../helpers/cli.ts';
import { edit } from '../helpers/content.ts';
import { commitAll, flipByte, gitRepo, readEntries, runCliAsync, writeRawZip } from './helpers.ts';
import { releaseOutcomes, SIGNED, SIGNER } from './fixtures.ts';

/**
 * The release workflow through the real CLI, on the signed release the global setup made
 * (test/release/fixtures.ts): a temp git repository holding the fixture, released as 2026.1.
 * Releasing the same commit again from another clone is in reproducible.test.ts.
 */
const repo = SIGNED;
const keys = SIGNER;
const bundle = path.join(repo.root, 'releases', 'proofbook-2026.1.zip');
const record = path.join(repo.content, 'releases', '2026.1.yaml');
let releasedCommit: string;
let first: CliResult;

beforeAll(() => {
  const outcomes = releaseOutcomes();
  expect(outcomes.keygen.code, outcomes.keygen.stderr).toBe(0);
  first = outcomes.signed;
  releasedCommit = outcomes.signedCommit;
});

describe('proofbook release', () => {
  it('writes the bundle and a release record, and says how to commit them', () => {
    expect(first.code, first.stderr + first.stdout).toBe(0);
    expect(first.stdout).toContain('✓ Released 2026.1 of Release Test Co (#1');
    expect(existsSync(bundle)).toBe(true);
    const r = parse(readFileSync(record, 'utf8'));
    expect(r).toMatchObject({
      version: '2026.1',
      sequence: 1,
      commit: releasedCommit,
      date: '2026-07-15T09:00:00Z',
      asOf: '2026-07-15',
      approver: 'Grace Hopper (CISO)',
      organisation: 'Release Test Co',
      previous: null,
      bundle: { file: 'proofbook-2026.1.zip', sha256: sha256FileSync(bundle).sha256, path: '../releases/proofbook-2026.1.zip' },
      signature: { algorithm: 'ed25519' },
    });
    expect(r.audit.engine).toBe('self-audit');
    expect(first.stdout).toContain(`git add`);
    // Nothing half-written or left behind.
    expect(readdirSync(path.join(repo.root, 'releases'))).toEqual(['proofbook-2026.1.zip']);
    expect(readdirSync(path.join(repo.content, 'releases'))).toEqual(['2026.1.yaml']);
  });

  it('the bundle holds the offline site, every artifact, the model, the audit, the history and MANIFEST.json', async () => {
    const { root, files } = await readEntries(bundle);
    expect(root).toBe('proofbook-2026.1');
    for (const f of ['index.html', 'policies/pol-backup/index.html', 'artifacts/evidence/files/jobs-2026-06.log', 'data/model.json', 'data/audit.json', 'data/history.json', 'MANIFEST.json', 'MANIFEST.json.sig']) {
      expect(files.has(f), f).toBe(true);
    }
    const manifest = JSON.parse(files.get('MANIFEST.json')!.toString());
    expect(manifest).toMatchObject({ format: 'proofbook-bundle/1', root: 'proofbook-2026.1', previous: null, release: { version: '2026.1', commit: releasedCommit, proofbook: expect.any(String) } });
    expect(manifest.files.length).toBe(files.size - 2);
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([...manifest.files.map((f: { path: string }) => f.path)].sort());
    // No absolute path anywhere: not the repository, not the temp folders.
    for (const [name, data] of files) expect(data.includes(repo.root), name).toBe(false);
    const history = JSON.parse(files.get('data/history.json')!.toString());
    expect(history.find((h: { policy: string }) => h.policy === 'pol-backup').revisions[0]).toMatchObject({ commit: releasedCommit, author: 'Ada Lovelace', message: 'Program as of July' });
    // Every page links relatively, with index.html, so it opens from file://.
    const page = files.get('policies/pol-backup/index.html')!.toString();
    expect(page).toContain('href="../../index.html"');
    expect(page).not.toMatch(/\s(?:href|src)="\/(?!\/)/);
    expect(page).toMatch(/Frozen snapshot of release <strong[^>]*>2026\.1<\/strong>/);
    expect(page).toContain('Revision history');
    // Snapshots carry no releases page or version switcher: they would point outside the bundle.
    expect(page).not.toContain('class="versions"');
  });

  it('verify says OK with a summary, checks the signature and the ledger', async () => {
    const r = await runCliAsync(['verify', bundle, '--public-key', keys.pub, '--content', repo.content]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^OK /);
    expect(r.stdout).toContain('release 2026.1 (#1) of Release Test Co, 2026-07-15');
    expect(r.stdout).toContain('approved by Grace Hopper (CISO)');
    expect(r.stdout).toContain('signature: valid, ed25519 key');
    expect(r.stdout).toContain('ledger: matches release 2026.1, chain of 1 release intact');
  });

  it('tamper: one flipped byte in a page, a stylesheet, an image, an artifact, model.json or the signature fails naming it', async () => {
    const { files } = await readEntries(bundle);
    const css = [...files.keys()].find((f) => f.startsWith('_astro/') && f.endsWith('.css'))!;
    const svg = [...files.keys()].find((f) => f.endsWith('.svg'))!;
    expect(svg, 'the policy image is in the bundle').toBeTruthy();
    const targets = ['policies/pol-backup/index.html', css, svg, 'artifacts/evidence/files/jobs-2026-06.log', 'data/model.json', 'data/audit.json', 'MANIFEST.json.sig'];
    // One tampered copy per file, verified side by side.
    const results = await Promise.all(
      targets.map(async (rel, i) => {
        const copy = `${bundle}.flip-${i}.zip`;
        copyFileSync(bundle, copy);
        await flipByte(copy, rel);
        return runCliAsync(['verify', copy, '--public-key', keys.pub]);
      }),
    );
    targets.forEach((rel, i) => {
      const r = results[i]!;
      expect(r.code, rel).toBe(1);
      expect(r.stdout, rel).toContain(rel === 'MANIFEST.json.sig' ? 'signature: MANIFEST.json.sig' : `changed:   ${rel}: its sha256 is`);
    });
  });

  it('tamper: an added or a removed file fails naming it; against the ledger the zip digest fails too', async () => {
    const { root, files } = await readEntries(bundle);
    const added = path.join(path.dirname(bundle), '..', 'added.zip');
    await writeRawZip(added, root, new Map(files).set('evidence/forged.html', Buffer.from('<p>forged</p>')));
    const a = await runCliAsync(['verify', added, '--content', repo.content]);
    expect(a.code).toBe(1);
    expect(a.stdout).toContain('added:     evidence/forged.html: not listed in MANIFEST.json');
    expect(a.stdout).toMatch(/ledger: +the zip's sha256 is [0-9a-f]{64}, but release 2026\.1 recorded/);

    const removed = path.join(path.dirname(bundle), '..', 'removed.zip');
    const less = new Map(files);
    less.delete('artifacts/evidence/files/jobs-2026-06.log');
    await writeRawZip(removed, root, less);
    const r = await runCliAsync(['verify', removed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('missing:   artifacts/evidence/files/jobs-2026-06.log: listed in MANIFEST.json but not in the zip');
  });

  it('refuses to overwrite a release, changing nothing', () => {
    const before = sha256FileSync(bundle).sha256;
    const r = runCli(['release', '2026.1', '--content', repo.content]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Release 2026.1 already exists (releases/2026.1.yaml');
    expect(r.stderr).toContain('never overwritten');
    expect(sha256FileSync(bundle).sha256).toBe(before);
  });

  it('refuses a dirty tree and a malformed version', () => {
    // The new record and bundle are uncommitted: the tree is dirty until they are committed.
    const dirty = runCli(['release', '2026.2', '--content', repo.content]);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toContain('the git tree has uncommitted changes');
    expect(dirty.stderr).toContain('content/releases/2026.1.yaml');
    expect(dirty.stderr).toContain('--allow-dirty');
    expect(existsSync(path.join(repo.content, 'releases', '2026.2.yaml'))).toBe(false);

    const bad = runCli(['release', 'v2026.1', '--content', repo.content]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('write the version without the "v"');
    expect(runCli(['release', '--content', repo.content]).code).toBe(2);
  });

  it('refuses on self-audit errors unless --allow-findings gives a reason', () => {
    const other = gitRepo('release-findings');
    edit(other.content, 'evidence/files/jobs-2026-06.log', /ok/, 'OK');
    commitAll(other.root, 'Edit the evidence after it was pinned', '2026-07-16T09:00:00Z');
    const r = runCli(['release', '2026.1', '--content', other.content]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[artifact-integrity]');
    expect(r.stderr).toMatch(/the self-audit found \d+ errors?/);
    expect(r.stderr).toContain('--allow-findings "reason"');
    expect(existsSync(path.join(other.root, 'releases'))).toBe(false);
    expect(existsSync(path.join(other.content, 'releases'))).toBe(false);
    expect(runCli(['release', '2026.1', '--content', other.content, '--allow-findings', ' ']).code).toBe(2);
  });
});

/**
 * A release carries every export: the auditor edition's exports/ folder, and with --pdf the
 * PDF binder, all listed in MANIFEST.json with their sha256 (so the signature covers them).
 * `verify` accepting the bundle is in 'proofbook release'.
 */
describe('exports in a release bundle', () => {
  if (!hasChromium) console.warn('[skip] binder in the bundle: /usr/bin/chromium is absent (apt-get install -y chromium).');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  it('every export is in the bundle and in MANIFEST.json with its sha256', async () => {
    const { files } = await readEntries(bundle);
    const manifest = JSON.parse(files.get('MANIFEST.json')!.toString('utf8')) as { files: Array<{ path: string; sha256: string }> };
    const listed = new Map(manifest.files.map((f) => [f.path, f.sha256]));
    const names = EXPORT_KINDS.flatMap((k) => k.formats.map((f) => `exports/${exportFileName(k.id, f)}`));
    if (hasChromium) names.push('exports/binder.pdf');
    for (const name of names) {
      expect(files.has(name), name).toBe(true);
      expect(listed.get(name), name).toBe(sha(files.get(name)!));
    }
    const matrix = JSON.parse(files.get('exports/control-matrix.json')!.toString('utf8'));
    expect(matrix.audience).toBe('auditor');
  });

  it.skipIf(!hasChromium)("the bundle's binder names the release on its cover", async () => {
    const { files } = await readEntries(bundle);
    const file = path.join(mkdtempSync(path.join(TMP, 'export-release-pdf-')), 'binder.pdf');
    writeFileSync(file, files.get('exports/binder.pdf')!);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Release 2026.1');
  });
});

describe('proofbook keygen', () => {
  it('never overwrites a key', async () => {
    const r = await runCliAsync(['keygen', '--out', keys.priv.replace(/\.key\.pem$/, '')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exist');
  });
});
