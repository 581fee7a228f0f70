import { runAudit } from '../audit/run.ts';
import type { AuditReport } from '../audit/types.ts';
import type { SiteBuild } from './handoff.ts';

/**
 * The self-audit of a build's whole program (the unfiltered model), as of the build's date:
 * run once per program and shared by every page, every audience and the exports built from
 * the same model, so its counts match `proofbook audit`. Usable outside Astro's bundle too
 * (the integration's hooks), unlike src/site/audit.ts.
 */
export function buildAudit(build: SiteBuild): AuditReport {
  // The site is only built from content without problems (the caller refuses otherwise).
  return (build.shared.audit ??= runAudit({ model: build.model, problems: [] }, { contentDir: build.contentDir, bundleDir: build.bundleDir }));
}
