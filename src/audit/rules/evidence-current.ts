import type { EvidenceNode } from '../../model/types.ts';
import { expiringBefore, isHistory } from '../../model/freshness.ts';
import { describeDuration } from '../../time/duration.ts';
import { modelRule, type RuleFinding } from '../types.ts';
import { entryControls } from '../util.ts';

/** What an evidence item proves: its measures, or its controls when it names no measure (as the model's superseding does). */
const proves = (e: EvidenceNode) => (e.measures.length ? e.measures.map((m) => `m:${m.id}`) : e.controls.map((c) => `c:${c.control.key}`));

/** Rule 2: evidence is still current on the as-of date; items about to lapse are warned about. */
export const evidenceCurrent = modelRule({
  id: 'evidence-current',
  severity: 'error',
  title: 'Evidence is current (collected + validFor is on or after the as-of date)',
  rationale:
    'Evidence speaks for a limited time: a restore test from last year says little about today. Auditors reject stale evidence, and evidence that lapses during fieldwork has to be re-collected in a hurry.',
  controls: ['soc2:CC4.1', 'iso27001:A.5.36'],
  subjects: (ctx) => ctx.model.evidence.map((e) => e.id),
  check(ctx) {
    const { model, asOf } = ctx;
    const days = model.config.audit.expiringWithinDays;
    const soon = expiringBefore(asOf, model.config);
    // Newest collection date per kind and subject, so an item with a successor is history, not a finding.
    const newest = new Map<string, string>();
    for (const e of model.evidence) {
      for (const s of proves(e)) {
        const key = `${e.data.kind}|${s}`;
        const seen = newest.get(key);
        if (!seen || seen < e.data.collected) newest.set(key, e.data.collected);
      }
    }
    const replaced = (e: EvidenceNode) => {
      const subs = proves(e);
      return subs.length > 0 && subs.every((s) => (newest.get(`${e.data.kind}|${s}`) ?? '') > e.data.collected);
    };
    const out: RuleFinding[] = [];
    for (const e of model.evidence) {
      if (isHistory(e) || e.validUntil >= soon) continue;
      const base = { subject: e.id, ref: e.id, controls: entryControls(e), file: e.file, field: 'validFor' };
      const validity = `collected ${e.data.collected}, valid for ${describeDuration(e.data.validFor)}`;
      if (e.validUntil < asOf) {
        if (replaced(e)) continue;
        out.push({
          ...base,
          message: `Evidence "${e.id}" expired on ${e.validUntil} (${validity}) and nothing newer of the same kind replaces it.`,
          fix: 'collect fresh evidence as a new record (new id) for the same measures; keep this one as history',
        });
      } else if (!replaced(e)) {
        out.push({
          ...base,
          severity: 'warning',
          message: `Evidence "${e.id}" stops being current on ${e.validUntil}, within ${days} days of ${asOf} (${validity}).`,
          fix: 'schedule its re-collection before that date',
        });
      }
    }
    return out;
  },
});
