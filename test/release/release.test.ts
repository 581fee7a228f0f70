import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sha256FileSync } from '../../src/release/digest.ts';
import { runCli } from '../helpers/cli.ts';
import { edit } from '../helpers/content.ts';
import { commitAll, flipByte, git, gitRepo, readEntries, runCliAsync, writeRawZip } from './helpers.ts';

/**
 * The release workflow through the real CLI, on a temp git repository holding the fixture.
 * Astro builds are few (three): one signed release shared by most tests, a second release of
 * the same commit from another clone (reproducibility), and a release from a dirty tree.
 */
let repo: { root: string; content: string };
let bundle: string;
let record: string;
let releasedCommit: string;
let keys: { priv: string; pub: string };
let first: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  repo = gitRepo('release-main');
  releasedCommit = git(repo.root, ['rev-parse', 'HEAD']);
  const k = await runCliAsync(['keygen', '--out', path.join(repo.root, '..', `${path.basename(repo.root)}-signer`)]);
  expect(k.code, k.stderr).toBe(0);
  keys = { priv: `${repo.root}-signer.key.pem`, pub: `${repo.root}-signer.pub.pem` };
  first = await runCliAsync(['release', '2026.1', '--content', repo.content, '--sign-key', keys.priv, '--approver', 'Grace Hopper (CISO)', '--allow-findings', 'fixture has none; kept so new audit rules cannot break this test']);
  bundle = path.join(repo.root, 'releases', 'proofbook-2026.1.zip');
  record = path.join(repo.content, 'releases', '2026.1.yaml');
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

  it('is byte-reproducible: the same commit released from another clone into another folder has the same sha256', async () => {
    const clone = path.join(path.dirname(repo.root), `${path.basename(repo.root)}-clone`);
    git(path.dirname(repo.root), ['clone', '-q', repo.root, clone]);
    expect(git(clone, ['rev-parse', 'HEAD'])).toBe(releasedCommit);
    const r = await runCliAsync(['release', '2026.1', '--content', path.join(clone, 'content'), '--bundle-dir', path.join(clone, 'elsewhere'), '--sign-key', keys.priv, '--approver', 'Grace Hopper (CISO)', '--allow-findings', 'fixture has none; kept so new audit rules cannot break this test'], { env: { TZ: 'Pacific/Auckland' } });
    expect(r.code, r.stderr).toBe(0);
    const again = path.join(clone, 'elsewhere', 'proofbook-2026.1.zip');
    expect(sha256FileSync(again).sha256).toBe(sha256FileSync(bundle).sha256);
    expect(readFileSync(again).equals(readFileSync(bundle))).toBe(true);
  });
});

describe('proofbook keygen', () => {
  it('never overwrites a key', async () => {
    const r = await runCliAsync(['keygen', '--out', keys.priv.replace(/\.key\.pem$/, '')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exist');
  });
});
