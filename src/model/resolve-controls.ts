import type { FrameworkCatalog } from '../catalogs/types.ts';
import type { ControlMapInput } from '../schemas/common.ts';
import type { LineOf } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';
import type { ControlLink, ControlNode } from './types.ts';

export type ResolveControls = (map: ControlMapInput, file: string, lineOf: LineOf, base: string[]) => ControlLink[];

/** Resolves { soc2: [CC6.1, ...] } to control links, reporting unknown frameworks and ids with suggestions. */
export function controlResolver(catalogs: FrameworkCatalog[], controls: Map<string, ControlNode>, problems: Problem[]): ResolveControls {
  return (map, file, lineOf, base) => {
    const links: ControlLink[] = [];
    for (const [fw, refs] of Object.entries(map)) {
      const catalog = catalogs.find((c) => c.id === fw);
      if (!catalog) {
        problems.push({ code: 'unknown-control', file, line: lineOf([...base, fw]), field: [...base, fw].join('.'), message: `Unknown framework "${fw}".${didYouMean(fw, catalogs.map((c) => c.id))}`, fix: 'use soc2, iso27001 or the id of a framework in frameworks/' });
        continue;
      }
      refs.forEach((ref, i) => {
        const { id, implied, note } = typeof ref === 'string' ? { id: ref, implied: false, note: undefined } : ref;
        const control = controls.get(`${fw}:${id}`);
        if (!control) {
          problems.push({
            code: 'unknown-control',
            file,
            line: lineOf([...base, fw, i]),
            field: `${[...base, fw].join('.')}[${i}]`,
            message: `Unknown ${catalog.name} ${catalog.itemLabel} "${id}".${didYouMean(id, catalog.controls.map((c) => c.id))}`,
            fix: `use an id from the ${catalog.name} catalog (npx proofbook controls ${fw})`,
          });
          return;
        }
        if (!links.some((l) => l.control === control)) links.push({ control, implied, note });
      });
    }
    return links;
  };
}
