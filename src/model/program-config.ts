import type { SourceFile } from '../content/load.ts';
import { programConfigSchema, type ProgramConfig } from '../schemas/config.ts';
import { parseWith } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';
import type { FrameworkCatalog } from '../catalogs/types.ts';

/** Pass: the program settings (proofbook.yaml), validated; undefined when missing or invalid. */
export function readConfig(configSource: SourceFile | undefined, problems: Problem[]): ProgramConfig | undefined {
  if (!configSource) {
    problems.push({ file: 'proofbook.yaml', code: 'config', message: 'The program settings file is missing.', fix: 'create proofbook.yaml in the content folder with at least: organisation: { name: "Your company" }' });
    return undefined;
  }
  problems.push(...configSource.problems);
  if (configSource.data === undefined && configSource.problems.length) return undefined;
  const parsed = parseWith(programConfigSchema(), configSource.data ?? {}, configSource.file, configSource.lineOf);
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return undefined;
}

/** Pass: every framework the settings name is a catalog the program has. */
export function checkConfigFrameworks(config: ProgramConfig | undefined, configSource: SourceFile | undefined, catalogs: FrameworkCatalog[], problems: Problem[]): void {
  if (!config || !configSource) return;
  config.frameworks.forEach((id, i) => {
    if (!catalogs.some((c) => c.id === id)) {
      problems.push({ code: 'config', file: configSource.file, line: configSource.lineOf(['frameworks', i]), field: `frameworks[${i}]`, message: `Unknown framework "${id}".${didYouMean(id, catalogs.map((c) => c.id))}`, fix: `use soc2, iso27001 or the id of a file in frameworks/` });
    }
  });
}
