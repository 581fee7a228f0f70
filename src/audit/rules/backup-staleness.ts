import { hoursSinceSuccess, sourceHealth } from '../../model/backup-health.ts';
import { isCurrent } from '../../model/freshness.ts';
import { instantText } from '../../time/dates.ts';
import { describeDuration, describeHours, durationMinutes } from '../../time/duration.ts';
import { modelRule, type RuleFinding } from '../types.ts';

/**
 * A source whose newest computed job log shows no successful backup for longer than the
 * measure's RPO target, counted to the start of the as-of day. Only current evidence counts:
 * an old log that stops is the evidence-current rule's business, not a silent backup.
 */
export const backupStaleness = modelRule({
  id: 'backup-staleness',
  severity: 'error',
  title: 'Every backup source had a successful backup within its RPO target as of the audit date',
  rationale:
    'A backup that silently stopped is the failure auditors and attackers look for first. If the newest successful backup of a source is older than the recovery point objective, a restore today would lose more data than the organisation promised.',
  controls: ['soc2:A1.2', 'iso27001:A.8.13'],
  subjects: (ctx) => ctx.model.measures.filter((m) => m.data.targets.rpo).flatMap((m) => sourceHealth(m.evidence.filter(isCurrent)).map((h) => `${m.id}:${h.key}`)),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of ctx.model.measures) {
      const rpo = m.data.targets.rpo;
      if (!rpo) continue;
      for (const h of sourceHealth(m.evidence.filter(isCurrent))) {
        const since = hoursSinceSuccess(h, ctx.asOf);
        const base = { subject: `${m.id}:${h.key}`, ref: m.id, controls: m.controls.map((l) => l.control.key), file: m.file, field: 'targets.rpo' };
        if (since === null) {
          out.push({ ...base, message: `${h.tool} source "${h.source}" of measure "${m.id}" has no successful backup in ${h.artifacts.map((a) => `"${a}"`).join(', ')} (${h.jobs} runs).`, fix: 'fix the backup job and attach the tool output that shows it succeeding' });
        } else if (since * 60 > durationMinutes(rpo)) {
          out.push({ ...base, message: `${h.tool} source "${h.source}" of measure "${m.id}" is stale: its last successful backup was ${instantText(h.lastSuccess!)}, ${describeHours(since)} before ${ctx.asOf}, longer than the ${describeDuration(rpo)} RPO target.`, fix: 'check the backup job now; if it runs, attach its newest output (npx proofbook import), else fix it and record the incident' });
        }
      }
    }
    return out;
  },
});
