import { modelRule, type RuleFinding } from '../types.ts';
import { firstMappingFile } from '../util.ts';

/** Rule 1: the chain control → measure → policy and evidence is complete. */
export const traceability = modelRule({
  id: 'traceability',
  severity: 'error',
  title: 'Every in-scope control has a measure; every measure a policy and evidence',
  rationale:
    'Auditors trace each control to what is done (a measure), what requires it (a policy) and what proves it (evidence). A control nothing implements, or a measure nothing requires or proves, is a finding however good the rest of the program is.',
  controls: ['soc2:CC5.1', 'soc2:CC5.3', 'iso27001:A.5.1', 'iso27001:A.5.36'],
  subjects(ctx) {
    const controls = [...ctx.model.controls.values()].filter((c) => c.inScope && (!ctx.framework || c.framework.id === ctx.framework)).map((c) => c.key);
    return [...controls, ...ctx.model.measures.flatMap((m) => [`${m.id}:policies`, `${m.id}:evidence`])];
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const { model } = ctx;
    const included = new Set(model.config.scope.include);
    for (const c of model.controls.values()) {
      if (!c.inScope || c.measures.length) continue;
      const label = `${c.key} (${c.title})`;
      const why = included.has(c.key) || model.config.scope.mode === 'all' ? 'it is in scope through proofbook.yaml' : 'a policy or evidence record maps to it';
      out.push({
        subject: c.key,
        ref: c.key,
        controls: [c.key],
        file: (included.has(c.key) ? undefined : firstMappingFile(model, c.key)) ?? 'proofbook.yaml',
        field: included.has(c.key) ? 'scope.include' : undefined,
        message: `No measure implements ${label}, yet ${why}.`,
        fix: `add a measure that lists "${c.id}" under controls.${c.framework.id}, or declare ${c.key} not applicable in proofbook.yaml (notApplicable) with the reason`,
      });
    }
    for (const m of model.measures) {
      const controls = m.controls.map((l) => l.control.key);
      if (!m.policies.length) {
        out.push({
          subject: `${m.id}:policies`,
          ref: m.id,
          controls,
          file: m.file,
          field: 'policies',
          message: `Measure "${m.id}" implements no policy: nothing written requires it, so an auditor cannot tell it is mandated.`,
          fix: 'list the id of the policy that requires it under policies',
        });
      }
      if (!m.evidence.length) {
        out.push({
          subject: `${m.id}:evidence`,
          ref: m.id,
          controls,
          file: m.file,
          field: 'evidence',
          message: `Measure "${m.id}" has no evidence: nothing shows it operates.`,
          fix: 'collect evidence (a log export, report or test record) and list its id under evidence, or name the measure in the evidence\'s supports.measures',
        });
      }
    }
    return out;
  },
});
