import { isCurrent } from './freshness.ts';
import type { ControlNode, Coverage, CoverageStatus, Model } from './types.ts';

/**
 * Coverage of one control, as an auditor reads it: a control is covered when something is
 * done (a measure), it is required (a policy) and it is proven now (current evidence).
 */
export function controlCoverage(c: ControlNode, notApplicableReason?: string): Coverage {
  if (notApplicableReason) return { status: 'not-applicable', missing: [], reason: notApplicableReason };
  const missing: string[] = [];
  if (!c.measures.length) missing.push('no measure implements it');
  if (!c.policies.length) missing.push('no policy addresses it');
  const current = c.evidence.filter(isCurrent).length;
  if (!current) {
    const stale = c.evidence.length;
    missing.push(stale ? `no current evidence (${stale} item${stale === 1 ? '' : 's'}, none current)` : 'no evidence');
  }
  if (!missing.length) return { status: 'covered', missing };
  const nothing = !c.measures.length && !c.policies.length && !c.evidence.length;
  return { status: nothing ? 'gap' : 'partial', missing };
}

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['covered', 'partial', 'gap', 'not-applicable'];

export type CoverageCounts = Record<CoverageStatus, number> & { total: number; inScope: number; percent: number };

/**
 * Counts per status; percent is covered over in-scope-and-applicable controls. `statusOf`
 * lets a view count a status it derived (src/site/status.ts adds open audit errors).
 */
export function countCoverage(controls: Iterable<ControlNode>, statusOf: (c: ControlNode) => CoverageStatus = (c) => c.coverage.status): CoverageCounts {
  const counts = { covered: 0, partial: 0, gap: 0, 'not-applicable': 0, total: 0, inScope: 0, percent: 0 };
  for (const c of controls) {
    counts[statusOf(c)]++;
    counts.total++;
  }
  counts.inScope = counts.total - counts['not-applicable'];
  counts.percent = counts.inScope ? Math.round((counts.covered / counts.inScope) * 100) : 100;
  return counts;
}

/** Coverage counts for each in-scope framework. */
export function frameworkCoverage(model: Model) {
  return model.frameworks.filter((f) => f.inScope).map((f) => ({ framework: f, counts: countCoverage(f.controls) }));
}
