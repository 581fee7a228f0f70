import type { EvidenceData } from '../schemas/evidence.ts';
import type { EvidenceFigures } from './figures.ts';
import type { MeasureData } from '../schemas/measure.ts';
import type { PolicyData } from '../schemas/policy.ts';
import type { ProgramConfig } from '../schemas/config.ts';
import type { ControlLink, Coverage, Freshness, Model } from './types.ts';

/**
 * The compliance model as plain JSON (model.json in every snapshot bundle): the graph
 * flattened to ids, every list sorted, paths content-relative (never absolute), no clock.
 * The same content and "as of" date always give the same bytes.
 */
export const MODEL_JSON_FORMAT = 'proofbook-model/1';

export interface LinkJson {
  /** Control key, "soc2:CC6.1". */
  control: string;
  implied: boolean;
  note?: string;
}

export interface PolicyJson {
  id: string;
  file: string;
  data: PolicyData;
  /** Markdown/MDX source of the text. */
  body: string;
  visibility: string;
  nextReview: string;
  controls: LinkJson[];
  measures: string[];
}

export interface MeasureJson {
  id: string;
  file: string;
  data: MeasureData;
  body: string;
  visibility: string;
  area: string;
  controls: LinkJson[];
  policies: string[];
  evidence: string[];
}

export interface EvidenceJson {
  id: string;
  file: string;
  data: EvidenceData;
  body: string;
  visibility: string;
  validUntil: string;
  freshness: Freshness;
  controls: LinkJson[];
  measures: string[];
  artifacts: Array<{ path: string; sha256: string; actual?: string; size: number; visibility: string; intact: boolean }>;
  /** Backup figures with their provenance (computed from an artifact, or stated). */
  figures?: EvidenceFigures;
}

export interface ControlJson {
  key: string;
  framework: string;
  id: string;
  title: string;
  group: string;
  inScope: boolean;
  coverage: Coverage;
  measures: string[];
  policies: string[];
  evidence: string[];
  areas: string[];
}

export interface ModelJson {
  format: typeof MODEL_JSON_FORMAT;
  asOf: string;
  config: ProgramConfig;
  frameworks: Array<{ id: string; name: string; edition: string; inScope: boolean; controls: string[] }>;
  controls: ControlJson[];
  areas: Array<{ id: string; title: string; measures: string[]; mapping: Record<string, LinkJson[]> }>;
  policies: PolicyJson[];
  measures: MeasureJson[];
  evidence: EvidenceJson[];
}

const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id).sort();
const links = (list: ReadonlyArray<ControlLink>): LinkJson[] =>
  list
    .map((l) => ({ control: l.control.key, implied: l.implied, ...(l.note === undefined ? {} : { note: l.note }) }))
    .sort((a, b) => (a.control < b.control ? -1 : a.control > b.control ? 1 : 0));
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Flattens the model graph to JSON-ready data. */
export function toJSON(model: Model): ModelJson {
  return {
    format: MODEL_JSON_FORMAT,
    asOf: model.asOf,
    config: model.config,
    frameworks: model.frameworks.map((f) => ({ id: f.id, name: f.catalog.name, edition: f.catalog.edition, inScope: f.inScope, controls: f.controls.map((c) => c.key) })),
    controls: [...model.controls.values()]
      .map((c) => ({
        key: c.key,
        framework: c.framework.id,
        id: c.id,
        title: c.title,
        group: c.group,
        inScope: c.inScope,
        coverage: c.coverage,
        measures: ids(c.measures),
        policies: ids(c.policies),
        evidence: ids(c.evidence),
        areas: ids(c.areas),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    areas: model.areas.map((a) => ({
      id: a.id,
      title: a.title,
      measures: ids(a.measures),
      mapping: Object.fromEntries(Object.keys(a.mapping).sort().map((fw) => [fw, links(a.mapping[fw]!)])),
    })),
    policies: model.policies
      .map((p) => ({ id: p.id, file: p.file, data: p.data, body: p.body, visibility: p.visibility, nextReview: p.nextReview, controls: links(p.controls), measures: ids(p.measures) }))
      .sort(byId),
    measures: model.measures
      .map((m) => ({ id: m.id, file: m.file, data: m.data, body: m.body, visibility: m.visibility, area: m.area.id, controls: links(m.controls), policies: ids(m.policies), evidence: ids(m.evidence) }))
      .sort(byId),
    evidence: model.evidence
      .map((e) => ({
        id: e.id,
        file: e.file,
        data: e.data,
        body: e.body,
        visibility: e.visibility,
        validUntil: e.validUntil,
        freshness: e.freshness,
        controls: links(e.controls),
        measures: ids(e.measures),
        artifacts: e.artifacts.map((a) => ({ path: a.path, sha256: a.sha256, ...(a.actual === undefined ? {} : { actual: a.actual }), size: a.size, visibility: a.visibility, intact: a.intact })),
        ...(e.figures ? { figures: e.figures } : {}),
      }))
      .sort(byId),
  };
}

/** model.json bytes: pretty-printed, newline-terminated. */
export function modelJsonText(model: Model): string {
  return `${JSON.stringify(toJSON(model), null, 2)}\n`;
}
