import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ModelJson } from '../model/serialize.ts';
import type { ReleaseRecord } from '../schemas/release.ts';
import type { SiteBuild } from '../site/handoff.ts';
import { SITES } from '../site/sites.ts';
import { formatProblems, type Problem } from '../validation/problem.ts';
import type { AuditJson } from './diff.ts';
import { bundleProblems, checkBundles, loadLedger, type BundleCheck } from './ledger.ts';
import { extractBundle, readBundleFile } from './verify.ts';

/**
 * The versioned site for one build: a Releases page, every release's frozen site at
 * /releases/<version>/ (the bytes of its bundle, copied in after the build, never re-rendered),
 * diff pages and the version switcher. Only the portal editions (internal, auditor) carry
 * releases, and never a snapshot itself (a bundle holds one release, complete offline).
 * Each function takes the build it is for; pages use the wrappers in ./site.ts.
 */
export function releasesEnabled(build: SiteBuild): boolean {
  if (build.snapshot) return false;
  return SITES[build.audience].releases;
}

export interface SiteRelease {
  record: ReleaseRecord;
  /** Absolute bundle path. */
  bundle: string;
  /** The bundle is here and matches its record: its frozen pages and download are published. */
  available: boolean;
}

export interface ReleaseData {
  model: ModelJson;
  audit?: AuditJson;
}

interface Ledger {
  releases: SiteRelease[];
  checks: BundleCheck[];
  ledgerProblems: Problem[];
  data: Map<string, Promise<ReleaseData | undefined>>;
}

/** The ledger and bundle checks, read once per program and bundle folder (every audience shares them). */
function load(build: SiteBuild): Ledger {
  const all = (build.shared.releases ??= new Map()) as Map<string, Ledger>;
  const key = build.bundleDir ?? '';
  let c = all.get(key);
  if (!c) {
    const ledger = loadLedger(build.contentDir);
    const checks = checkBundles(build.contentDir, ledger.records, build.bundleDir);
    c = { ledgerProblems: ledger.problems, checks, releases: checks.map((k) => ({ record: k.record, bundle: k.file, available: k.status === 'ok' })), data: new Map() };
    all.set(key, c);
  }
  return c;
}

/** Releases in ledger order (oldest first). */
export function releasesOf(build: SiteBuild): SiteRelease[] {
  return releasesEnabled(build) ? load(build).releases : [];
}

/** What must stop the build: a broken ledger chain or a stored bundle that changed since its release. */
export function releaseSiteProblems(build: SiteBuild): Problem[] {
  if (!releasesEnabled(build)) return [];
  const c = load(build);
  return [...c.ledgerProblems, ...bundleProblems(c.checks)];
}

/**
 * Why the build must stop, as one message (the first problem, then all of them), or undefined.
 * `proofbook build` asks before it starts Astro; a plain `astro build` asks in the integration.
 */
export function releaseSiteMessage(build: SiteBuild, label: string): string | undefined {
  const problems = releaseSiteProblems(build);
  if (!problems.length) return undefined;
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more: run npx proofbook verify --all)` : '';
  return `${first!.file}: ${first!.message}${more}\n${formatProblems(problems, label)}`;
}

/** A release's model.json and audit.json, read from its bundle (checked against its manifest). */
export function releaseDataOf(build: SiteBuild, version: string): Promise<ReleaseData | undefined> {
  const c = load(build);
  let p = c.data.get(version);
  if (!p) {
    const r = c.releases.find((x) => x.record.version === version);
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

/** Copies every available release's frozen site and bundle into the built site (astro:build:done). */
export async function publishReleases(outDir: string, build: SiteBuild): Promise<number> {
  let n = 0;
  for (const r of releasesOf(build)) {
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
