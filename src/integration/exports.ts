import path from 'node:path';
import { isOutsideAudience } from '../audience/visibility.ts';
import type { PortalLinks } from '../export/context.ts';
import { EXPORT_KINDS, exportFileName, type ExportFormat } from '../export/kinds.ts';
import { produceExports, writeExports } from '../export/produce.ts';
import type { Audience } from '../schemas/common.ts';
import { buildAudit } from '../site/build-audit.ts';
import type { SiteBuild } from '../site/handoff.ts';
import { href } from '../site/urls.ts';

/**
 * The exports offered on the portal's Exports page (internal portal and auditor edition),
 * written into the site's exports/ folder once the pages are built (astro:build:done), so
 * a release bundle of the auditor edition carries them under its manifest and signature.
 */
export const EXPORTS_FOLDER = 'exports';

/** Whether an audience's site offers exports (the portal editions). */
export function siteHasExports(audience: Audience): boolean {
  return !isOutsideAudience(audience);
}

/** Links from a file in exports/ to portal pages: relative, naming index.html, so they work from disk and in a bundle. */
export const SITE_EXPORT_LINKS: PortalLinks = {
  control: (c) => `..${href.control(c)}index.html`,
  entry: (e) => `..${href.entry(e)}index.html`,
};

/** Every file the Exports page lists: kind, format, name and what it holds. */
export function siteExportList(): Array<{ kind: string; summary: string; files: Array<{ format: ExportFormat; name: string; href: string }> }> {
  return EXPORT_KINDS.map((k) => ({
    kind: k.id,
    summary: k.summary,
    files: k.formats.map((format) => ({ format, name: exportFileName(k.id, format), href: href.exportFile(exportFileName(k.id, format)) })),
  }));
}

/** Renders this audience's exports into OUT/exports/ (astro:build:done), from the build's own model and self-audit. */
export async function publishExports(outDir: string, build: SiteBuild): Promise<number> {
  if (!siteHasExports(build.audience)) return 0;
  const { files } = await produceExports(build.model, build.audience, { contentDir: build.contentDir, audit: buildAudit(build), link: SITE_EXPORT_LINKS });
  writeExports(path.join(outDir, EXPORTS_FOLDER), files);
  return files.length;
}
