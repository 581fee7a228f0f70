import type { AreaNode, ControlNode, EvidenceNode, MeasureNode, PolicyNode } from './types.ts';

/**
 * The control side of the graph, shared by the model build and every audience view so both
 * wire and order relations identically: a control's measures are those mapping to it; its
 * policies and evidence are those mapping to it directly plus those of its measures; each
 * area's live mapping is the union of its measures' mappings (implied only if every one is).
 * Lists are deduplicated with sets: a control may gather thousands of evidence items.
 */
export function wireControls(policies: PolicyNode[], measures: MeasureNode[], evidence: EvidenceNode[]): void {
  const seen = new Map<unknown[], Set<unknown>>();
  const attach = <T>(list: T[], item: T) => {
    let set = seen.get(list);
    if (!set) seen.set(list, (set = new Set(list)));
    if (!set.has(item)) {
      set.add(item);
      list.push(item);
    }
  };
  for (const p of policies) for (const l of p.controls) attach(l.control.policies, p);
  for (const e of evidence) for (const l of e.controls) attach(l.control.evidence, e);
  for (const m of measures) {
    for (const l of m.controls) {
      attach(l.control.measures, m);
      attach(l.control.areas, m.area);
      for (const p of m.policies) attach(l.control.policies, p);
      for (const e of m.evidence) attach(l.control.evidence, e);
      const live = (m.area.mapping[l.control.framework.id] ??= []);
      const existing = live.find((x) => x.control === l.control);
      if (existing) existing.implied &&= l.implied;
      else live.push({ ...l });
    }
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** Deterministic order everywhere: entries by id, areas in the eight-area order, mappings in catalog order. */
export function sortRelations(parts: { controls: Iterable<ControlNode>; areas: AreaNode[]; policies: PolicyNode[]; measures: MeasureNode[]; evidence: EvidenceNode[] }): void {
  const { areas, policies, measures, evidence } = parts;
  const catalogIndex = new Map<ControlNode, number>();
  const order = (c: ControlNode) => {
    let i = catalogIndex.get(c);
    if (i === undefined) catalogIndex.set(c, (i = c.framework.catalog.controls.findIndex((x) => x.id === c.id)));
    return i;
  };
  for (const list of [policies, measures, evidence] as { id: string }[][]) list.sort(byId);
  for (const c of parts.controls) {
    c.measures.sort(byId);
    c.policies.sort(byId);
    c.evidence.sort(byId);
    c.areas.sort((a, b) => areas.indexOf(a) - areas.indexOf(b));
  }
  for (const a of areas) {
    a.measures.sort(byId);
    for (const links of Object.values(a.mapping)) links.sort((x, y) => order(x.control) - order(y.control));
  }
  for (const m of measures) {
    m.policies.sort(byId);
    m.evidence.sort(byId);
  }
  for (const e of [...policies, ...evidence]) e.measures.sort(byId);
}
