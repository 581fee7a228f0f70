import type { BackupAreaId } from '../catalogs/backup-areas.ts';
import { countCoverage, type CoverageCounts } from '../model/coverage.ts';
import type { AreaNode, ControlNode, CoverageStatus, EvidenceNode, FrameworkNode, MeasureNode, Model } from '../model/types.ts';
import type { Frequency } from '../schemas/measure.ts';
import type { Attestation, RecoveryTier } from '../schemas/trust.ts';
import { addDays, addDuration } from '../time/dates.ts';
import { describeDuration, durationMinutes } from '../time/duration.ts';

/**
 * What the trust center says, derived from the audience's view of the model (never from the
 * full model): attestation status, control status by category, and the backup and recovery
 * commitments, worded for customers from the measures and evidence instead of typed twice.
 */

// ── Attestations ─────────────────────────────────────────────────────────────

export type AttestationStatus = 'current' | 'expiring' | 'expired' | 'in-progress' | 'planned';

export const ATTESTATION_LABEL: Record<AttestationStatus, string> = {
  current: 'Current',
  expiring: 'Renewal due',
  expired: 'Expired',
  'in-progress': 'Audit in progress',
  planned: 'Planned',
};

/** An attestation is "expiring" this many days before it lapses. */
export const ATTESTATION_EXPIRING_DAYS = 60;

export interface AttestationView extends Attestation {
  status: AttestationStatus;
  /** How to get the document, in words: "report available under NDA". */
  availability: string;
  /** Set when an audit of the following period keeps this report current (a bridge). */
  bridgedBy?: Attestation;
  /** Last day it counts as current (certificate expiry, or a report's period end + 1 year). */
  currentUntil?: string;
  /** One line a reviewer can paste: "SOC 2 Type II — period 2025-01-01 to 2025-12-31, report available under NDA". */
  line: string;
  /** File-name-safe id, e.g. "soc-2-type-ii". */
  slug: string;
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item';
}

export function attestationStatus(a: Attestation, asOf: string): { status: AttestationStatus; currentUntil?: string } {
  if (!a.issued) return { status: a.period && asOf < a.period.start ? 'planned' : 'in-progress' };
  const currentUntil = a.validUntil ?? (a.period ? addDuration(a.period.end, 'P1Y') : undefined);
  if (!currentUntil) return { status: 'current' };
  if (currentUntil < asOf) return { status: 'expired', currentUntil };
  return { status: currentUntil < addDays(asOf, ATTESTATION_EXPIRING_DAYS) ? 'expiring' : 'current', currentUntil };
}

/** Days after a period ends in which its report is normally delivered: a bridge lasts until then. */
export const REPORT_DELIVERY_DAYS = 90;

/**
 * A report stays current past its year when the audit of the directly following period is
 * under way (what a bridge letter states): until that period's end plus the delivery window.
 */
function bridge(a: Attestation, all: Attestation[], asOf: string): { until: string; by: Attestation } | undefined {
  if (a.kind !== 'report' || !a.period || !a.issued) return undefined;
  const next = all.find((b) => b !== a && b.kind === 'report' && b.framework === a.framework && b.name === a.name && !b.issued && b.period && b.period.start <= addDays(a.period!.end, 1) && b.period.end > a.period!.end);
  if (!next?.period) return undefined;
  const until = addDays(next.period.end, REPORT_DELIVERY_DAYS);
  return until >= asOf ? { until, by: next } : undefined;
}

export function attestationViews(model: Model): AttestationView[] {
  const all = model.trust?.attestations ?? [];
  return all.map((a) => {
    let { status, currentUntil } = attestationStatus(a, model.asOf);
    const bridged = status === 'expiring' || status === 'expired' ? bridge(a, all, model.asOf) : undefined;
    if (bridged) {
      status = bridged.until < addDays(model.asOf, ATTESTATION_EXPIRING_DAYS) ? 'expiring' : 'current';
      currentUntil = bridged.until;
    }
    const doc = a.kind === 'report' ? 'report' : 'certificate';
    const parts: string[] = [];
    if (a.kind === 'report' && a.period) parts.push(`period ${a.period.start} to ${a.period.end}`);
    if (a.kind === 'certificate' && a.validUntil && a.issued) parts.push(`certificate valid until ${a.validUntil}`);
    let availability: string;
    if (!a.issued) availability = a.kind === 'report' ? 'audit in progress' : 'certification in progress';
    else if (status === 'expired') availability = `${doc} expired ${currentUntil}`;
    else availability = a.url ? `${doc} available` : a.access === 'public' ? `${doc} available on request` : `${doc} available under NDA`;
    parts.push(availability);
    if (bridged) parts.push('audit of the following period in progress');
    return {
      ...a,
      status,
      availability: availability.charAt(0).toUpperCase() + availability.slice(1),
      ...(bridged ? { bridgedBy: bridged.by } : {}),
      ...(currentUntil ? { currentUntil } : {}),
      line: `${a.name} — ${parts.join(', ')}`,
      slug: slugify(a.name),
    };
  });
}

// ── Control status by category ───────────────────────────────────────────────

export interface CategoryStatus {
  category: string;
  controls: ControlNode[];
  counts: CoverageCounts;
  /** The category's overall status: covered when every applicable control is. */
  status: CoverageStatus;
}

export interface FrameworkStatus {
  framework: FrameworkNode;
  counts: CoverageCounts;
  categories: CategoryStatus[];
}

/**
 * How the self-audit bears on what the trust center claims: a control with an open error-level
 * finding is not covered, whatever its evidence says. Built by the site from the audit report
 * (src/site/trust-status.ts); without one, statuses are the model's own.
 */
export interface AuditStanding {
  /** Whether the self-audit passed (no open error-level finding). */
  passed: boolean;
  /** Open error-level findings. */
  errors: number;
  /** A control's status including the audit's findings. */
  statusOf(control: ControlNode): CoverageStatus;
}

export const NOT_AUDITED: AuditStanding = { passed: true, errors: 0, statusOf: (c) => c.coverage.status };

/** Counts per status as the audit sees them (countCoverage over the audited statuses). */
function countAudited(controls: ControlNode[], audit: AuditStanding): CoverageCounts {
  return countCoverage(controls.map((c) => ({ ...c, coverage: { ...c.coverage, status: audit.statusOf(c) } })));
}

function overall(counts: CoverageCounts): CoverageStatus {
  if (counts.inScope === 0) return 'not-applicable';
  if (counts.covered === counts.inScope) return 'covered';
  return counts.covered === 0 && counts.partial === 0 ? 'gap' : 'partial';
}

/** Status of the program's in-scope controls per framework and category (status only, no evidence). */
export function controlStatus(model: Model, audit: AuditStanding = NOT_AUDITED): FrameworkStatus[] {
  return model.frameworks
    .filter((f) => f.inScope)
    .map((framework) => {
      const inScope = framework.controls.filter((c) => c.inScope);
      const categories: CategoryStatus[] = [];
      for (const c of inScope) {
        const category = framework.catalog.groups.find((g) => g.id === c.group)?.category ?? 'Other';
        let entry = categories.find((x) => x.category === category);
        if (!entry) categories.push((entry = { category, controls: [], counts: countCoverage([]), status: 'not-applicable' }));
        entry.controls.push(c);
      }
      for (const cat of categories) {
        cat.counts = countAudited(cat.controls, audit);
        cat.status = overall(cat.counts);
      }
      return { framework, counts: countAudited(inScope, audit), categories };
    });
}

export interface OverallCoverage {
  covered: number;
  inScope: number;
  percent: number;
  /** Open error-level self-audit findings: while there are any, no page claims full coverage. */
  openErrors: number;
  /** The headline in words: "95% covered", or "14 of 15 covered, 2 audit findings open". */
  message: string;
}

/** Share of in-scope controls (all frameworks) that are covered: the "backup controls" badge. */
export function overallCoverage(model: Model, audit: AuditStanding = NOT_AUDITED): OverallCoverage {
  const all = controlStatus(model).flatMap((f) => f.framework.controls.filter((c) => c.inScope));
  const c = countAudited(all, audit);
  const open = audit.passed ? 0 : Math.max(audit.errors, 1);
  // A failing audit never reads as "100%": the count is stated with the open findings instead.
  const message = open ? `${c.covered} of ${c.inScope} covered, ${open} audit finding${open === 1 ? '' : 's'} open` : `${c.percent}% covered`;
  return { covered: c.covered, inScope: c.inScope, percent: c.percent, openErrors: open, message };
}

// ── Backup and recovery commitments ──────────────────────────────────────────

/** Customer-facing headings for the eight backup areas, in the order a reviewer asks about them. */
export const COMMITMENT_TITLES: Array<[BackupAreaId, string]> = [
  ['backup-security', 'Encryption of backups'],
  ['isolation', 'Isolated and immutable copies'],
  ['restore-testing', 'Restore testing'],
  ['running-backups', 'Backup schedule and monitoring'],
  ['data-integrity', 'Integrity of backup data'],
  ['access-control', 'Access to backups'],
  ['retention-deletion', 'Retention and deletion'],
  ['policy-planning', 'Policy and recovery planning'],
];

export const FREQUENCY_LABEL: Record<Frequency, string> = {
  continuous: 'continuously',
  daily: 'daily',
  weekly: 'weekly',
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'twice a year',
  yearly: 'yearly',
  'on-event': 'on every relevant event',
};

export interface Statement {
  measure: MeasureNode;
  /** The measure's customer-facing summary, else its title. */
  text: string;
  frequency: string;
}

export interface Fact {
  label: string;
  value: string;
  /** Machine-readable date or duration behind the value, for <time>. */
  datetime?: string;
}

export interface Commitment {
  area: AreaNode;
  title: string;
  /** One sentence on what the area means. */
  lead: string;
  statements: Statement[];
  facts: Fact[];
  /** Status of the controls the area maps to in the reference mapping (catalog data plus status only). */
  controls: { covered: number; total: number };
}

export interface RestoreTestSummary {
  /** Last successful restore test visible to the audience. */
  evidence: EvidenceNode;
  date: string;
  duration: string;
  dataLoss?: string;
}

/** The newest successful restore test in the view, if the audience may see one. */
export function lastRestoreTest(model: Model): RestoreTestSummary | undefined {
  const tests = model.evidence
    .filter((e) => e.data.restoreTest?.outcome === 'success')
    .map((e) => ({ e, date: e.data.period?.end ?? e.data.collected }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const top = tests[0];
  if (!top) return undefined;
  const r = top.e.data.restoreTest!;
  // The scope names internal systems: the trust center states when and how fast, not what.
  return { evidence: top.e, date: top.date, duration: r.duration, ...(r.dataLoss ? { dataLoss: r.dataLoss } : {}) };
}

export interface Objective {
  measure: MeasureNode;
  rpo?: string;
  rto?: string;
  retention?: string;
}

/** Recovery objectives and retention, one row per measure that states a visible target. */
export function objectives(model: Model): Objective[] {
  return model.measures
    .filter((m) => m.data.targets.rpo || m.data.targets.rto || m.data.targets.retention)
    .map((m) => ({ measure: m, ...m.data.targets }));
}

const strictest = (values: string[]) => [...values].sort((a, b) => durationMinutes(a) - durationMinutes(b))[0];

/** One row of the recovery table: a tier (or, without tiers, the program's systems as a whole). */
export interface RecoveryRow {
  name: string;
  systems: string;
  rpo?: string;
  rto?: string;
  retention?: string;
}

/**
 * The recovery table: the tiers of trust.yaml, or else one row for all backed-up systems with
 * the strictest RPO/RTO and the longest retention the visible measures state.
 */
export function recoveryRows(model: Model): RecoveryRow[] {
  const tiers: RecoveryTier[] = model.trust?.recovery ?? [];
  if (tiers.length) return tiers.map((t) => ({ ...t }));
  const targets = objectives(model);
  if (!targets.length) return [];
  const pick = (key: 'rpo' | 'rto') => strictest(targets.flatMap((t) => (t[key] ? [t[key]!] : [])));
  const retention = [...targets.flatMap((t) => (t.retention ? [t.retention] : []))].sort((a, b) => durationMinutes(b) - durationMinutes(a))[0];
  const row: RecoveryRow = { name: 'All tiers', systems: 'Every production system backed up under this program' };
  const rpo = pick('rpo');
  const rto = pick('rto');
  return [{ ...row, ...(rpo ? { rpo } : {}), ...(rto ? { rto } : {}), ...(retention ? { retention } : {}) }];
}

/** The headline objectives, derived from the same rows as the table: the best tier's RPO and RTO. */
export function headlineObjectives(model: Model): { rpo?: string; rto?: string } {
  const rows = recoveryRows(model);
  const rpo = strictest(rows.flatMap((r) => (r.rpo ? [r.rpo] : [])));
  const rto = strictest(rows.flatMap((r) => (r.rto ? [r.rto] : [])));
  return { ...(rpo ? { rpo } : {}), ...(rto ? { rto } : {}) };
}

export function commitments(model: Model, audit: AuditStanding = NOT_AUDITED): Commitment[] {
  const restore = lastRestoreTest(model);
  const targets = objectives(model);
  const headline = headlineObjectives(model);
  return COMMITMENT_TITLES.map(([id, title]) => {
    const area = model.areas.find((a) => a.id === id)!;
    const statements: Statement[] = area.measures.map((m) => ({ measure: m, text: m.data.summary ?? m.data.title, frequency: FREQUENCY_LABEL[m.data.frequency] }));
    const facts: Fact[] = [];
    const refControls = (['soc2', 'iso27001'] as const).flatMap((fw) => area.reference[fw].map((r) => model.controls.get(`${fw}:${r.id}`))).filter((c): c is ControlNode => !!c && c.inScope);
    const controls = { covered: refControls.filter((c) => audit.statusOf(c) === 'covered').length, total: refControls.length };
    if (id === 'restore-testing') {
      const cadence = [...new Set(area.measures.map((m) => FREQUENCY_LABEL[m.data.frequency]))];
      if (cadence.length) facts.push({ label: 'Restores tested', value: cadence.join(' and ') });
      if (restore) {
        facts.push({ label: 'Last successful restore test', value: restore.date, datetime: restore.date });
        facts.push({ label: 'Measured recovery time', value: describeDuration(restore.duration), datetime: restore.duration });
        if (restore.dataLoss) facts.push({ label: 'Measured data loss', value: describeDuration(restore.dataLoss), datetime: restore.dataLoss });
      }
    }
    if (id === 'running-backups' || id === 'restore-testing') {
      const { rpo, rto } = headline;
      if (id === 'running-backups' && rpo) facts.push({ label: 'Recovery point objective (best)', value: describeDuration(rpo), datetime: rpo });
      if (id === 'restore-testing' && rto) facts.push({ label: 'Recovery time objective', value: describeDuration(rto), datetime: rto });
    }
    if (id === 'retention-deletion') {
      const kept = [...new Set(targets.flatMap((t) => (t.retention ? [t.retention] : [])))].sort((a, b) => durationMinutes(a) - durationMinutes(b));
      if (kept.length) facts.push({ label: 'Backups kept for', value: kept.map(describeDuration).join(', ') });
    }
    return { area, title, lead: area.summary, statements, facts, controls };
  });
}
