import { CONFIG_FILE } from '../../content/load.ts';
import { isArtifactProblem } from '../../validation/problem.ts';
import type { Rule } from '../types.ts';

/**
 * Rule 10: the same checks as the build (YAML, schemas, unknown and duplicate ids, unknown
 * controls, config), so `proofbook audit` alone is enough in CI. Any such problem means no
 * model could be built, and the rules that need one are skipped.
 */
export const contentValid: Rule = {
  id: 'content-valid',
  severity: 'error',
  title: 'Content is valid: files parse, fields match the schema, identifiers are known and unique',
  rationale:
    'Auditors follow every reference. A measure citing evidence that does not exist, two records sharing an id or a control id that is not in the framework breaks the chain from control to proof, and nothing built on that content can be trusted.',
  controls: ['soc2:CC2.1', 'iso27001:A.5.36'],
  needsModel: false,
  subjects: (ctx) => (ctx.model ? [CONFIG_FILE, ...[...ctx.model.entries.values()].map((e) => e.file)] : [...new Set([CONFIG_FILE, ...ctx.problems.map((p) => p.file)])]),
  check: (ctx) =>
    ctx.problems
      .filter((p) => !isArtifactProblem(p))
      .map((p) => ({
        subject: `${p.file}${p.field ? `:${p.field}` : p.line ? `:${p.line}` : ''}`,
        file: p.file,
        line: p.line,
        field: p.field,
        message: p.message,
        fix: p.fix,
      })),
};
