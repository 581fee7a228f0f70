import { modelRule, type RuleFinding } from '../types.ts';

/** Rule 7: nothing hangs loose: evidence supports something, measures map to in-scope controls, policies are implemented. */
export const orphans = modelRule({
  id: 'orphans',
  severity: 'warning',
  title: 'No orphans: evidence supports something, measures count for a control, policies are implemented',
  rationale:
    'Loose ends confuse an auditor and hide real gaps: evidence that supports nothing was collected for no control, a measure that maps to no in-scope control does not count for its area, and a policy no measure implements is a promise nobody keeps.',
  controls: ['soc2:CC2.1', 'soc2:CC5.3', 'iso27001:A.5.1', 'iso27001:A.5.36'],
  subjects: (ctx) => [...ctx.model.entries.keys()],
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const e of ctx.model.evidence) {
      if (e.measures.length || e.controls.length) continue;
      out.push({ subject: e.id, ref: e.id, file: e.file, field: 'supports', message: `Evidence "${e.id}" supports nothing: no measure lists it and it names no control.`, fix: 'name the measures it proves under supports.measures (or list it under a measure\'s evidence), or delete it' });
    }
    for (const m of ctx.model.measures) {
      if (m.controls.some((l) => l.control.inScope)) continue;
      out.push({
        subject: m.id,
        ref: m.id,
        controls: m.controls.map((l) => l.control.key),
        file: m.file,
        field: 'controls',
        message: m.controls.length
          ? `Measure "${m.id}" maps only to controls that are out of scope or not applicable, so no area counts it.`
          : `Measure "${m.id}" maps to no control, so its area "${m.area.id}" gains nothing from it.`,
        fix: 'list the controls it satisfies under controls, or delete it',
      });
    }
    for (const p of ctx.model.policies) {
      if (p.data.status !== 'approved' || p.measures.length) continue;
      out.push({ subject: p.id, ref: p.id, controls: p.controls.map((l) => l.control.key), file: p.file, field: 'id', message: `Policy "${p.id}" is in force but no measure implements it.`, fix: `list "${p.id}" under policies in the measures that carry it out, or retire the policy` });
    }
    return out;
  },
});
