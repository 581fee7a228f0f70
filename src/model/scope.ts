import type { ProgramConfig } from '../schemas/config.ts';
import type { LineOf } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';
import { controlCoverage } from './coverage.ts';
import type { ControlNode } from './types.ts';

/** Pass: marks controls in or out of scope and computes coverage; validates the config's control references. */
export function applyScope(config: ProgramConfig | undefined, lineOf: LineOf | undefined, controls: Map<string, ControlNode>, problems: Problem[], frameworkIds: string[]) {
  const na = new Map<string, string>();
  const check = (key: string, field: (string | number)[]) => {
    if (controls.has(key)) return true;
    const [fw] = key.split(':');
    const pool = frameworkIds.includes(fw!) ? [...controls.keys()].filter((k) => k.startsWith(`${fw}:`)) : frameworkIds.map((f) => `${f}:…`);
    problems.push({ code: 'unknown-control', file: 'proofbook.yaml', line: lineOf?.(field), field: field.map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace('.[', '['), message: `Unknown control "${key}".${didYouMean(key, pool)}`, fix: 'write it as framework:id with an id from that catalog, e.g. soc2:P1.1' });
    return false;
  };
  config?.notApplicable.forEach((n, i) => check(n.control, ['notApplicable', i, 'control']) && na.set(n.control, n.reason));
  const include = new Set<string>();
  config?.scope.include.forEach((k, i) => check(k, ['scope', 'include', i]) && include.add(k));
  const mode = config?.scope.mode ?? 'mapped';
  for (const c of controls.values()) {
    const mapped = c.measures.length + c.policies.length + c.evidence.length > 0;
    c.inScope = c.framework.inScope && !na.has(c.key) && (mode === 'all' || mapped || include.has(c.key));
    let reason = na.get(c.key);
    if (!reason && !c.inScope) {
      reason = c.framework.inScope
        ? 'Outside the scope of this program: no measure, policy or evidence maps to it (scope mode "mapped").'
        : 'The framework is not in scope for this program.';
    }
    c.coverage = controlCoverage(c, reason);
  }
}

