import { ImportError } from '../backup/errors.ts';
import { readToolOutput, type ReadOptions } from '../backup/read.ts';
import { JobFolder, restoreFacts, type DayCount } from '../backup/facts.ts';
import type { BackupTool, Gap, Provenance, RestoreFacts, SourceFacts } from '../backup/types.ts';
import type { EvidenceData } from '../schemas/evidence.ts';
import { durationMinutes, isoMinutes } from '../time/duration.ts';
import type { LineOf } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';

/**
 * Backup figures of an evidence record, each with where it came from. Figures computed from
 * a tool's own output (an artifact with `tool`) are what the audit and the pages rely on; the
 * numbers typed in frontmatter (`backupJobs`, `restoreTest`) are kept as "stated" and checked
 * against the computed ones, so a hand-typed figure that the log contradicts cannot pass.
 */

type Computed = Extract<Provenance, { kind: 'computed' }>;
type Stated = Extract<Provenance, { kind: 'stated' }>;

export interface EvidenceFigures {
  /**
   * Per source (host, repository, stanza, schedule, resource), per artifact, with every gap
   * between successes longer than the program's strictest RPO target (pages mark them).
   */
  sources: (SourceFacts & { breaches: Gap[]; provenance: Computed })[];
  /** Every restore (test) the artifacts record. */
  restores: (RestoreFacts & { provenance: Computed })[];
  /** Jobs per source and day, for timelines and the share of days within the RPO. */
  days: (DayCount & { source: string; provenance: Computed })[];
  /** The figures typed in frontmatter, as typed. */
  stated: {
    backupJobs?: NonNullable<EvidenceData['backupJobs']> & { provenance: Stated };
    restoreTest?: NonNullable<EvidenceData['restoreTest']> & { provenance: Stated };
  };
}

/** One artifact that names the tool that wrote it, with its bytes (read once, while hashing). */
export interface ToolArtifact {
  index: number;
  path: string;
  tool: BackupTool;
  bytes: Buffer;
  /** How `proofbook import` read it (--source, --zone, --at), so the build reads it the same way. */
  importedWith?: ReadOptions | undefined;
}

/** Where a problem about one evidence record is written. */
interface RecordRef {
  file: string;
  lineOf: LineOf;
}

/**
 * Computes the figures of one evidence record from its tool artifacts and compares them with
 * the stated ones. Unreadable tool output and contradicted figures are pushed to `problems`
 * (as artifact problems: the model stays usable and the audit reports them).
 */
export function evidenceFigures(data: EvidenceData, ref: RecordRef, artifacts: ToolArtifact[], problems: Problem[], breachHours?: number): EvidenceFigures | undefined {
  const stated: EvidenceFigures['stated'] = {};
  const statedBy: Stated = { kind: 'stated', file: ref.file };
  if (data.backupJobs) stated.backupJobs = { ...data.backupJobs, provenance: statedBy };
  if (data.restoreTest) stated.restoreTest = { ...data.restoreTest, provenance: statedBy };
  if (!artifacts.length && !data.backupJobs && !data.restoreTest) return undefined;

  const figures: EvidenceFigures = { sources: [], restores: [], days: [], stated };
  const period = data.period ? { start: data.period.start, end: data.period.end } : undefined;
  for (const a of artifacts) {
    let read: ReturnType<typeof readToolOutput>;
    try {
      read = readToolOutput(a.tool, a.bytes, a.path, a.importedWith ?? {});
    } catch (error) {
      problems.push({
        code: 'artifact-format',
        file: ref.file,
        line: ref.lineOf(['artifacts', a.index, 'tool']),
        field: `artifacts[${a.index}].tool`,
        message: `Artifact "${a.path}" is marked as ${a.tool} output, but Proofbook cannot read it: ${error instanceof ImportError ? `${error.problem.message}${error.problem.line ? ` (line ${error.problem.line}${error.problem.field ? `, ${error.problem.field}` : ''})` : ''}` : error instanceof Error ? error.message : String(error)}`,
        fix: error instanceof ImportError && error.problem.fix ? error.problem.fix : `attach the tool's unedited output, or correct "tool"`,
      });
      continue;
    }
    const provenance: Computed = { kind: 'computed', artifact: a.path, tool: a.tool, parser: `${read.parser} (${read.shape})` };
    const folder = new JobFolder({ ...(period ? { period } : {}), ...(breachHours !== undefined ? { breachHours } : {}) });
    for (const job of read.jobs) folder.add(job);
    for (const s of folder.series()) {
      // Compared as the figures are shown (hours to the hundredth), so a nightly job a second late is no breach of 24 hours.
      figures.sources.push({ ...s.facts, breaches: s.breaches.filter((g) => g.hours > breachHours!), provenance });
      figures.days.push(...s.days.map((d) => ({ ...d, source: s.facts.source, provenance })));
    }
    figures.restores.push(...restoreFacts(read.restores).map((f) => ({ ...f, provenance })));
  }
  problems.push(...contradictions(figures, ref));
  return figures;
}

const minutesOf = (seconds: number) => Math.round(seconds / 60);

/** What the artifacts say about the stated figures: totals over sources, the worst gap, the test's span. */
export function computedTotals(f: EvidenceFigures) {
  const jobs = f.sources.length
    ? {
        runs: f.sources.reduce((n, s) => n + s.jobs, 0),
        failed: f.sources.reduce((n, s) => n + (s.jobs - s.succeeded), 0),
        longestGapMinutes: Math.max(0, ...f.sources.map((s) => (s.longestGap ? Math.round(s.longestGap.hours * 60) : 0))),
      }
    : undefined;
  const timed = f.restores.filter((r) => r.finished);
  const restore = f.restores.length
    ? {
        outcome: f.restores.every((r) => r.outcome === 'success') ? ('success' as const) : ('failure' as const),
        // A drill restores several systems; the service is usable when the last one is.
        durationMinutes: timed.length
          ? minutesOf((Math.max(...timed.map((r) => Date.parse(r.finished!))) - Math.min(...timed.map((r) => Date.parse(r.started)))) / 1000)
          : undefined,
      }
    : undefined;
  return { jobs, restore };
}

/** Every stated figure the artifacts contradict, naming both values and the artifact. */
function contradictions(f: EvidenceFigures, ref: RecordRef): Problem[] {
  const out: Problem[] = [];
  const { jobs, restore } = computedTotals(f);
  const artifactsOf = (list: { provenance: Computed }[]) => [...new Set(list.map((x) => x.provenance.artifact))].map((p) => `"${p}"`).join(', ');
  const push = (field: string, stated: string | number, computed: string | number, from: string) =>
    out.push({
      code: 'figure-mismatch',
      file: ref.file,
      line: ref.lineOf(field.split('.')),
      field,
      message: `${field} is stated as ${stated}, but ${from} gives ${computed}.`,
      fix: `correct ${field} to ${computed} (the artifact is the record; it must not be edited), or remove it and let Proofbook compute it`,
    });
  const b = f.stated.backupJobs;
  if (b && jobs) {
    const from = artifactsOf(f.sources);
    if (b.runs !== jobs.runs) push('backupJobs.runs', b.runs, jobs.runs, from);
    if (b.failed !== jobs.failed) push('backupJobs.failed', b.failed, jobs.failed, from);
    if (Math.round(durationMinutes(b.longestGap)) !== jobs.longestGapMinutes) push('backupJobs.longestGap', b.longestGap, isoMinutes(jobs.longestGapMinutes), from);
  }
  const t = f.stated.restoreTest;
  if (t && restore) {
    const from = artifactsOf(f.restores);
    if (t.outcome !== restore.outcome) push('restoreTest.outcome', t.outcome, restore.outcome, from);
    if (restore.durationMinutes !== undefined && Math.round(durationMinutes(t.duration)) !== restore.durationMinutes) {
      push('restoreTest.duration', t.duration, isoMinutes(restore.durationMinutes), from);
    }
  }
  return out;
}

/**
 * Per evidence id, the hours of the strictest RPO target among the measures it proves (linked
 * from either side), so the gaps kept as breaches are those that matter for its own measures.
 */
export function rpoHoursByEvidence(
  measures: readonly { data: { id: string; evidence: string[]; targets: { rpo?: string | undefined } } }[],
  evidence: readonly { data: { id: string; supports: { measures: string[] } } }[],
): Map<string, number> {
  const rpoOf = new Map<string, number>();
  for (const m of measures) if (m.data.targets.rpo) rpoOf.set(m.data.id, durationMinutes(m.data.targets.rpo) / 60);
  const out = new Map<string, number>();
  const note = (evidenceId: string, hours: number | undefined) => {
    if (hours !== undefined && !(out.get(evidenceId)! <= hours)) out.set(evidenceId, hours);
  };
  for (const m of measures) for (const id of m.data.evidence) note(id, rpoOf.get(m.data.id));
  for (const e of evidence) for (const id of e.data.supports.measures) note(e.data.id, rpoOf.get(id));
  return out;
}
