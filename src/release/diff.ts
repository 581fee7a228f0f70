import type { ModelJson, PolicyJson } from '../model/serialize.ts';

/**
 * What changed between two releases, computed from their bundles' model.json and audit.json:
 * policies (text diff, added, retired, version bumps), coverage per control, evidence added or
 * expired, and audit findings fixed or new.
 */
export interface AuditJson {
  findings: Array<{ rule: string; severity: string; subject: string; message: string; file?: string; waived?: unknown }>;
  counts?: { error: number; warning: number; info: number };
}

export interface DiffLine {
  type: 'same' | 'added' | 'removed';
  text: string;
}

export interface Hunk {
  /** 1-based first line in the old and new text. */
  fromLine: number;
  toLine: number;
  lines: DiffLine[];
}

export interface PolicyRef {
  id: string;
  title: string;
  version: string;
  status: string;
}

export interface PolicyChange {
  id: string;
  title: string;
  fromVersion: string;
  toVersion: string;
  /** The text changed but the version did not: auditors ask why. */
  textChangedWithoutBump: boolean;
  /** Frontmatter facts that changed (status, owner, effective, review…). */
  fields: Array<{ field: string; from: string; to: string }>;
  /** Changed text as hunks with 3 lines of context; empty when only frontmatter changed. */
  hunks: Hunk[];
  /** Lines added and removed. */
  added: number;
  removed: number;
}

export interface CoverageChange {
  key: string;
  framework: string;
  id: string;
  title: string;
  from: string;
  to: string;
}

export interface EvidenceRef {
  id: string;
  title: string;
  collected: string;
  validUntil: string;
  freshness: string;
}

export interface FindingRef {
  rule: string;
  severity: string;
  subject: string;
  message: string;
}

export interface ReleaseDiff {
  policies: { added: PolicyRef[]; retired: PolicyRef[]; changed: PolicyChange[] };
  coverage: CoverageChange[];
  evidence: { added: EvidenceRef[]; removed: EvidenceRef[]; expired: EvidenceRef[] };
  findings: { fixed: FindingRef[]; new: FindingRef[] };
  /** True when nothing above changed. */
  empty: boolean;
}

const policyRef = (p: PolicyJson): PolicyRef => ({ id: p.id, title: p.data.title, version: String(p.data.version), status: p.data.status });
const text = (v: unknown): string => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const STALE = new Set(['expired', 'superseded', 'past-period']);

export function diffReleases(from: { model: ModelJson; audit?: AuditJson }, to: { model: ModelJson; audit?: AuditJson }): ReleaseDiff {
  const a = from.model;
  const b = to.model;

  const oldPolicies = new Map(a.policies.map((p) => [p.id, p]));
  const newPolicies = new Map(b.policies.map((p) => [p.id, p]));
  const added: PolicyRef[] = [];
  const retired: PolicyRef[] = [];
  const changed: PolicyChange[] = [];
  for (const p of b.policies) {
    const old = oldPolicies.get(p.id);
    if (!old || (old.data.status === 'retired' && p.data.status !== 'retired')) {
      added.push(policyRef(p));
      if (!old) continue;
    }
    if (old && old.data.status !== 'retired' && p.data.status === 'retired') retired.push(policyRef(p));
    const fields: PolicyChange['fields'] = [];
    for (const field of ['title', 'version', 'status', 'owner', 'effective', 'reviewInterval', 'lastReviewed', 'visibility', 'approvals', 'controls'] as const) {
      const x = text(old.data[field]);
      const y = text(p.data[field]);
      if (x !== y) fields.push({ field, from: x, to: y });
    }
    const hunks = old.body === p.body ? [] : lineDiff(old.body, p.body);
    if (!fields.length && !hunks.length) continue;
    const lines = hunks.flatMap((h) => h.lines);
    changed.push({
      id: p.id,
      title: p.data.title,
      fromVersion: String(old.data.version),
      toVersion: String(p.data.version),
      textChangedWithoutBump: hunks.length > 0 && String(old.data.version) === String(p.data.version),
      fields,
      hunks,
      added: lines.filter((l) => l.type === 'added').length,
      removed: lines.filter((l) => l.type === 'removed').length,
    });
  }
  for (const p of a.policies) if (!newPolicies.has(p.id) && p.data.status !== 'retired') retired.push({ ...policyRef(p), status: 'removed' });

  const oldControls = new Map(a.controls.map((c) => [c.key, c]));
  const coverage: CoverageChange[] = [];
  for (const c of b.controls) {
    const old = oldControls.get(c.key);
    const x = old ? old.coverage.status : 'absent';
    if (x !== c.coverage.status) coverage.push({ key: c.key, framework: c.framework, id: c.id, title: c.title, from: x, to: c.coverage.status });
  }

  const evRef = (e: ModelJson['evidence'][number]): EvidenceRef => ({ id: e.id, title: e.data.title, collected: e.data.collected, validUntil: e.validUntil, freshness: e.freshness });
  const oldEvidence = new Map(a.evidence.map((e) => [e.id, e]));
  const newEvidence = new Map(b.evidence.map((e) => [e.id, e]));
  const evidence = {
    added: b.evidence.filter((e) => !oldEvidence.has(e.id)).map(evRef),
    removed: a.evidence.filter((e) => !newEvidence.has(e.id)).map(evRef),
    expired: b.evidence.filter((e) => STALE.has(e.freshness) && (!oldEvidence.has(e.id) ? false : !STALE.has(oldEvidence.get(e.id)!.freshness))).map(evRef),
  };

  const key = (f: FindingRef) => `${f.rule}\0${f.subject}`;
  const live = (audit?: AuditJson) => new Map((audit?.findings ?? []).filter((f) => !f.waived).map((f) => [key(f), { rule: f.rule, severity: f.severity, subject: f.subject, message: f.message }]));
  const before = live(from.audit);
  const after = live(to.audit);
  const findings = {
    fixed: [...before.values()].filter((f) => !after.has(key(f))),
    new: [...after.values()].filter((f) => !before.has(key(f))),
  };

  const empty = !added.length && !retired.length && !changed.length && !coverage.length && !evidence.added.length && !evidence.removed.length && !evidence.expired.length && !findings.fixed.length && !findings.new.length;
  return { policies: { added, retired, changed }, coverage, evidence, findings, empty };
}

/** Longest-common-subsequence line diff, grouped into hunks with `context` lines around each change. */
export function lineDiff(before: string, after: string, context = 3): Hunk[] {
  const x = before.replace(/\r\n/g, '\n').split('\n');
  const y = after.replace(/\r\n/g, '\n').split('\n');
  // Trim the common head and tail: most policy edits are local, so the table stays small.
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const xs = x.slice(head, x.length - tail);
  const ys = y.slice(head, y.length - tail);
  const ops: DiffLine[] = x.slice(0, head).map((t) => ({ type: 'same' as const, text: t }));
  const n = xs.length;
  const m = ys.length;
  if (n * m > 4_000_000) {
    ops.push(...xs.map((t) => ({ type: 'removed' as const, text: t })), ...ys.map((t) => ({ type: 'added' as const, text: t })));
  } else {
    const w = m + 1;
    const table = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * w + j] = xs[i] === ys[j] ? table[(i + 1) * w + j + 1]! + 1 : Math.max(table[(i + 1) * w + j]!, table[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (xs[i] === ys[j]) {
        ops.push({ type: 'same', text: xs[i]! });
        i++;
        j++;
      } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) {
        ops.push({ type: 'removed', text: xs[i++]! });
      } else {
        ops.push({ type: 'added', text: ys[j++]! });
      }
    }
    while (i < n) ops.push({ type: 'removed', text: xs[i++]! });
    while (j < m) ops.push({ type: 'added', text: ys[j++]! });
  }
  ops.push(...x.slice(x.length - tail).map((t) => ({ type: 'same' as const, text: t })));

  // Line numbers before each op, then merged windows of `context` lines around every change.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 1;
  let q = 1;
  for (const op of ops) {
    oldAt.push(o);
    newAt.push(q);
    if (op.type !== 'added') o++;
    if (op.type !== 'removed') q++;
  }
  const windows: Array<[number, number]> = [];
  ops.forEach((op, k) => {
    if (op.type === 'same') return;
    const lo = Math.max(0, k - context);
    const hi = Math.min(ops.length - 1, k + context);
    const last = windows.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else windows.push([lo, hi]);
  });
  const hunks: Hunk[] = windows.map(([lo, hi]) => ({ fromLine: oldAt[lo]!, toLine: newAt[lo]!, lines: ops.slice(lo, hi + 1) }));
  return hunks;
}
