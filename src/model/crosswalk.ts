import type { AreaNode, ControlLink, ControlNode, Model } from './types.ts';

export interface CrosswalkRow {
  from: ControlNode;
  /** Controls of the other framework; implied when every area linking them does so only by implication. */
  to: ControlLink[];
  areas: AreaNode[];
}

/**
 * The crosswalk the program's mapping implies: a control of framework A relates to a control
 * of framework B when some backup area maps to both. Rows follow A's catalog order.
 */
export function crosswalk(model: Model, a: string, b: string): CrosswalkRow[] {
  const rows = new Map<ControlNode, CrosswalkRow>();
  for (const area of model.areas) {
    for (const x of area.mapping[a] ?? []) {
      const row = rows.get(x.control) ?? { from: x.control, to: [], areas: [] };
      for (const y of area.mapping[b] ?? []) {
        const implied = x.implied || y.implied;
        const existing = row.to.find((t) => t.control === y.control);
        if (existing) existing.implied &&= implied;
        else row.to.push({ control: y.control, implied });
      }
      if (!row.areas.includes(area)) row.areas.push(area);
      rows.set(x.control, row);
    }
  }
  const order = (c: ControlNode) => c.framework.catalog.controls.findIndex((k) => k.id === c.id);
  for (const r of rows.values()) r.to.sort((p, q) => order(p.control) - order(q.control));
  return [...rows.values()].filter((r) => r.to.length).sort((p, q) => order(p.from) - order(q.from));
}
