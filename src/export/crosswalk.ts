import { crosswalk } from '../model/crosswalk.ts';
import type { ExportContext } from './context.ts';
import type { Table } from './table.ts';

/**
 * The SOC 2 ↔ ISO 27001 crosswalk as the program maps it (src/model/crosswalk.ts), one row
 * per pair so a spreadsheet can filter either side.
 */
export interface CrosswalkPair {
  soc2: string;
  soc2Title: string;
  iso27001: string;
  iso27001Title: string;
  /** "implied" when every area linking them maps one side only by implication. */
  relation: 'direct' | 'implied';
  areas: string[];
  link?: string;
}

export function crosswalkPairs(ctx: ExportContext): CrosswalkPair[] {
  if (!['soc2', 'iso27001'].every((id) => ctx.view.frameworks.some((f) => f.id === id && f.inScope))) return [];
  return crosswalk(ctx.view, 'soc2', 'iso27001').flatMap((r) =>
    r.to.map((t) => ({
      soc2: r.from.id,
      soc2Title: r.from.title,
      iso27001: t.control.id,
      iso27001Title: t.control.title,
      relation: t.implied ? ('implied' as const) : ('direct' as const),
      areas: r.areas.map((a) => a.id),
      ...(ctx.link ? { link: ctx.link.control(r.from) } : {}),
    })),
  );
}

export function crosswalkTable(rows: CrosswalkPair[]): Table {
  return {
    name: 'Crosswalk',
    columns: [
      { header: 'SOC 2', width: 10 },
      { header: 'SOC 2 title', width: 40 },
      { header: 'ISO 27001', width: 11 },
      { header: 'ISO 27001 title', width: 40 },
      { header: 'Relation', width: 10 },
      { header: 'Through backup areas', width: 36 },
    ],
    rows: rows.map((r) => [r.soc2, r.soc2Title, r.iso27001, r.iso27001Title, r.relation, r.areas.join('\n')]),
    links: rows.map((r) => r.link),
  };
}
