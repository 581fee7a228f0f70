import type { EvidenceNode } from '../../model/types.ts';
import { modelRule, type RuleFinding } from '../types.ts';
import { entryControls } from '../util.ts';

const FIELDS = ['backupJobs', 'restoreTest'] as const;
const stated = (e: EvidenceNode) => FIELDS.filter((f) => e.data[f] !== undefined);

/**
 * Figures typed by hand. One the artifact contradicts is an error (the model build found it,
 * naming both values); one no tool output backs is reported for information, because a number
 * nobody derived from the backup tool's own log proves little to an auditor.
 */
export const statedFigures = modelRule({
  id: 'stated-figures',
  severity: 'error',
  title: 'Backup figures are computed from the tool output, and stated ones agree with it',
  rationale:
    'Auditors ask for the backup tool\'s own logs, including the restore tests. A figure typed into a record can be wrong or optimistic; one the attached log contradicts is misstated evidence, and one with no log behind it is an assertion, not proof.',
  controls: ['soc2:CC2.1', 'soc2:A1.2', 'iso27001:A.8.13', 'iso27001:A.5.28'],
  subjects: (ctx) => [
    ...ctx.model.evidence.flatMap((e) => stated(e).map((f) => `${e.id}:${f}`)),
    ...ctx.problems.filter((p) => p.code === 'figure-mismatch').map((p) => `${ctx.model.evidence.find((e) => e.file === p.file)?.id ?? p.file}:${p.field}`),
  ],
  check(ctx) {
    const out: RuleFinding[] = [];
    const byFile = new Map(ctx.model.evidence.map((e) => [e.file, e]));
    for (const p of ctx.problems) {
      if (p.code !== 'figure-mismatch') continue;
      const e = byFile.get(p.file);
      out.push({ subject: `${e?.id ?? p.file}:${p.field}`, ref: e?.id, controls: e ? entryControls(e) : undefined, file: p.file, line: p.line, field: p.field, message: p.message, fix: p.fix });
    }
    for (const e of ctx.model.evidence) {
      for (const f of stated(e)) {
        const computed = f === 'backupJobs' ? e.figures?.sources.length : e.figures?.restores.length;
        if (computed) continue;
        out.push({
          subject: `${e.id}:${f}`,
          severity: 'info',
          ref: e.id,
          controls: entryControls(e),
          file: e.file,
          field: f,
          message: `${f} of "${e.id}" is stated, typed by hand: no attached tool output proves it.`,
          fix: 'attach the backup tool\'s own output (npx proofbook import <tool> <file> --measure <id>) so Proofbook computes the figures',
        });
      }
    }
    return out;
  },
});
