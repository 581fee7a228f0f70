import { loadWaivers } from '../audit/waivers.ts';
import { loadLedger } from '../release/ledger.ts';
import type { Problem } from '../validation/problem.ts';

/**
 * Problems in the program's other data files, so `check` and `build` refuse what `audit` and
 * `release` would: waivers.yaml (schema) and the release ledger releases/*.yaml (schema, chain).
 */
export function dataFileProblems(contentRoot: string): Problem[] {
  const waivers = loadWaivers(contentRoot).findings.map((f): Problem => ({ code: 'schema', file: f.file ?? 'waivers.yaml', line: f.line, field: f.field, message: f.message, fix: f.fix }));
  return [...waivers, ...loadLedger(contentRoot).problems];
}
