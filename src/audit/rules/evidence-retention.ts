import { addDuration } from '../../time/dates.ts';
import { describeDuration } from '../../time/duration.ts';
import { modelRule, type RuleFinding } from '../types.ts';

/** Rule 8: evidence is not kept longer than the retention limit (audit.evidenceRetention in proofbook.yaml, default P3Y). */
export const evidenceRetention = modelRule({
  id: 'evidence-retention',
  severity: 'warning',
  title: 'Evidence older than its retention limit is flagged for deletion',
  rationale:
    'Evidence holds logs, screenshots and exports that may contain personal or confidential data. ISO 27001 A.8.10 and SOC 2 C1.2 expect information to be deleted when no longer required; keeping evidence past its retention limit breaches your own retention policy.',
  controls: ['iso27001:A.8.10', 'iso27001:A.5.33', 'soc2:C1.2', 'soc2:P4.2'],
  subjects: (ctx) => ctx.model.evidence.map((e) => e.id),
  check(ctx) {
    const retention = ctx.settings.evidenceRetention;
    const out: RuleFinding[] = [];
    for (const e of ctx.model.evidence) {
      const until = addDuration(e.data.collected, retention);
      if (until >= ctx.asOf) continue;
      out.push({
        subject: e.id,
        ref: e.id,
        file: e.file,
        field: 'collected',
        message: `Evidence "${e.id}" was collected on ${e.data.collected}; the ${describeDuration(retention)} retention limit ended on ${until}, so it is due for deletion${e.data.artifacts.length ? ' with its artifacts' : ''}.`,
        fix: 'delete the record and its artifact files (and remove its id from measures), or if it must be kept (legal hold) record that as a waiver',
      });
    }
    return out;
  },
});
