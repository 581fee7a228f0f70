import { gapHours, type DayCount } from '../backup/facts.ts';
import type { BackupTool, Gap, Outcome, Provenance, SourceFacts } from '../backup/types.ts';
import { addDays, daysBetween, hoursBetween } from '../time/dates.ts';
import { durationMinutes } from '../time/duration.ts';
import type { EvidenceNode } from './types.ts';

/**
 * Backup health of a set of evidence (a measure's, or the whole program's): the computed
 * figures of every artifact joined per source across months, and every restore test in date
 * order. The audit's staleness and restore-test rules and the health pages read these, so a
 * page never shows a figure the audit computed differently.
 */

/** A source's figures joined across artifacts; `longestGap` spans artifacts too (March's last run to April's first). */
export interface SourceHealth extends SourceFacts {
  /** "restic/build-01": the tool and the source as it names it. */
  key: string;
  tool: BackupTool;
  /** Every known gap longer than the target (when one was given), oldest first. */
  breaches: Gap[];
  /** Jobs per day (UTC), oldest first. */
  days: DayCount[];
  /** Artifacts the figures were computed from. */
  artifacts: string[];
}

/** Where a restore test is recorded: computed from a tool's output, or stated in frontmatter. */
export interface RestoreRecord {
  evidence: EvidenceNode;
  /** Day the restore started (stated tests: the day the evidence was collected). */
  day: string;
  source: string;
  outcome: Outcome;
  durationSeconds?: number;
  verified?: string;
  provenance: Provenance;
}

const gapOf = (from: string, to: string): Gap => ({ from, to, hours: gapHours(Date.parse(from), Date.parse(to)) });

/** Per-source health across the given evidence; `rpo` (ISO 8601) marks the gaps that breach it. */
export function sourceHealth(evidence: readonly EvidenceNode[], rpo?: string): SourceHealth[] {
  const limitHours = rpo ? durationMinutes(rpo) / 60 : Infinity;
  const by = new Map<string, SourceHealth & { spans: { first: string; last: string }[] }>();
  for (const e of evidence) {
    for (const f of e.figures?.sources ?? []) {
      const key = `${f.provenance.tool}/${f.source}`;
      let h = by.get(key);
      if (!h) {
        h = { key, tool: f.provenance.tool, source: f.source, jobs: 0, succeeded: 0, failed: 0, firstSuccess: null, lastSuccess: null, longestGap: null, breaches: [], days: [], artifacts: [], spans: [] };
        by.set(key, h);
      }
      h.jobs += f.jobs;
      h.succeeded += f.succeeded;
      h.failed += f.jobs - f.succeeded;
      if (f.firstSuccess && (!h.firstSuccess || f.firstSuccess < h.firstSuccess)) h.firstSuccess = f.firstSuccess;
      if (f.lastSuccess && (!h.lastSuccess || f.lastSuccess > h.lastSuccess)) h.lastSuccess = f.lastSuccess;
      if (f.longestGap && (!h.longestGap || f.longestGap.hours > h.longestGap.hours)) h.longestGap = f.longestGap;
      // The model kept every gap over the program's strictest RPO; this measure's target may be looser.
      h.breaches.push(...f.breaches.filter((g) => g.hours > limitHours));
      if (f.firstSuccess && f.lastSuccess) h.spans.push({ first: f.firstSuccess, last: f.lastSuccess });
      if (!h.artifacts.includes(f.provenance.artifact)) h.artifacts.push(f.provenance.artifact);
    }
    for (const d of e.figures?.days ?? []) {
      const h = by.get(`${d.provenance.tool}/${d.source}`);
      if (!h) continue;
      const same = h.days.find((x) => x.day === d.day);
      if (same) {
        same.succeeded += d.succeeded;
        same.failed += d.failed;
      } else h.days.push({ day: d.day, succeeded: d.succeeded, failed: d.failed });
    }
  }
  const out: SourceHealth[] = [];
  for (const { spans, ...h } of by.values()) {
    // The gap between one artifact's last success and the next one's first is a gap too.
    spans.sort((a, b) => a.first.localeCompare(b.first));
    for (let i = 1; i < spans.length; i++) {
      const prev = spans[i - 1]!;
      const next = spans[i]!;
      if (next.first <= prev.last) continue;
      const gap = gapOf(prev.last, next.first);
      if (!h.longestGap || gap.hours > h.longestGap.hours) h.longestGap = gap;
      if (gap.hours > limitHours) h.breaches.push(gap);
    }
    h.breaches.sort((a, b) => a.from.localeCompare(b.from));
    h.days.sort((a, b) => a.day.localeCompare(b.day));
    h.artifacts.sort();
    out.push(h);
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Every restore test the evidence records, oldest first: computed ones, and stated ones where nothing was computed. */
export function restoreHistory(evidence: readonly EvidenceNode[]): RestoreRecord[] {
  const out: RestoreRecord[] = [];
  for (const e of evidence) {
    const computed = e.figures?.restores ?? [];
    for (const r of computed) {
      out.push({ evidence: e, day: r.started.slice(0, 10), source: r.source, outcome: r.outcome, ...(r.durationSeconds !== undefined ? { durationSeconds: r.durationSeconds } : {}), ...(r.verified ? { verified: r.verified } : {}), provenance: r.provenance });
    }
    const t = e.data.restoreTest;
    if (!computed.length && t) {
      out.push({ evidence: e, day: e.data.collected, source: t.scope ?? e.data.source, outcome: t.outcome, durationSeconds: durationMinutes(t.duration) * 60, provenance: { kind: 'stated', file: e.file } });
    }
  }
  return out.sort((a, b) => a.day.localeCompare(b.day) || a.source.localeCompare(b.source));
}

/** Hours since the last success as of the start of a day (UTC); null when the source never succeeded. */
export function hoursSinceSuccess(h: Pick<SourceHealth, 'lastSuccess'>, asOf: string): number | null {
  return h.lastSuccess ? Math.max(0, hoursBetween(h.lastSuccess, `${asOf}T00:00:00Z`)) : null;
}

/**
 * Days of the window on which every given source met the RPO: on a day the RPO was exceeded
 * at some moment (from the last success + the target until the next success), it was not.
 */
export function daysWithinRpo(sources: readonly Pick<SourceHealth, 'breaches'>[], window: { start: string; end: string }, rpo: string): { within: number; total: number } {
  const total = daysBetween(window.start, window.end) + 1;
  const targetMs = durationMinutes(rpo) * 60_000;
  const missed = new Set<string>();
  for (const g of sources.flatMap((s) => s.breaches)) {
    const from = new Date(Date.parse(g.from) + targetMs).toISOString().slice(0, 10);
    for (let d = from; d <= g.to.slice(0, 10); d = addDays(d, 1)) if (d >= window.start && d <= window.end) missed.add(d);
  }
  return { within: total - missed.size, total };
}
