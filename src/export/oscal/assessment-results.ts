import type { Finding } from '../../audit/types.ts';
import type { EvidenceNode } from '../../model/types.ts';
import type { ExportContext } from '../context.ts';
import { applicable, backMatter, controlId, dayTime, documentUuid, evidenceResource, inScopeFrameworks, metadata, prop, uuidV5 } from './common.ts';

/**
 * OSCAL assessment-results: the self-audit as one result. Each evidence record is an
 * observation citing its files by sha256 (back-matter resources); each in-scope control is a
 * finding, satisfied when covered, citing the observations of its evidence; each self-audit
 * finding the view may carry is a finding on the first control at stake.
 */
const observationUuid = (e: EvidenceNode) => uuidV5(`observation|${e.id}`);

function observation(e: EvidenceNode) {
  return {
    uuid: observationUuid(e),
    title: e.data.title,
    description: `${e.data.kind} collected ${e.data.collected}${e.data.period ? ` for ${e.data.period.start}..${e.data.period.end}` : ''}; ${e.freshness} until ${e.validUntil}.`,
    props: [prop('evidence-id', e.id), prop('freshness', e.freshness)],
    methods: ['EXAMINE'],
    collected: dayTime(e.data.collected),
    expires: dayTime(e.validUntil),
    ...(e.artifacts.length
      ? {
          'relevant-evidence': e.artifacts.map((a) => ({
            href: `#${evidenceResource(e, a.path)}`,
            description: `${a.path} (sha256 ${a.sha256})`,
            props: [prop('sha256', a.sha256)],
          })),
        }
      : {}),
  };
}

function auditFinding(f: Finding, i: number, ctx: ExportContext) {
  const control = f.controls.map((k) => ctx.view.controls.get(k)).find((c) => c !== undefined);
  return {
    uuid: uuidV5(`audit-finding|${f.rule}|${f.subject}|${i}`),
    title: `${f.rule}: ${f.subject}`,
    description: f.message,
    props: [prop('rule', f.rule), prop('severity', f.severity), prop('waived', f.waived ? 'true' : 'false'), ...f.controls.map((k) => prop('control', k))],
    target: {
      type: 'objective-id',
      'target-id': control ? controlId(control) : 'program',
      status: { state: 'not-satisfied', reason: 'fail' },
    },
    ...(f.fix ? { remarks: `Fix: ${f.fix}` } : {}),
  };
}

export function assessmentResults(ctx: ExportContext) {
  const { view } = ctx;
  const org = view.config.organisation.name;
  const controls = inScopeFrameworks(view).flatMap((f) => f.controls.filter(applicable));
  const period = ctx.audit?.period ?? view.config.observationPeriod;
  const controlFindings = controls.map((c) => ({
    uuid: uuidV5(`control-finding|${c.key}`),
    title: `${c.framework.catalog.name} ${c.id}: ${c.coverage.status}`,
    // Outside audiences get the status alone (viewFor), so "missing" may be empty for a gap.
    description:
      c.coverage.status === 'covered' ? `${c.title}: covered by a measure, a policy and current evidence.` : c.coverage.missing.length ? `Missing: ${c.coverage.missing.join('; ')}.` : `${c.title}: ${c.coverage.status}.`,
    props: [prop('framework', c.framework.id), prop('coverage', c.coverage.status)],
    target: {
      type: 'objective-id',
      'target-id': controlId(c),
      status: c.coverage.status === 'covered' ? { state: 'satisfied', reason: 'pass' } : { state: 'not-satisfied', reason: 'fail' },
    },
    ...(c.evidence.length ? { 'related-observations': c.evidence.map((e) => ({ 'observation-uuid': observationUuid(e) })) } : {}),
  }));
  const findings = [...controlFindings, ...ctx.findings.map((f, i) => auditFinding(f, i, ctx))];
  return {
    'assessment-results': {
      uuid: documentUuid('assessment-results', ctx),
      metadata: metadata(`${org}: self-audit as of ${view.asOf} (assessment results)`, ctx),
      'import-ap': { href: '#', remarks: 'Proofbook self-audit: the rules in docs/audit.md, run on the program content.' },
      results: [
        {
          uuid: uuidV5(`result|${org}|${view.asOf}`),
          title: `Self-audit as of ${view.asOf}`,
          description: `Proofbook's self-audit of ${org}'s backup and disaster-recovery program${ctx.audit ? `: ${ctx.audit.counts.error} errors, ${ctx.audit.counts.warning} warnings, ${ctx.audit.counts.waived} waived` : ''}.`,
          start: dayTime(period?.start ?? view.asOf),
          end: dayTime(period?.end && period.end < view.asOf ? period.end : view.asOf),
          props: [prop('as-of', view.asOf)],
          'reviewed-controls': {
            'control-selections': [controls.length ? { 'include-controls': controls.map((c) => ({ 'control-id': controlId(c) })) } : { 'include-all': {} }],
          },
          ...(view.evidence.length ? { observations: view.evidence.map(observation) } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      'back-matter': { ...backMatter(view) },
    },
  };
}
