import type { Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';
import { invalidReference, type ParsedEntries } from './parse-entries.ts';
import type { EntryNode, EvidenceNode, MeasureNode } from './types.ts';

/**
 * Pass: links measures to their policies and evidence, and evidence to the measures it
 * supports, both ways, reporting every reference to an id that does not exist.
 */
export function linkEntries(entries: ParsedEntries, all: Map<string, EntryNode>, measures: MeasureNode[], evidence: EvidenceNode[], problems: Problem[]): void {
  /** `line` is only worked out when the reference is broken (finding lines re-reads the YAML). */
  const lookup = <T extends EntryNode['type']>(id: string, type: T, file: string, line: () => number | undefined, field: string) => {
    const found = all.get(id);
    if (found?.type === type) return found as Extract<EntryNode, { type: T }>;
    const candidates = [...all.values()].filter((e) => e.type === type).map((e) => e.id);
    problems.push({
      code: 'unknown-reference',
      file,
      line: line(),
      field,
      message: found ? `"${id}" is a ${found.type}, not a ${type}.` : invalidReference(id, entries.invalid) ?? `Unknown ${type} id "${id}".${didYouMean(id, candidates)}`,
      fix: entries.invalid.has(id) && !found ? `fix the problems in ${entries.invalid.get(id)}` : `use the id of an existing ${type} (see ${type === 'policy' ? 'policies' : type === 'measure' ? 'measures' : 'evidence'}/)`,
    });
    return undefined;
  };
  const link = <A, B>(list: A[], item: A, back: B[], other: B) => {
    if (!list.includes(item)) list.push(item);
    if (!back.includes(other)) back.push(other);
  };

  entries.measures.forEach(({ data, source }, i) => {
    const m = measures[i]!;
    m.area.measures.push(m);
    data.policies.forEach((id, j) => {
      const p = lookup(id, 'policy', source.file, () => source.lineOf(['policies', j]), `policies[${j}]`);
      if (p) link(m.policies, p, p.measures, m);
    });
    data.evidence.forEach((id, j) => {
      const e = lookup(id, 'evidence', source.file, () => source.lineOf(['evidence', j]), `evidence[${j}]`);
      if (e) link(m.evidence, e, e.measures, m);
    });
  });
  entries.evidence.forEach(({ data, source }, i) => {
    const e = evidence[i]!;
    data.supports.measures.forEach((id, j) => {
      const m = lookup(id, 'measure', source.file, () => source.lineOf(['supports', 'measures', j]), `supports.measures[${j}]`);
      if (m) link(m.evidence, e, e.measures, m);
    });
  });
}
