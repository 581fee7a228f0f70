import { auditSettingsSchema } from '../schemas/config.ts';
import type { Model } from '../model/types.ts';
import type { Problem } from '../validation/problem.ts';

/**
 * The self-audit's vocabulary. A rule checks the model (or the build's problems) and returns
 * findings; the runner fills in defaults, applies waivers and filters, and sorts them into a
 * report every output format (text, JSON, JUnit, Markdown, the portal page) renders.
 */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A day range, both ends included (YYYY-MM-DD). */
export interface Period {
  start: string;
  end: string;
}

/** A waiver that accepted a finding: shown with the finding, never hiding it. */
export interface WaiverRef {
  reason: string;
  approver: string;
  expires: string;
  approved?: string;
  /** Where the waiver is written (content-root-relative) and its line. */
  file: string;
  line?: number;
}

/** One thing an auditor would write up. */
export interface Finding {
  /** Id of the rule that found it, e.g. "evidence-current". */
  rule: string;
  severity: Severity;
  /** Stable id of what is wrong, e.g. "ev-2026-03-restore:restoreTest"; waivers name it. */
  subject: string;
  /** What is wrong, in one or two sentences. */
  message: string;
  /** Controls at stake, "framework:id". */
  controls: string[];
  /** File to fix, relative to the content root. */
  file: string;
  line?: number;
  field?: string;
  /** How to fix it. */
  fix?: string;
  /** Id of the policy, measure or evidence (or control key) concerned, for links. */
  ref?: string;
  /** Present when a valid waiver accepts this finding. */
  waived?: WaiverRef;
}

/** What a rule's check returns: the runner adds the rule id and defaults severity and controls from the rule. */
export type RuleFinding = Omit<Finding, 'rule' | 'severity' | 'controls' | 'waived'> & {
  severity?: Severity;
  /** Specific controls at stake; when absent the rule's own controls are used. */
  controls?: string[];
};

/** Settings of the audit (from the `audit` block of proofbook.yaml, with defaults). */
export interface AuditSettings {
  /** ISO 8601 duration evidence is kept for before it must be deleted. */
  evidenceRetention: string;
  /** Evidence ending, or a review falling due, within this many days is reported as expiring. */
  expiringWithinDays: number;
}

/** The settings when there is no model to read them from: the schema's defaults. */
export const DEFAULT_SETTINGS: AuditSettings = auditSettingsSchema().parse({});

/** Everything a rule may look at. Only the secret scan reads files (through contentDir). */
export interface AuditContext {
  /** The model; undefined when the content has problems that prevent building one. */
  model?: Model;
  /** Every problem from the model build (artifact problems included). */
  problems: Problem[];
  asOf: string;
  /** The audit's observation period, when there is one. */
  period?: Period;
  settings: AuditSettings;
  /** Absolute content root. */
  contentDir: string;
  /** Framework the audit is limited to (--framework), if any. */
  framework?: string;
  /** Where release bundles are kept, when not the default releases/ beside the repository. */
  bundleDir?: string;
}

export interface ModelContext extends AuditContext {
  model: Model;
}

export interface Rule {
  /** Stable id, used by --only, waivers and every output. */
  id: string;
  /** Severity of its findings unless a finding says otherwise (e.g. "expiring" is a warning). */
  severity: Severity;
  /** What the rule checks, in a short sentence. */
  title: string;
  /** Why it matters to an auditor. */
  rationale: string;
  /** Controls at stake, "framework:id". */
  controls: string[];
  /** Whether the rule needs the model (false: it works from the build's problems alone). */
  needsModel: boolean;
  check(ctx: AuditContext): RuleFinding[];
  /** Every subject the rule checked (for JUnit test cases and waiver validation). */
  subjects(ctx: AuditContext): string[];
}

/** Declares a rule that runs on the model. */
export function modelRule(def: Omit<Rule, 'needsModel' | 'check' | 'subjects'> & { check(ctx: ModelContext): RuleFinding[]; subjects(ctx: ModelContext): string[] }): Rule {
  return {
    ...def,
    needsModel: true,
    check: (ctx) => (ctx.model ? def.check(ctx as ModelContext) : []),
    subjects: (ctx) => (ctx.model ? def.subjects(ctx as ModelContext) : []),
  };
}

export interface RuleSummary {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  controls: string[];
  /** Subjects checked. */
  subjects: string[];
  /** Findings (after filters), waived included. */
  findings: number;
  /** True when the rule could not run (no model). */
  skipped: boolean;
}

export interface AuditCounts {
  error: number;
  warning: number;
  info: number;
  /** Findings accepted by a waiver (not counted above). */
  waived: number;
}

export interface AuditReport {
  organisation?: string;
  asOf: string;
  period?: Period;
  framework?: string;
  /** Rules selected with --only (undefined: all). */
  only?: string[];
  rules: RuleSummary[];
  /** Sorted: unwaived by severity, then waived; within that by rule, file, line, subject. */
  findings: Finding[];
  counts: AuditCounts;
  /** Why model rules were skipped, when they were. */
  skipped?: string;
  /** True when no unwaived error remains (exit code 0). */
  passed: boolean;
}
