import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasChromium } from '../helpers/browser.ts';
import { runCliAsync, type CliResult } from '../helpers/cli.ts';
import { edit } from '../helpers/content.ts';
import { TMP } from '../helpers/paths.ts';
import { commitAll, git, gitRepoAt } from './helpers.ts';

/**
 * The releases the release tests read, made once per run by the global setup beside the site
 * builds (each is an Astro build of the auditor edition; made inside one test file they would
 * run one after another in that file's worker). The setup records every command's outcome
 * instead of throwing, so a failed release fails its own tests with the CLI's message, and the
 * other test files still run. Tests that change a repository work on a copy of it.
 */

export interface Repo {
  root: string;
  content: string;
}

const repoAt = (name: string): Repo => ({ root: path.join(TMP, name), content: path.join(TMP, name, 'content') });

/**
 * One signed release, 2026.1, of the release fixture, with the PDF binder when Chromium is here
 * (test/release/release.test.ts, reproducible.test.ts).
 */
export const SIGNED = repoAt('release-main');
/** The key pair that signed it. */
export const SIGNER = { priv: `${SIGNED.root}-signer.key.pem`, pub: `${SIGNED.root}-signer.pub.pem` };
export const SIGNED_ARGS = ['--sign-key', SIGNER.priv, '--approver', 'Grace Hopper (CISO)', '--allow-findings', 'fixture has none; kept so new audit rules cannot break this test', ...(hasChromium ? ['--pdf'] : [])];

/**
 * Two releases with a policy change between them, the second from a dirty tree (--allow-dirty);
 * then the internal portal built over the repository, with both releases on its versioned site
 * (test/release/site.test.ts).
 */
export const VERSIONED = repoAt('release-site');
export const VERSIONED_SITE = path.join(TMP, 'release-site-out', 'internal');
export const VERSIONED_ALLOW = ['--allow-findings', 'test fixture'];

export interface ReleaseOutcomes {
  keygen: CliResult;
  signed: CliResult;
  /** The same commit released again from a clone, into another folder, in another time zone (reproducible.test.ts). */
  again?: CliResult;
  /** The commit released as 2026.1 of SIGNED. */
  signedCommit: string;
  versioned: { first?: CliResult; second?: CliResult; build?: CliResult };
}

const OUTCOMES = path.join(TMP, 'release-fixtures.json');

/** Where the second release of SIGNED's commit is made: a clone, with its own bundle folder. */
export const SIGNED_CLONE = `${SIGNED.root}-clone`;
export const SIGNED_AGAIN = path.join(SIGNED_CLONE, 'elsewhere', 'proofbook-2026.1.zip');

async function signedRelease(): Promise<Pick<ReleaseOutcomes, 'keygen' | 'signed' | 'signedCommit' | 'again'>> {
  gitRepoAt(SIGNED.root);
  const signedCommit = git(SIGNED.root, ['rev-parse', 'HEAD']);
  const keygen = await runCliAsync(['keygen', '--out', SIGNER.priv.replace(/\.key\.pem$/, '')], { spawn: true });
  // Cloned before the first release writes anything: the clone holds the commit alone.
  git(TMP, ['clone', '-q', SIGNED.root, SIGNED_CLONE]);
  const signed = await runCliAsync(['release', '2026.1', '--content', SIGNED.content, ...SIGNED_ARGS]);
  if (signed.code !== 0) return { keygen, signed, signedCommit };
  const again = await runCliAsync(['release', '2026.1', '--content', path.join(SIGNED_CLONE, 'content'), '--bundle-dir', path.dirname(SIGNED_AGAIN), ...SIGNED_ARGS], { env: { TZ: 'Pacific/Auckland' } });
  return { keygen, signed, signedCommit, again };
}

async function versionedSite(): Promise<ReleaseOutcomes['versioned']> {
  gitRepoAt(VERSIONED.root);
  const first = await runCliAsync(['release', '2026.1', '--content', VERSIONED.content, '--approver', 'Ada Lovelace (CTO)', ...VERSIONED_ALLOW]);
  if (first.code !== 0) return { first };
  commitAll(VERSIONED.root, 'Release 2026.1', '2026-07-15T10:00:00Z');
  edit(VERSIONED.content, 'policies/backup.mdx', 'version: "1.0"', 'version: "1.1"');
  edit(VERSIONED.content, 'policies/backup.mdx', 'All production databases are backed up daily.', 'All production databases are backed up every hour and kept for 35 days.');
  commitAll(VERSIONED.root, 'Backup policy 1.1: hourly backups, 35-day retention', '2026-07-20T09:00:00Z', 'Grace Hopper');
  // An uncommitted change as well: the release records it (--allow-dirty), the ledger chains on.
  edit(VERSIONED.content, 'policies/access.mdx', 'may read or delete backups.', 'may read backups; deleting one needs a second approver.');
  const second = await runCliAsync(['release', '2026.2', '--content', VERSIONED.content, '--approver', 'Grace Hopper (CISO)', '--allow-dirty', ...VERSIONED_ALLOW]);
  if (second.code !== 0) return { first, second };
  commitAll(VERSIONED.root, 'Release 2026.2', '2026-07-20T10:00:00Z');
  const build = await runCliAsync(['build', '--audience', 'internal', '--content', VERSIONED.content, '--out', path.dirname(VERSIONED_SITE)]);
  return { first, second, build };
}

/** Makes both fixtures side by side (called by test/global-setup.ts) and records the outcomes. */
export async function prepareReleases(): Promise<void> {
  const [signed, versioned] = await Promise.all([signedRelease(), versionedSite()]);
  writeFileSync(OUTCOMES, `${JSON.stringify({ ...signed, versioned } satisfies ReleaseOutcomes, null, 2)}\n`);
}

/** What the global setup's release commands printed and returned. */
export function releaseOutcomes(): ReleaseOutcomes {
  return JSON.parse(readFileSync(OUTCOMES, 'utf8')) as ReleaseOutcomes;
}

/** A copy of a fixture repository (git history, bundles and all) for a test that changes it. */
export function copyRepo(repo: Repo, name: string): Repo {
  const root = path.join(TMP, name);
  cpSync(repo.root, root, { recursive: true });
  return { root, content: path.join(root, 'content') };
}
