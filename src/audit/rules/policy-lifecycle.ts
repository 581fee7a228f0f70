import { expiringBefore } from '../../model/freshness.ts';
import { describeDuration } from '../../time/duration.ts';
import { modelRule, type RuleFinding } from '../types.ts';
import { listWords } from '../util.ts';

/**
 * Rule 5: policies in force are approved, signed off for their current version and reviewed
 * on time; measures do not rest on drafts or retired policies.
 */
export const policyLifecycle = modelRule({
  id: 'policy-lifecycle',
  severity: 'error',
  title: 'Policies are approved, signed off for the current version and reviewed on time',
  rationale:
    'ISO 27001 A.5.1 and SOC 2 CC5.3 require policies that management approved and reviews at planned intervals. An auditor checks the approval of the version in force and the date of the last review; a draft or overdue policy means the measures built on it have no valid mandate.',
  controls: ['soc2:CC5.3', 'soc2:CC1.3', 'iso27001:A.5.1', 'iso27001:A.5.37'],
  subjects: (ctx) => ctx.model.policies.flatMap((p) => [`${p.id}:status`, ...(p.data.status === 'approved' ? [`${p.id}:approvals`, `${p.id}:review`] : [])]),
  check(ctx) {
    const { model, asOf } = ctx;
    const soon = expiringBefore(asOf, model.config);
    const out: RuleFinding[] = [];
    for (const p of model.policies) {
      const base = { ref: p.id, controls: p.controls.map((l) => l.control.key), file: p.file };
      const users = listWords(p.measures.map((m) => `"${m.id}"`));
      const { status, version, effective, approvals } = p.data;
      if (status === 'retired') {
        if (p.measures.length) {
          out.push({ ...base, subject: `${p.id}:status`, field: 'status', message: `Policy "${p.id}" is retired, yet ${users} still implement${p.measures.length === 1 ? 's' : ''} it.`, fix: 'point those measures at the policy that replaced it' });
        }
        continue;
      }
      if (status === 'draft') {
        out.push(
          p.measures.length
            ? { ...base, subject: `${p.id}:status`, severity: 'warning', field: 'status', message: `Policy "${p.id}" is still a draft, yet ${users} implement${p.measures.length === 1 ? 's' : ''} it: a draft is not in force.`, fix: 'have it approved (status: approved, with the approval recorded), or point the measures at an approved policy' }
            : { ...base, subject: `${p.id}:status`, severity: 'info', field: 'status', message: `Policy "${p.id}" is a draft; it is not in force until approved.` },
        );
        continue;
      }
      if (!approvals.some((a) => a.date >= effective)) {
        const latest = approvals.map((a) => a.date).sort().at(-1);
        out.push({
          ...base,
          subject: `${p.id}:approvals`,
          field: 'approvals',
          message: latest
            ? `Policy "${p.id}" version ${version} took effect on ${effective}, but its latest approval is dated ${latest}: nobody signed off the version in force.`
            : `Policy "${p.id}" is marked approved but records no approval.`,
          fix: 'record the sign-off of the current version under approvals (name, role, date on or after the effective date)',
        });
      }
      const last = p.data.lastReviewed ?? effective;
      const every = describeDuration(p.data.reviewInterval);
      if (p.nextReview < asOf) {
        out.push({
          ...base,
          subject: `${p.id}:review`,
          field: 'lastReviewed',
          message: `Policy "${p.id}" is overdue for review: last reviewed ${last}, to be reviewed every ${every}, so due by ${p.nextReview}.`,
          fix: 'review the policy, record the date in lastReviewed (and a new version with its approval if the text changed)',
        });
      } else if (p.nextReview < soon) {
        out.push({
          ...base,
          subject: `${p.id}:review`,
          severity: 'warning',
          field: 'lastReviewed',
          message: `Policy "${p.id}" is due for review by ${p.nextReview} (last reviewed ${last}, every ${every}).`,
          fix: 'schedule the review before that date',
        });
      }
    }
    return out;
  },
});
