import { sortRelations, wireControls } from '../model/relations.ts';
import type { Audience } from '../schemas/common.ts';
import type { ControlMapInput } from '../schemas/common.ts';
import type { TrustData } from '../schemas/trust.ts';
import type {
  AreaNode,
  ArtifactNode,
  ControlLink,
  ControlNode,
  Coverage,
  EntryNode,
  EvidenceNode,
  FrameworkNode,
  MeasureNode,
  Model,
  PolicyNode,
} from '../model/types.ts';
import type { EvidenceFigures } from '../model/figures.ts';
import { fieldVisibility, isOutsideAudience, narrowest, visibleTo, type FieldName } from './visibility.ts';


/**
 * The model as one audience may see it: a new Model of the same types holding only the
 * entries visible to `audience`, with every relation pruned to what remains and every field
 * the audience may not see removed (strings emptied, lists emptied, optional fields dropped).
 * Pages render this view and nothing else, so they never decide visibility themselves.
 *
 * Coverage keeps the status computed on the whole program (a control proven by auditor-only
 * evidence is still covered), but outside audiences (public, customer) get the status alone:
 * what is missing and why a control does not apply are internal detail.
 */
export function viewFor(model: Model, audience: Audience): Model {
  const sees = (v: Audience) => visibleTo(v, audience);
  const outside = isOutsideAudience(audience);
  const { frameworks, controls } = frameworkView(model, outside);
  const areas: AreaNode[] = model.areas.map((a) => ({ id: a.id, title: a.title, summary: a.summary, reference: a.reference, measures: [], mapping: {} }));
  const visible = new Set([...model.entries.values()].filter((e) => sees(e.visibility)).map((e) => e.id));
  const cut: Cut = {
    sees,
    field: (e, name) => sees(fieldVisibility(e, name)),
    relink: (links) => links.map((l) => ({ control: controls.get(l.control.key)!, implied: l.implied, ...(l.note !== undefined ? { note: l.note } : {}) })),
    controlMap: (map, keep) => (keep ? structuredClone(map) : {}),
    ids: (list) => list.filter((id) => visible.has(id)),
    areaById: new Map(areas.map((a) => [a.id, a])),
  };
  const policies = model.policies.filter((p) => visible.has(p.id)).map((p) => policyView(p, cut));
  const evidence = model.evidence.filter((e) => visible.has(e.id)).map((e) => evidenceView(e, cut));
  const measures = model.measures.filter((m) => visible.has(m.id)).map((m) => measureView(m, cut));
  const all = relinkEntries(model, policies, measures, evidence);

  // Control relations, rebuilt from the visible mappings exactly as the model builds them.
  wireControls(policies, measures, evidence);
  sortRelations({ controls: controls.values(), areas, policies, measures, evidence });

  return {
    asOf: model.asOf,
    config: configView(model, outside),
    frameworks,
    controls,
    areas,
    policies,
    measures,
    evidence,
    entries: new Map([...all].sort(([a], [b]) => a.localeCompare(b))),
    ...(model.trust ? { trust: trustFor(model.trust, audience) } : {}),
    audience,
  };
}

/** What the per-entry passes share: who sees what, and the view's own controls and areas. */
interface Cut {
  sees: (v: Audience) => boolean;
  field: <E extends EntryNode>(e: E, name: FieldName<E['type']>) => boolean;
  relink: (links: ControlLink[]) => ControlLink[];
  controlMap: (map: ControlMapInput, keep: boolean) => ControlMapInput;
  ids: (list: string[]) => string[];
  areaById: Map<string, AreaNode>;
}

/** Pass: frameworks and controls. Catalog data is public; relations are rebuilt afterwards. */
function frameworkView(model: Model, outside: boolean): { frameworks: FrameworkNode[]; controls: Map<string, ControlNode> } {
  const frameworks: FrameworkNode[] = [];
  const controls = new Map<string, ControlNode>();
  for (const f of model.frameworks) {
    const fw: FrameworkNode = { catalog: f.catalog, id: f.id, inScope: f.inScope, controls: [] };
    frameworks.push(fw);
    for (const c of f.controls) {
      const copy: ControlNode = {
        ...c,
        framework: fw,
        measures: [],
        policies: [],
        evidence: [],
        areas: [],
        coverage: outside ? statusOnly(c.coverage) : { ...c.coverage, missing: [...c.coverage.missing] },
      };
      fw.controls.push(copy);
      controls.set(copy.key, copy);
    }
  }
  return { frameworks, controls };
}

/** Pass: one policy as the audience may see it. */
function policyView(p: PolicyNode, cut: Cut): PolicyNode {
  const { field, relink, controlMap } = cut;
  const d = p.data;
  const showControls = field(p, 'controls');
  const { summary: _s, ...rest } = structuredClone(d);
  return {
    ...p,
    body: field(p, 'body') ? p.body : '',
    data: {
      ...rest,
      ...(d.summary !== undefined && field(p, 'summary') ? { summary: d.summary } : {}),
      owner: field(p, 'owner') ? d.owner : '',
      approvals: field(p, 'approvals') ? structuredClone(d.approvals) : [],
      controls: controlMap(d.controls, showControls),
    },
    controls: showControls ? relink(p.controls) : [],
    measures: [],
  };
}

/** Pass: one evidence record as the audience may see it. */
function evidenceView(e: EvidenceNode, cut: Cut): EvidenceNode {
  const { field, relink, controlMap, ids, sees } = cut;
  const d = e.data;
  const showControls = field(e, 'controls');
  const artifacts: ArtifactNode[] = e.artifacts.filter((a) => sees(narrowest(e.visibility, a.visibility))).map((a) => ({ ...a }));
  const kept = new Set(artifacts.map((a) => a.path));
  const { restoreTest, backupJobs, ...rest } = structuredClone(d);
  return {
    ...e,
    body: field(e, 'body') ? e.body : '',
    data: {
      ...rest,
      ...(restoreTest && field(e, 'restoreTest') ? { restoreTest } : {}),
      ...(backupJobs && field(e, 'backupJobs') ? { backupJobs } : {}),
      source: field(e, 'source') ? d.source : '',
      collectedBy: field(e, 'collectedBy') ? d.collectedBy : '',
      artifacts: d.artifacts.filter((a) => kept.has(a.path)),
      supports: { controls: controlMap(d.supports.controls, showControls), measures: ids(d.supports.measures) },
    },
    controls: showControls ? relink(e.controls) : [],
    measures: [],
    artifacts,
    ...(e.figures ? { figures: figuresFor(e.figures, field(e, 'backupJobs'), field(e, 'restoreTest')) } : {}),
  };
}

/** Pass: one measure as the audience may see it. */
function measureView(m: MeasureNode, cut: Cut): MeasureNode {
  const { field, relink, controlMap, ids, areaById } = cut;
  const d = m.data;
  const showControls = field(m, 'controls');
  const { summary: _s, ...rest } = structuredClone(d);
  return {
    ...m,
    body: field(m, 'body') ? m.body : '',
    data: {
      ...rest,
      ...(d.summary !== undefined && field(m, 'summary') ? { summary: d.summary } : {}),
      owner: field(m, 'owner') ? d.owner : '',
      targets: field(m, 'targets') ? structuredClone(d.targets) : {},
      controls: controlMap(d.controls, showControls),
      policies: ids(d.policies),
      evidence: ids(d.evidence),
    },
    area: areaById.get(m.area.id)!,
    controls: showControls ? relink(m.controls) : [],
    policies: [],
    evidence: [],
  };
}

/** Pass: entry relations, pruned to what is visible on both ends; returns every entry by id. */
function relinkEntries(model: Model, policies: PolicyNode[], measures: MeasureNode[], evidence: EvidenceNode[]): Map<string, EntryNode> {
  const all = new Map<string, EntryNode>([...policies, ...measures, ...evidence].map((e) => [e.id, e]));
  for (const m of measures) {
    const source = model.entries.get(m.id) as MeasureNode;
    m.area.measures.push(m);
    m.policies = source.policies.flatMap((p) => (all.has(p.id) ? [all.get(p.id) as PolicyNode] : []));
    m.evidence = source.evidence.flatMap((e) => (all.has(e.id) ? [all.get(e.id) as EvidenceNode] : []));
    for (const p of m.policies) p.measures.push(m);
    for (const e of m.evidence) e.measures.push(m);
  }
  return all;
}

/** Pass: the program settings. Why a control does not apply, and which controls were pulled into scope, are written for auditors. */
function configView(model: Model, outside: boolean): Model['config'] {
  const config = structuredClone(model.config);
  if (outside) {
    config.notApplicable = [];
    config.scope = { ...config.scope, include: [] };
  }
  return config;
}

/** Job figures go with the `backupJobs` field's visibility, restore figures with `restoreTest`'s. */
function figuresFor(f: EvidenceFigures, jobs: boolean, restores: boolean): EvidenceFigures {
  const c = structuredClone(f);
  return {
    sources: jobs ? c.sources : [],
    days: jobs ? c.days : [],
    restores: restores ? c.restores : [],
    stated: { ...(jobs && c.stated.backupJobs ? { backupJobs: c.stated.backupJobs } : {}), ...(restores && c.stated.restoreTest ? { restoreTest: c.stated.restoreTest } : {}) },
  };
}

function statusOnly(c: Coverage): Coverage {
  return { status: c.status, missing: [] };
}

/**
 * Trust-center items visible to the audience. Links to documents shared under NDA (access:
 * customer) are kept only for audiences that may have them; others get "request access".
 */
export function trustFor(trust: TrustData, audience: Audience): TrustData {
  const sees = (v: Audience) => visibleTo(v, audience);
  const keepUrl = <T extends { access: Audience; url?: string | undefined }>(item: T): T => {
    if (item.url === undefined || sees(item.access)) return { ...item };
    const { url: _u, ...rest } = item;
    return rest as T;
  };
  const t = structuredClone(trust);
  return {
    ...t,
    attestations: t.attestations.filter((a) => sees(a.visibility)).map(keepUrl),
    documents: t.documents.filter((d) => sees(d.visibility)).map(keepUrl),
    subprocessors: t.subprocessors.filter((s) => sees(s.visibility)),
    faq: t.faq.filter((f) => sees(f.visibility)),
    changes: t.changes.filter((c) => sees(c.visibility)),
  };
}

