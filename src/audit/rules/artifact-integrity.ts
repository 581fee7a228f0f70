import { isArtifactProblem } from '../../validation/problem.ts';
import type { EvidenceNode } from '../../model/types.ts';
import type { Rule, RuleFinding } from '../types.ts';
import { entryControls } from '../util.ts';

/**
 * Rule 6: every artifact exists, stays inside the content folder and matches its pinned
 * sha256. The model build already checks this (artifact problems leave the model usable);
 * this rule reports those problems as findings, so it runs even without a model.
 */
export const artifactIntegrity: Rule = {
  id: 'artifact-integrity',
  severity: 'error',
  title: 'Artifacts exist inside the content folder and match their pinned sha256',
  rationale:
    'Evidence must be complete and unaltered (ISO 27001 A.5.28, A.5.33). A missing file cannot be shown to the auditor, and a file whose hash no longer matches the one pinned at collection is evidence drift or tampering.',
  controls: ['soc2:CC2.1', 'iso27001:A.5.28', 'iso27001:A.5.33'],
  needsModel: false,
  subjects: (ctx) => (ctx.model?.evidence ?? []).flatMap((e) => e.data.artifacts.map((a) => `${e.id}:${a.path}`)),
  check(ctx) {
    const byFile = new Map<string, EvidenceNode>((ctx.model?.evidence ?? []).map((e) => [e.file, e]));
    const out: RuleFinding[] = [];
    for (const p of ctx.problems) {
      // A stated figure the artifact contradicts is the stated-figures rule's finding.
      if (!isArtifactProblem(p) || p.code === 'figure-mismatch') continue;
      const e = byFile.get(p.file);
      const index = /^artifacts\[(\d+)\]/.exec(p.field ?? '')?.[1];
      const artifact = e && index !== undefined ? e.data.artifacts[Number(index)] : undefined;
      out.push({
        subject: e && artifact ? `${e.id}:${artifact.path}` : `${p.file}:${p.field ?? p.line ?? ''}`,
        ref: e?.id,
        controls: e ? entryControls(e) : undefined,
        file: p.file,
        line: p.line,
        field: p.field,
        message: p.message,
        fix: p.fix,
      });
    }
    return out;
  },
};
