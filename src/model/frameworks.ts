import { BUILT_IN_CATALOGS, controlSlug } from '../catalogs/index.ts';
import type { FrameworkCatalog } from '../catalogs/types.ts';
import type { SourceFile } from '../content/load.ts';
import { customFrameworkSchema } from '../schemas/framework.ts';
import { parseWith } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import type { ControlNode, FrameworkNode } from './types.ts';

/** Built-in catalogs plus the organisation's own frameworks from content/frameworks/*.yaml. */
export function loadCatalogs(files: SourceFile[], problems: Problem[]): FrameworkCatalog[] {
  const catalogs: FrameworkCatalog[] = [...BUILT_IN_CATALOGS];
  for (const source of files) {
    if (source.kind !== 'framework') continue;
    problems.push(...source.problems);
    if (source.data === undefined) continue;
    const result = parseWith(customFrameworkSchema(), source.data, source.file, source.lineOf);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const f = result.value;
    if (catalogs.some((c) => c.id === f.id)) {
      problems.push({ code: 'duplicate-id', file: source.file, line: source.lineOf(['id']), field: 'id', message: `Framework id "${f.id}" is already taken.`, fix: 'choose another id; soc2 and iso27001 are built in' });
      continue;
    }
    const groupIds = new Set(f.groups.map((g) => g.id));
    const seen = new Set<string>();
    f.controls.forEach((c, i) => {
      if (seen.has(c.id)) problems.push({ code: 'duplicate-id', file: source.file, line: source.lineOf(['controls', i, 'id']), field: `controls[${i}].id`, message: `Duplicate control id "${c.id}".`, fix: 'each control id must be unique within the framework' });
      seen.add(c.id);
      if (c.group && !groupIds.has(c.group)) problems.push({ code: 'schema', file: source.file, line: source.lineOf(['controls', i, 'group']), field: `controls[${i}].group`, message: `Unknown group "${c.group}".`, fix: `declare it under groups, or use one of: ${[...groupIds].join(', ') || '(no groups declared)'}` });
    });
    const groups = f.groups.length ? f.groups.map((g) => ({ id: g.id, title: g.title, category: g.category ?? g.title })) : [{ id: 'all', title: f.name, category: f.name }];
    catalogs.push({
      id: f.id,
      name: f.name,
      edition: f.edition,
      source: f.source,
      itemLabel: f.itemLabel,
      builtIn: false,
      groups,
      controls: f.controls.map((c) => ({ id: c.id, title: c.title, group: c.group ?? groups[0]!.id })),
    });
  }
  return catalogs;
}

/** Framework and control nodes with empty relations, keyed "framework:id". */
export function frameworkNodes(catalogs: FrameworkCatalog[], inScope: Set<string>) {
  const controls = new Map<string, ControlNode>();
  const frameworks: FrameworkNode[] = catalogs.map((catalog) => {
    const node: FrameworkNode = { catalog, id: catalog.id, inScope: inScope.has(catalog.id), controls: [] };
    for (const c of catalog.controls) {
      const control: ControlNode = {
        ...c,
        key: `${catalog.id}:${c.id}`,
        framework: node,
        slug: controlSlug(c.id),
        inScope: false,
        measures: [],
        policies: [],
        evidence: [],
        areas: [],
        coverage: { status: 'gap', missing: [] },
      };
      node.controls.push(control);
      controls.set(control.key, control);
    }
    return node;
  });
  return { frameworks, controls };
}
