import path from 'node:path';
import { BUILT_IN_CATALOGS } from '../catalogs/index.ts';
import type { BuildResult } from '../model/build.ts';
import { resolveAsOf } from '../model/freshness.ts';
import { isArtifactProblem } from '../validation/problem.ts';
import { RULES } from './rules/index.ts';
import { DEFAULT_SETTINGS, SEVERITIES, type AuditContext, type AuditReport, type Finding, type Period, type Rule, type RuleFinding, type RuleSummary } from './types.ts';
import { frameworkOf } from './util.ts';
import { WAIVERS_RULE, applyWaivers, loadWaivers } from './waivers.ts';

export interface AuditOptions {
  /** Content root the model was built from (the secret scan and waivers read from it). */
  contentDir: string;
  /** As-of date when there is no model (otherwise the model's). */
  asOf?: string;
  /** Observation period; default: the config's observationPeriod. */
  period?: Period;
  /** Only these rule ids (the content-valid rule always reports when no model could be built). */
  only?: string[];
  /** Limit to findings at stake for this framework id. */
  framework?: string;
  /** Where release bundles are kept, when not the default releases/ beside the repository. */
  bundleDir?: string;
}

/** Every rule id, the waiver check included (for --only, waivers and documentation). */
export const RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), WAIVERS_RULE.id];

const SEVERITY_ORDER = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<string, number>;
const RULE_ORDER = Object.fromEntries(RULE_IDS.map((id, i) => [id, i])) as Record<string, number>;

/** Deterministic order: unwaived before waived, then severity, rule, file, line, subject, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(!!a.waived) - Number(!!b.waived) ||
    SEVERITY_ORDER[a.severity]! - SEVERITY_ORDER[b.severity]! ||
    RULE_ORDER[a.rule]! - RULE_ORDER[b.rule]! ||
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    a.subject.localeCompare(b.subject) ||
    a.message.localeCompare(b.message)
  );
}

/**
 * Runs the self-audit on a model build result. Pure apart from reading files for the secret
 * scan and the optional waiver file. When the content has problems that prevent a model, only
 * the rules that work from problems run (content-valid, artifact-integrity) and the report says
 * which were skipped.
 */
export function runAudit(result: BuildResult, options: AuditOptions): AuditReport {
  const { model } = result;
  const contentDir = path.resolve(options.contentDir);
  const ctx: AuditContext = {
    model,
    problems: result.problems,
    asOf: model?.asOf ?? resolveAsOf(options.asOf, undefined),
    period: options.period ?? model?.config.observationPeriod,
    settings: { ...DEFAULT_SETTINGS, ...model?.config.audit },
    contentDir,
    framework: options.framework,
    bundleDir: options.bundleDir,
  };
  const selected = options.only ? new Set(options.only) : undefined;
  const inScope = model ? new Set(model.frameworks.filter((f) => f.inScope).map((f) => f.id)) : undefined;
  const scoped = (keys: readonly string[]) => (inScope ? keys.filter((k) => inScope.has(frameworkOf(k))) : [...keys]);
  // Controls listed in catalog order (CC6.1 before CC6.10), frameworks in config order.
  const rank = new Map<string, number>();
  (model?.frameworks ?? BUILT_IN_CATALOGS).forEach((f, i) => f.controls.forEach((c, j) => rank.set(`${f.id}:${c.id}`, i * 100_000 + j)));
  const byCatalog = (a: string, b: string) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b);

  /** Findings with the controls the rule named itself (for the framework filter). */
  const all: Array<{ finding: Finding; specific: string[] }> = [];
  const complete = (rule: Pick<Rule, 'id' | 'severity' | 'controls'>, d: RuleFinding) => {
    const specific = d.controls ?? [];
    const own = scoped(specific);
    const controls = [...new Set(own.length ? own : scoped(rule.controls))].sort(byCatalog);
    const finding: Finding = { rule: rule.id, severity: d.severity ?? rule.severity, subject: d.subject, message: d.message, controls, file: d.file };
    if (d.line !== undefined) finding.line = d.line;
    if (d.field !== undefined) finding.field = d.field;
    if (d.fix !== undefined) finding.fix = d.fix;
    if (d.ref !== undefined) finding.ref = d.ref;
    all.push({ finding, specific });
  };

  const summaries: RuleSummary[] = [];
  const subjects = new Map<string, Set<string>>();
  const ran = new Set<string>();
  const skippedRules: string[] = [];
  for (const rule of RULES) {
    const wanted = !selected || selected.has(rule.id) || (!model && rule.id === 'content-valid');
    if (!wanted) continue;
    const summary: RuleSummary = { id: rule.id, title: rule.title, severity: rule.severity, rationale: rule.rationale, controls: scoped(rule.controls).sort(byCatalog), subjects: [], findings: 0, skipped: false };
    summaries.push(summary);
    if (rule.needsModel && !model) {
      summary.skipped = true;
      skippedRules.push(rule.id);
      continue;
    }
    ran.add(rule.id);
    summary.subjects = rule.subjects(ctx);
    subjects.set(rule.id, new Set(summary.subjects));
    for (const d of rule.check(ctx)) complete(rule, d);
  }

  // Waivers: applied to every finding before filtering, so their validity never depends on --framework.
  const { waivers, findings: waiverProblems } = loadWaivers(contentDir);
  for (const f of all) subjects.get(f.finding.rule)?.add(f.finding.subject);
  const waiverFindings = applyWaivers(
    all.map((x) => x.finding),
    waivers,
    { asOf: ctx.asOf, ruleIds: [...RULE_IDS], ran, subjects },
  );
  const showWaivers = !selected || selected.has(WAIVERS_RULE.id);
  const waiverSummary: RuleSummary = { id: WAIVERS_RULE.id, title: WAIVERS_RULE.title, severity: WAIVERS_RULE.severity, rationale: WAIVERS_RULE.rationale, controls: scoped(WAIVERS_RULE.controls), subjects: waivers.map((w) => `${w.rule}/${w.subject}`), findings: 0, skipped: false };
  const relevant = (d: RuleFinding) => showWaivers || !d.subject.includes('/') || selected!.has(d.subject.slice(0, d.subject.indexOf('/')));
  const extra = [...waiverProblems, ...waiverFindings].filter(relevant);
  if (showWaivers || extra.length) summaries.push(waiverSummary);
  for (const d of extra) complete(WAIVERS_RULE, d);

  const fw = options.framework;
  const kept = forFramework(all, fw);
  const counts = countFindings(kept, summaries);

  const report: AuditReport = { asOf: ctx.asOf, rules: summaries, findings: kept, counts, passed: counts.error === 0 };
  if (model) report.organisation = model.config.organisation.name;
  if (ctx.period) report.period = ctx.period;
  if (fw) report.framework = fw;
  if (options.only) report.only = [...options.only];
  if (skippedRules.length) report.skipped = skippedNote(result, skippedRules);
  return report;
}

/** Pass, --framework: keep findings at stake for it (or tied to no particular control) and show only its controls. */
function forFramework(all: Array<{ finding: Finding; specific: string[] }>, fw: string | undefined): Finding[] {
  return all
    .filter(({ specific }) => !fw || !specific.length || specific.some((k) => frameworkOf(k) === fw))
    .map(({ finding }) => {
      if (!fw) return finding;
      const mine = finding.controls.filter((k) => frameworkOf(k) === fw);
      return mine.length ? { ...finding, controls: mine } : finding;
    })
    .sort(compareFindings);
}

/** Pass: findings per severity (waived apart) for the report, and per rule for each rule's summary. */
function countFindings(kept: Finding[], summaries: RuleSummary[]): AuditReport['counts'] {
  const counts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const f of kept) {
    if (f.waived) counts.waived++;
    else counts[f.severity]++;
  }
  const perRule = new Map<string, number>();
  for (const f of kept) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  for (const s of summaries) s.findings = perRule.get(s.id) ?? 0;
  return counts;
}

/** Why rules did not run: the content has problems that prevent a model. */
function skippedNote(result: BuildResult, skippedRules: string[]): string {
  const n = result.problems.filter((p) => !isArtifactProblem(p)).length;
  return `The content has ${n} problem${n === 1 ? '' : 's'} that prevent${n === 1 ? 's' : ''} building the model, so ${skippedRules.length} rule${skippedRules.length === 1 ? '' : 's'} that need${skippedRules.length === 1 ? 's' : ''} it did not run (${skippedRules.join(', ')}). Fix the content-valid findings and run the audit again.`;
}
