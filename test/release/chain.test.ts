import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edit } from '../helpers/content.ts';
import { commitAll, gitRepo, runCliAsync } from './helpers.ts';

/**
 * The release ledger across two releases through the real CLI: a committed first release,
 * then a second one from a dirty tree (two Astro builds, kept apart from release.test.ts so
 * neither file runs long on a busy machine).
 */
let repo: { root: string; content: string };
let record: string;

beforeAll(async () => {
  repo = gitRepo('release-chain');
  const r = await runCliAsync(['release', '2026.1', '--content', repo.content, '--approver', 'Grace Hopper (CISO)', '--allow-findings', 'fixture']);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  record = path.join(repo.content, 'releases', '2026.1.yaml');
});

describe('the release ledger', () => {
  it('--allow-dirty releases anyway and records the uncommitted files; the ledger chains the two releases', async () => {
    commitAll(repo.root, 'Release 2026.1', '2026-07-15T10:00:00Z');
    edit(repo.content, 'policies/access.mdx', 'may read or delete backups.', 'may read backups; deleting one needs a second approver.');
    const r = await runCliAsync(['release', '2026.2', '--content', repo.content, '--allow-dirty', '--allow-findings', 'fixture']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('dirty    1 uncommitted change recorded');
    const rec = parse(readFileSync(path.join(repo.content, 'releases', '2026.2.yaml'), 'utf8'));
    expect(rec.dirty).toEqual({ files: ['content/policies/access.mdx'] });
    const first = parse(readFileSync(record, 'utf8'));
    expect(rec.previous).toBe(first.digest);
    expect(rec.sequence).toBe(2);

    const all = await runCliAsync(['verify', '--all', '--content', repo.content]);
    expect(all.code, all.stdout).toBe(0);
    expect(all.stdout).toContain('All 2 bundles verified, ledger chain intact.');
    expect(all.stdout).toContain('built from a tree with 1 uncommitted change (--allow-dirty): content/policies/access.mdx');
  });

  it('verify --all finds an edited release record (the chain breaks there)', async () => {
    const rec2 = path.join(repo.content, 'releases', '2026.2.yaml');
    const original = readFileSync(record, 'utf8');
    try {
      writeFileSync(record, original.replace('approver: "Grace Hopper (CISO)"', 'approver: "Mallory"'));
      const r = await runCliAsync(['verify', '--all', '--content', repo.content]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('Release record 2026.1 was edited after the release');
      const rel = await runCliAsync(['release', '2026.3', '--content', repo.content, '--allow-dirty']);
      expect(rel.code).toBe(1);
      expect(rel.stderr).toContain('the release ledger is broken');
      expect(existsSync(rec2)).toBe(true);
    } finally {
      writeFileSync(record, original);
    }
  });
});
