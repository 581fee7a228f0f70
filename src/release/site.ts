import { siteBuild } from '../site/model.ts';
import { href } from '../site/urls.ts';
import type { ReleaseDiff } from './diff.ts';
import { diffReleases } from './diff.ts';
import { releaseDataOf, releasesEnabled as enabledFor, releasesOf, type ReleaseData, type SiteRelease } from './published.ts';

/** The versioned site as pages see it: src/release/published.ts for the build being rendered. */
export type { ReleaseData, SiteRelease };

/** This site carries releases (the portal editions, never a snapshot). */
export function releasesEnabled(): boolean {
  return enabledFor(siteBuild());
}

/** Releases in ledger order (oldest first). */
export function siteReleases(): SiteRelease[] {
  return releasesOf(siteBuild());
}

/** A release's model.json and audit.json, read from its bundle (checked against its manifest). */
export function releaseData(version: string): Promise<ReleaseData | undefined> {
  return releaseDataOf(siteBuild(), version);
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
