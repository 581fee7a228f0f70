import path from 'node:path';
import { readSources } from '../content/load.ts';
import type { YamlCache } from '../content/yaml-cache.ts';
import { ContentError, isArtifactProblem, sortProblems, type Problem } from '../validation/problem.ts';
import { loadCatalogs, frameworkNodes } from './frameworks.ts';
import { expiringBefore, markSuperseded, resolveAsOf } from './freshness.ts';
import { linkEntries } from './link-entries.ts';
import { areaNodes, evidenceNodes, measureNodes, policyNodes } from './nodes.ts';
import { parseEntries } from './parse-entries.ts';
import { checkConfigFrameworks, readConfig } from './program-config.ts';
import { checkFutureDates } from './plausibility.ts';
import { sortRelations, wireControls } from './relations.ts';
import { controlResolver } from './resolve-controls.ts';
import { applyScope } from './scope.ts';
import { loadTrust } from './trust.ts';
import type { EntryNode, Model } from './types.ts';

export interface BuildOptions {
  /** Content root (absolute or relative to cwd). */
  contentDir: string;
  /** Date for freshness and coverage; default: config.asOf, else today (UTC). */
  asOf?: string;
  /** Parsed YAML of earlier runs, by text (the CLI's; see src/content/yaml-cache.ts). */
  yamlCache?: YamlCache;
}

export interface BuildResult {
  /** The model, unless a problem other than an artifact problem prevented it. */
  model?: Model;
  /** Every problem found, sorted. Callers that publish must refuse when this is not empty. */
  problems: Problem[];
  /** What the body sanitiser will remove from published pages (src/content/sanitize.ts): reported, not fatal. */
  warnings?: Problem[];
}


/**
 * Builds the compliance model from a content folder, collecting every problem instead of
 * stopping at the first. Each step is a named pass: settings, catalogs and trust facts, entry
 * frontmatter, nodes, links, scope and coverage.
 */
export function buildModel(options: BuildOptions): BuildResult {
  const root = path.resolve(options.contentDir);
  const problems: Problem[] = [];
  const { config: configSource, files } = readSources(root, options.yamlCache);

  const config = readConfig(configSource, problems);
  const catalogs = loadCatalogs(files, problems);
  const trust = loadTrust(root, problems, catalogs.map((c) => c.id));
  const warnings: Problem[] = [];
  const entries = parseEntries(files, problems, warnings);
  const { frameworks, controls } = frameworkNodes(catalogs, new Set(config?.frameworks ?? ['soc2', 'iso27001']));
  const asOf = resolveAsOf(options.asOf, config);
  checkFutureDates(entries, asOf, problems);
  // Without settings there is no model either: freshness is then never read.
  const soon = config ? expiringBefore(asOf, config) : asOf;
  checkConfigFrameworks(config, configSource, catalogs, problems);

  const resolveControls = controlResolver(catalogs, controls, problems);
  const policies = policyNodes(entries, resolveControls);
  const areas = areaNodes();
  const evidence = evidenceNodes(entries, resolveControls, { root, asOf, soon }, problems);
  const measures = measureNodes(entries, resolveControls, areas);
  const all = new Map<string, EntryNode>();
  for (const e of [...policies, ...measures, ...evidence]) all.set(e.id, e);
  linkEntries(entries, all, measures, evidence, problems);

  wireControls(policies, measures, evidence);
  markSuperseded(evidence);
  applyScope(config, configSource?.lineOf, controls, problems, catalogs.map((c) => c.id));
  sortRelations({ controls: controls.values(), areas, policies, measures, evidence });

  // Artifact problems (missing, moved, tampered files) leave a usable model: the self-audit
  // reports them as findings beside everything else. Any other problem means no model.
  if (problems.some((p) => !isArtifactProblem(p))) return { problems: sortProblems(problems), warnings: sortProblems(warnings) };
  const model: Model = { asOf, config: config!, frameworks, controls, areas, policies, measures, evidence, entries: new Map([...all].sort(([a], [b]) => a.localeCompare(b))), trust };
  return { model, problems: sortProblems(problems), warnings: sortProblems(warnings) };
}

/** Like buildModel, but throws ContentError listing every problem (for callers that cannot go on without a model). */
export function loadModel(options: BuildOptions): Model {
  const { model, problems } = buildModel(options);
  if (!model || problems.length) throw new ContentError(problems);
  return model;
}
