import type { BackupArea } from '../catalogs/backup-areas.ts';
import type { CatalogControl, FrameworkCatalog } from '../catalogs/types.ts';
import type { Audience } from '../schemas/common.ts';
import type { ProgramConfig } from '../schemas/config.ts';
import type { EvidenceData } from '../schemas/evidence.ts';
import type { MeasureData } from '../schemas/measure.ts';
import type { PolicyData } from '../schemas/policy.ts';
import type { TrustData } from '../schemas/trust.ts';
import type { EvidenceFigures } from './figures.ts';

/**
 * The compliance model: one typed graph every view is derived from (portal pages, audit,
 * exports, snapshots). Nodes hold direct object references both ways so views never
 * re-join by id; `toJSON` in serialize.ts flattens it to ids.
 */

/** "soc2:CC6.1": framework id and control id, unique across frameworks. */
export type ControlKey = string;

export type CoverageStatus = 'covered' | 'partial' | 'gap' | 'not-applicable';

export interface Coverage {
  status: CoverageStatus;
  /** For partial and gap: what is missing, in words ("no current evidence"). */
  missing: string[];
  /** For not-applicable: why. */
  reason?: string;
}

/** A link from a measure (or policy/evidence) to a control, noting whether the mapping is only implied. */
export interface ControlLink {
  control: ControlNode;
  implied: boolean;
  note?: string;
}

export interface FrameworkNode {
  catalog: FrameworkCatalog;
  id: string;
  inScope: boolean;
  controls: ControlNode[];
}

export interface ControlNode extends CatalogControl {
  key: ControlKey;
  framework: FrameworkNode;
  /** URL-safe slug of the id: "cc6-1", "a-8-13". */
  slug: string;
  inScope: boolean;
  measures: MeasureNode[];
  policies: PolicyNode[];
  evidence: EvidenceNode[];
  areas: AreaNode[];
  coverage: Coverage;
}

/** Where a node came from, for messages and links to the source. */
export interface SourceRef {
  /** Content-root-relative path. */
  file: string;
  /** Markdown/MDX body. */
  body: string;
}

export interface PolicyNode extends SourceRef {
  type: 'policy';
  data: PolicyData;
  id: string;
  slug: string;
  visibility: Audience;
  controls: ControlLink[];
  measures: MeasureNode[];
  /** Next review due: lastReviewed (or effective) + reviewInterval. */
  nextReview: string;
}

export interface MeasureNode extends SourceRef {
  type: 'measure';
  data: MeasureData;
  id: string;
  slug: string;
  visibility: Audience;
  area: AreaNode;
  controls: ControlLink[];
  policies: PolicyNode[];
  evidence: EvidenceNode[];
}

/**
 * Current: within validFor; expiring: within 30 days of the end; past-period: recurring evidence
 * (a month's job log, a quarter's restore test) past its validity that still proves its own
 * period while a newer item proves the next; superseded: a document replaced by a newer version
 * of itself; expired: none newer (freshness.ts).
 */
export type Freshness = 'current' | 'expiring' | 'past-period' | 'superseded' | 'expired';

export interface ArtifactNode {
  path: string;
  /** The pinned sha256 from frontmatter. */
  sha256: string;
  /** The file's sha256 as found (differs from sha256 when tampered; undefined when missing). */
  actual?: string;
  size: number;
  /** Widest audience that may download it: the artifact's own `visibility`, else auditor (never wider than its evidence in a view). */
  visibility: Audience;
  /** False when the file is missing or its hash differs (the problem is reported separately). */
  intact: boolean;
  /** False when the file certainly holds no credential the audit's secret scan looks for (checked while hashing, so the audit need not read it again). */
  mayHoldSecret?: boolean;
}

export interface EvidenceNode extends SourceRef {
  type: 'evidence';
  data: EvidenceData;
  id: string;
  slug: string;
  visibility: Audience;
  controls: ControlLink[];
  measures: MeasureNode[];
  artifacts: ArtifactNode[];
  /** Last day it is current: collected + validFor. */
  validUntil: string;
  freshness: Freshness;
  /** Backup figures computed from tool artifacts and stated in frontmatter, each with its provenance (figures.ts). */
  figures?: EvidenceFigures;
}

export interface AreaNode extends BackupArea {
  measures: MeasureNode[];
  /** The live mapping: controls the area's measures satisfy, per framework, with implied flags. */
  mapping: Record<string, ControlLink[]>;
}

export type EntryNode = PolicyNode | MeasureNode | EvidenceNode;

export interface Model {
  /** Date all freshness and coverage is computed for. */
  asOf: string;
  config: ProgramConfig;
  frameworks: FrameworkNode[];
  controls: Map<ControlKey, ControlNode>;
  areas: AreaNode[];
  policies: PolicyNode[];
  measures: MeasureNode[];
  evidence: EvidenceNode[];
  /** Every policy, measure and evidence by id. */
  entries: Map<string, EntryNode>;
  /** Trust-center content from content/trust.yaml, when the program has one. */
  trust?: TrustData;
  /** The audience this model was filtered for (src/audience/filter.ts); absent on the full model. */
  audience?: Audience;
}
