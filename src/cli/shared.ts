import { isIsoDate } from '../time/dates.ts';
import { buildModel, type BuildOptions, type BuildResult } from '../model/build.ts';
import { YamlCache } from '../content/yaml-cache.ts';
import { formatProblems, formatWarnings, sortProblems } from '../validation/problem.ts';
import { dataFileProblems } from './data-files.ts';
import { UsageError } from './command.ts';
import path from 'node:path';

/** Validates --as-of. */
export function asOfOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, got "${String(value)}"`);
  return value;
}

/** buildModel with the program's YAML cache (src/content/yaml-cache.ts), read before and written after. */
export function buildModelCached(options: Omit<BuildOptions, 'yamlCache'>): BuildResult {
  const yamlCache = YamlCache.forContent(options.contentDir);
  const built = buildModel({ ...options, yamlCache });
  yamlCache.save();
  return built;
}

/** Builds the model for a command, printing the problem list when there is one. */
export function modelFor(values: Record<string, unknown>): BuildResult & { contentLabel: string } {
  const contentDir = String(values.content ?? 'content');
  const contentLabel = path.relative(process.cwd(), path.resolve(contentDir)).split(path.sep).join('/') || '.';
  const built = buildModelCached({ contentDir, asOf: asOfOption(values['as-of']) });
  const result = { ...built, problems: sortProblems([...built.problems, ...dataFileProblems(path.resolve(contentDir))]) };
  if (result.warnings?.length) process.stderr.write(`${formatWarnings(result.warnings, contentLabel)}\n${result.problems.length ? '\n' : ''}`);
  if (result.problems.length) process.stderr.write(`${formatProblems(result.problems, contentLabel)}\n`);
  // check and build refuse on any problem; the audit calls buildModelCached itself to report them as findings.
  return { model: result.problems.length ? undefined : result.model, problems: result.problems, contentLabel };
}
