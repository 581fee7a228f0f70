import type { SourceFile } from '../content/load.ts';
import type { Audience } from '../schemas/common.ts';
import type { Problem } from '../validation/problem.ts';
import { BACKUP_AREAS } from '../catalogs/backup-areas.ts';
import { checkArtifact } from './artifacts.ts';
import { dateFreshness, nextReview, validUntil } from './freshness.ts';
import { evidenceFigures, rpoHoursByEvidence, type ToolArtifact } from './figures.ts';
import type { ParsedEntries } from './parse-entries.ts';
import type { ResolveControls } from './resolve-controls.ts';
import type { AreaNode, EntryNode, EvidenceNode, MeasureNode, PolicyNode } from './types.ts';

/** What every entry node starts from: its kind, frontmatter, id, URL slug, visibility, file and body. */
function entry<T extends EntryNode['type'], D extends { id: string; visibility: Audience }>(type: T, data: D, source: SourceFile) {
  return { type, data, id: data.id, slug: data.id.toLowerCase(), visibility: data.visibility, file: source.file, body: source.body };
}

/** Pass: a node per policy, with its controls and when its next review falls due. */
export function policyNodes(entries: ParsedEntries, resolveControls: ResolveControls): PolicyNode[] {
  return entries.policies.map(({ data, source }) => ({
    ...entry('policy', data, source),
    controls: resolveControls(data.controls, source.file, source.lineOf, ['controls']),
    measures: [],
    nextReview: nextReview(data),
  }));
}

/** Pass: the eight backup areas, empty until measures are linked to them. */
export function areaNodes(): AreaNode[] {
  return BACKUP_AREAS.map((a) => ({ ...a, measures: [], mapping: {} }));
}

/**
 * Pass: a node per evidence record, its artifacts checked against their pinned hashes, its
 * freshness as of `asOf`, and the figures computed from the artifacts a backup tool wrote
 * (src/model/figures.ts; their bytes are kept only while hashing them).
 */
export function evidenceNodes(entries: ParsedEntries, resolveControls: ResolveControls, dates: { root: string; asOf: string; soon: string }, problems: Problem[]): EvidenceNode[] {
  const rpoHours = rpoHoursByEvidence(entries.measures, entries.evidence);
  return entries.evidence.map(({ data, source }) => {
    const until = validUntil(data.collected, data.validFor);
    const tools: ToolArtifact[] = [];
    return {
      ...entry('evidence', data, source),
      controls: resolveControls(data.supports.controls, source.file, source.lineOf, ['supports', 'controls']),
      measures: [],
      artifacts: data.artifacts.map((a, i) => {
        const check = checkArtifact(dates.root, a.path, a.sha256, a.tool !== undefined);
        if (check.problem) problems.push({ file: source.file, line: source.lineOf(['artifacts', i, 'path']), field: `artifacts[${i}]`, ...check.problem });
        if (a.tool && check.bytes) tools.push({ index: i, path: a.path, tool: a.tool, bytes: check.bytes, importedWith: a.importedWith });
        return { path: a.path, sha256: a.sha256, actual: check.actual, size: check.size, visibility: a.visibility ?? 'auditor', intact: !check.problem, mayHoldSecret: check.mayHoldSecret };
      }),
      validUntil: until,
      freshness: dateFreshness(until, dates.asOf, dates.soon),
      figures: evidenceFigures(data, source, tools, problems, rpoHours.get(data.id)),
    };
  });
}

/** Pass: a node per measure, in its area. */
export function measureNodes(entries: ParsedEntries, resolveControls: ResolveControls, areas: AreaNode[]): MeasureNode[] {
  const areaById = new Map(areas.map((a) => [a.id, a]));
  return entries.measures.map(({ data, source }) => ({
    ...entry('measure', data, source),
    area: areaById.get(data.area)!,
    controls: resolveControls(data.controls, source.file, source.lineOf, ['controls']),
    policies: [],
    evidence: [],
  }));
}
