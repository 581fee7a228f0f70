import path from 'node:path';
import { BACKUP_AREAS } from '../catalogs/backup-areas.ts';
import { readSources } from '../content/load.ts';
import { programConfigSchema, type ProgramConfig } from '../schemas/config.ts';
import { parseWith, type LineOf } from '../validation/parse.ts';
import { ContentError, isArtifactProblem, sortProblems, type Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';
import { loadTrust } from './trust.ts';
import { checkArtifact } from './artifacts.ts';
import { controlCoverage } from './coverage.ts';
import { loadCatalogs, frameworkNodes } from './frameworks.ts';
import { dateFreshness, expiringBefore, markSuperseded, nextReview, resolveAsOf, validUntil } from './freshness.ts';
import { parseEntries } from './parse-entries.ts';
import { sortRelations, wireControls } from './relations.ts';
import type { ControlLink, ControlNode, EntryNode, EvidenceNode, MeasureNode, Model, PolicyNode, AreaNode } from './types.ts';
import type { ControlMapInput } from '../schemas/common.ts';

export interface BuildOptions {
  /** Content root (absolute or relative to cwd). */
  contentDir: string;
  /** Date for freshness and coverage; default: config.asOf, else today (UTC). */
  asOf?: string;
}

export interface BuildResult {
  /** The model, unless a problem other than an artifact problem prevented it. */
  model?: Model;
  /** Every problem found, sorted. Callers that publish must refuse when this is not empty. */
  problems: Problem[];
}


/** Builds the compliance model from a content folder, collecting every problem instead of stopping at the first. */
export function buildModel(options: BuildOptions): BuildResult {
  const root = path.resolve(options.contentDir);
  const problems: Problem[] = [];
  const { config: configSource, files } = readSources(root);

  let config: ProgramConfig | undefined;
  if (!configSource) {
    problems.push({ file: 'proofbook.yaml', code: 'config', message: 'The program settings file is missing.', fix: 'create proofbook.yaml in the content folder with at least: organisation: { name: "Your company" }' });
  } else {
    problems.push(...configSource.problems);
    if (configSource.data !== undefined || !configSource.problems.length) {
      const parsed = parseWith(programConfigSchema(), configSource.data ?? {}, configSource.file, configSource.lineOf);
      if (parsed.ok) config = parsed.value;
      else problems.push(...parsed.problems);
    }
  }

  const catalogs = loadCatalogs(files, problems);
  const trust = loadTrust(root, problems, catalogs.map((c) => c.id));
  const entries = parseEntries(files, problems);
  const scopeIds = new Set(config?.frameworks ?? ['soc2', 'iso27001']);
  const { frameworks, controls } = frameworkNodes(catalogs, scopeIds);
  const asOf = resolveAsOf(options.asOf, config);
  // Without settings there is no model either: freshness is then never read.
  const soon = config ? expiringBefore(asOf, config) : asOf;

  if (config && configSource) {
    config.frameworks.forEach((id, i) => {
      if (!catalogs.some((c) => c.id === id)) {
        problems.push({ code: 'config', file: configSource.file, line: configSource.lineOf(['frameworks', i]), field: `frameworks[${i}]`, message: `Unknown framework "${id}".${didYouMean(id, catalogs.map((c) => c.id))}`, fix: `use soc2, iso27001 or the id of a file in frameworks/` });
      }
    });
  }

  /** Resolves { soc2: [CC6.1, ...] } to control links, reporting unknown frameworks and ids with suggestions. */
  const resolveControls = (map: ControlMapInput, file: string, lineOf: LineOf, base: string[]): ControlLink[] => {
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

  const policies: PolicyNode[] = entries.policies.map(({ data, source }) => ({
    type: 'policy',
    data,
    id: data.id,
    slug: data.id.toLowerCase(),
    visibility: data.visibility,
    file: source.file,
    body: source.body,
    controls: resolveControls(data.controls, source.file, source.lineOf, ['controls']),
    measures: [],
    nextReview: nextReview(data),
  }));

  const areas: AreaNode[] = BACKUP_AREAS.map((a) => ({ ...a, measures: [], mapping: {} }));
  const areaById = new Map(areas.map((a) => [a.id, a]));

  const root_ = root;
  const evidence: EvidenceNode[] = entries.evidence.map(({ data, source }) => {
    const until = validUntil(data.collected, data.validFor);
    return {
      type: 'evidence',
      data,
      id: data.id,
      slug: data.id.toLowerCase(),
      visibility: data.visibility,
      file: source.file,
      body: source.body,
      controls: resolveControls(data.supports.controls, source.file, source.lineOf, ['supports', 'controls']),
      measures: [],
      artifacts: data.artifacts.map((a, i) => {
        const check = checkArtifact(root_, a.path, a.sha256);
        if (check.problem) problems.push({ file: source.file, line: source.lineOf(['artifacts', i, 'path']), field: `artifacts[${i}]`, ...check.problem });
        return { path: a.path, sha256: a.sha256, actual: check.actual, size: check.size, visibility: a.visibility ?? 'auditor', intact: !check.problem, mayHoldSecret: check.mayHoldSecret };
      }),
      validUntil: until,
      freshness: dateFreshness(until, asOf, soon),
    };
  });

  const measures: MeasureNode[] = entries.measures.map(({ data, source }) => ({
    type: 'measure',
    data,
    id: data.id,
    slug: data.id.toLowerCase(),
    visibility: data.visibility,
    file: source.file,
    body: source.body,
    area: areaById.get(data.area)!,
    controls: resolveControls(data.controls, source.file, source.lineOf, ['controls']),
    policies: [],
    evidence: [],
  }));

  const all = new Map<string, EntryNode>();
  for (const e of [...policies, ...measures, ...evidence]) all.set(e.id, e);
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
      message: found ? `"${id}" is a ${found.type}, not a ${type}.` : `Unknown ${type} id "${id}".${didYouMean(id, candidates)}`,
      fix: `use the id of an existing ${type} (see ${type === 'policy' ? 'policies' : type === 'measure' ? 'measures' : 'evidence'}/)`,
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

  wireControls(policies, measures, evidence);
  markSuperseded(evidence);
  applyScope(config, configSource?.lineOf, controls, problems, catalogs.map((c) => c.id));

  sortRelations({ controls: controls.values(), areas, policies, measures, evidence });

  // Artifact problems (missing, moved, tampered files) leave a usable model: the self-audit
  // reports them as findings beside everything else. Any other problem means no model.
  if (problems.some((p) => !isArtifactProblem(p))) return { problems: sortProblems(problems) };
  const model: Model = { asOf, config: config!, frameworks, controls, areas, policies, measures, evidence, entries: new Map([...all].sort(([a], [b]) => a.localeCompare(b))), trust };
  return { model, problems: sortProblems(problems) };
}

/** Marks controls in or out of scope and computes coverage; validates the config's control references. */
function applyScope(config: ProgramConfig | undefined, lineOf: LineOf | undefined, controls: Map<string, ControlNode>, problems: Problem[], frameworkIds: string[]) {
  const na = new Map<string, string>();
  const check = (key: string, field: (string | number)[]) => {
    if (controls.has(key)) return true;
    const [fw] = key.split(':');
    const pool = frameworkIds.includes(fw!) ? [...controls.keys()].filter((k) => k.startsWith(`${fw}:`)) : frameworkIds.map((f) => `${f}:…`);
    problems.push({ code: 'unknown-control', file: 'proofbook.yaml', line: lineOf?.(field), field: field.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace('.[', '['), message: `Unknown control "${key}".${didYouMean(key, pool)}`, fix: 'write it as framework:id with an id from that catalog, e.g. soc2:P1.1' });
    return false;
  };
  config?.notApplicable.forEach((n, i) => check(n.control, ['notApplicable', i, 'control']) && na.set(n.control, n.reason));
  const include = new Set<string>();
  config?.scope.include.forEach((k, i) => check(k, ['scope', 'include', i]) && include.add(k));
  const mode = config?.scope.mode ?? 'mapped';
  for (const c of controls.values()) {
    const mapped = c.measures.length + c.policies.length + c.evidence.length > 0;
    c.inScope = c.framework.inScope && !na.has(c.key) && (mode === 'all' || mapped || include.has(c.key));
    let reason = na.get(c.key);
    if (!reason && !c.inScope) {
      reason = c.framework.inScope
        ? 'Outside the scope of this program: no measure, policy or evidence maps to it (scope mode "mapped").'
        : 'The framework is not in scope for this program.';
    }
    c.coverage = controlCoverage(c, reason);
  }
}

/** Like buildModel, but throws ContentError listing every problem (for callers that cannot go on without a model). */
export function loadModel(options: BuildOptions): Model {
  const { model, problems } = buildModel(options);
  if (!model || problems.length) throw new ContentError(problems);
  return model;
}
