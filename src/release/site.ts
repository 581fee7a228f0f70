import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ModelJson } from '../model/serialize.ts';
import type { ReleaseRecord } from '../schemas/release.ts';
import { buildAudience, contentRoot } from '../site/env.ts';
import { href } from '../site/urls.ts';
import type { Problem } from '../validation/problem.ts';
import type { AuditJson, ReleaseDiff } from './diff.ts';
import { diffReleases } from './diff.ts';
import { bundleProblems, checkBundles, loadLedger, type BundleCheck } from './ledger.ts';
import { snapshotInfo } from './snapshot.ts';
import { extractBundle, readBundleFile } from './verify.ts';

/**
 * The versioned site: a Releases page, every release's frozen site at /releases/<version>/
 * (the bytes of its bundle, copied in after the build, never re-rendered), diff pages and
 * the version switcher. Only the portal editions (internal, auditor) carry releases, and
 * never a snapshot itself (a bundle holds one release, complete offline).
 */
export const BUNDLE_DIR_ENV = 'PROOFBOOK_BUNDLE_DIR';

export function releasesEnabled(): boolean {
  if (snapshotInfo()) return false;
  const audience = buildAudience();
  return audience === 'internal' || audience === 'auditor';
}

export interface SiteRelease {
  record: ReleaseRecord;
  /** Absolute bundle path. */
  bundle: string;
  /** The bundle is here and matches its record: its frozen pages and download are published. */
  available: boolean;
}

interface Cache {
  releases?: SiteRelease[];
  checks?: BundleCheck[];
  ledgerProblems?: Problem[];
  data: Map<string, Promise<ReleaseData | undefined>>;
}

// Astro loads this module once for the integration and once for the pages: share through globalThis.
function cache(): Cache {
  const g = globalThis as unknown as { __proofbookReleases?: Map<string, Cache> };
  const all = (g.__proofbookReleases ??= new Map());
  const key = `${contentRoot()}\0${process.env[BUNDLE_DIR_ENV] ?? ''}`;
  let c = all.get(key);
  if (!c) all.set(key, (c = { data: new Map() }));
  return c;
}

function load(): Cache {
  const c = cache();
  if (!c.releases) {
    const root = contentRoot();
    const ledger = loadLedger(root);
    const checks = checkBundles(root, ledger.records, process.env[BUNDLE_DIR_ENV] || undefined);
    c.ledgerProblems = ledger.problems;
    c.checks = checks;
    c.releases = checks.map((k) => ({ record: k.record, bundle: k.file, available: k.status === 'ok' }));
  }
  return c;
}

/** Releases in ledger order (oldest first). */
export function siteReleases(): SiteRelease[] {
  return releasesEnabled() ? load().releases! : [];
}

/** What must stop the build: a broken ledger chain or a stored bundle that changed since its release. */
export function releaseSiteProblems(): Problem[] {
  if (!releasesEnabled()) return [];
  const c = load();
  return [...c.ledgerProblems!, ...bundleProblems(c.checks!)];
}

export interface ReleaseData {
  model: ModelJson;
  audit?: AuditJson;
}

/** A release's model.json and audit.json, read from its bundle (checked against its manifest). */
export function releaseData(version: string): Promise<ReleaseData | undefined> {
  const c = load();
  let p = c.data.get(version);
  if (!p) {
    const r = c.releases!.find((x) => x.record.version === version);
    p = (async () => {
      if (!r?.available) return undefined;
      const model = await readBundleFile(r.bundle, 'data/model.json');
      if (!model) return undefined;
      const audit = await readBundleFile(r.bundle, 'data/audit.json');
      return { model: JSON.parse(model.toString('utf8')) as ModelJson, ...(audit ? { audit: JSON.parse(audit.toString('utf8')) as AuditJson } : {}) };
    })();
    c.data.set(version, p);
  }
  return p;
}

/** Above this many releases, diff pages are made for consecutive releases and for each release against the latest only. */
export const MAX_PAIRWISE = 30;

/** The (from, to) pairs that get a diff page, older release first. */
export function diffPairs(releases: SiteRelease[] = siteReleases()): Array<[SiteRelease, SiteRelease]> {
  const list = releases.filter((r) => r.available);
  const pairs: Array<[SiteRelease, SiteRelease]> = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (list.length <= MAX_PAIRWISE || j === i + 1 || j === list.length - 1) pairs.push([list[i]!, list[j]!]);
    }
  }
  return pairs;
}

export async function releaseDiff(from: string, to: string): Promise<ReleaseDiff | undefined> {
  const [a, b] = await Promise.all([releaseData(from), releaseData(to)]);
  return a && b ? diffReleases(a, b) : undefined;
}

/** Nav entries for the layout: the Releases page, when this site has one. */
export function releaseNavItems(): Array<{ id: string; label: string; href: string }> {
  return releasesEnabled() ? [{ id: 'releases', label: 'Releases', href: href.releases() }] : [];
}

/** Copies every available release's frozen site and bundle into the built site (astro:build:done). */
export async function publishReleases(outDir: string): Promise<number> {
  let n = 0;
  for (const r of siteReleases()) {
    if (!r.available) continue;
    const folder = path.join(outDir, 'releases', r.record.version);
    if (existsSync(folder)) throw new Error(`the site already has a page at /releases/${r.record.version}/, where release ${r.record.version}'s frozen site belongs`);
    await extractBundle(r.bundle, folder);
    mkdirSync(path.join(outDir, 'releases'), { recursive: true });
    copyFileSync(r.bundle, path.join(outDir, 'releases', r.record.bundle.file));
    n++;
  }
  return n;
}
