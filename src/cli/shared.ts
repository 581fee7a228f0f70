import { isIsoDate } from '../time/dates.ts';
import { buildModel, type BuildResult } from '../model/build.ts';
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

/** Builds the model for a command, printing the problem list when there is one. */
export function modelFor(values: Record<string, unknown>): BuildResult & { contentLabel: string } {
  const contentDir = String(values.content ?? 'content');
  const contentLabel = path.relative(process.cwd(), path.resolve(contentDir)).split(path.sep).join('/') || '.';
  const yamlCache = YamlCache.forContent(contentDir);
  const built = buildModel({ contentDir, asOf: asOfOption(values['as-of']), yamlCache });
  yamlCache.save();
  const result = { ...built, problems: sortProblems([...built.problems, ...dataFileProblems(path.resolve(contentDir))]) };
  if (result.warnings?.length) process.stderr.write(`${formatWarnings(result.warnings, contentLabel)}\n${result.problems.length ? '\n' : ''}`);
  if (result.problems.length) process.stderr.write(`${formatProblems(result.problems, contentLabel)}\n`);
  // check and build refuse on any problem; the audit uses buildModel directly to report them as findings.
  return { model: result.problems.length ? undefined : result.model, problems: result.problems, contentLabel };
}
