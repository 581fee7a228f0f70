import type { AuditReport, Finding } from '../types.ts';
import { countsLine, location, waivedLine, type FormatOptions } from './common.ts';

/** Escapes text for XML content and attributes, dropping characters XML 1.0 cannot carry. */
export function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xml(String(v))}"`)
    .join('');

/**
 * JUnit XML for CI: one <testsuite> per rule, one <testcase> per finding and one per subject
 * checked without findings. Errors are <failure>s; warnings and info pass with the finding in
 * <system-out>; waived findings are <skipped> with the waiver.
 */
export function formatJunit(report: AuditReport, options: FormatOptions = {}): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const rule of report.rules) {
    const cases: string[] = [];
    let t = 0;
    let f = 0;
    let s = 0;
    const classname = `proofbook.audit.${rule.id}`;
    const findings = report.findings.filter((x) => x.rule === rule.id);
    const withFindings = new Set(findings.map((x) => x.subject));
    const detail = (x: Finding) => [location(x, options.prefix), x.message, x.controls.length ? `controls: ${x.controls.join(', ')}` : '', x.fix ? `fix: ${x.fix}` : ''].filter(Boolean).join('\n');
    if (rule.skipped) {
      t++;
      s++;
      cases.push(`    <testcase${attrs({ name: rule.id, classname, time: 0 })}>\n      <skipped${attrs({ message: 'not run: the content has problems that prevent building the model' })}/>\n    </testcase>`);
    }
    for (const x of findings) {
      t++;
      const head = `    <testcase${attrs({ name: x.subject, classname, time: 0, file: `${options.prefix ? `${options.prefix}/` : ''}${x.file}` })}>`;
      if (x.waived) {
        s++;
        cases.push(`${head}\n      <skipped${attrs({ message: waivedLine(x) })}/>\n      <system-out>${xml(`${x.severity}: ${detail(x)}`)}</system-out>\n    </testcase>`);
      } else if (x.severity === 'error') {
        f++;
        cases.push(`${head}\n      <failure${attrs({ type: x.severity, message: x.message })}>${xml(detail(x))}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}\n      <system-out>${xml(`${x.severity}: ${detail(x)}`)}</system-out>\n    </testcase>`);
      }
    }
    for (const subject of rule.subjects) {
      if (withFindings.has(subject)) continue;
      t++;
      cases.push(`    <testcase${attrs({ name: subject, classname, time: 0 })}/>`);
    }
    tests += t;
    failures += f;
    skipped += s;
    const props = [['title', rule.title], ['severity', rule.severity], ['rationale', rule.rationale], ['controls', rule.controls.join(' ')]]
      .map(([n, v]) => `      <property${attrs({ name: n, value: v })}/>`)
      .join('\n');
    suites.push(`  <testsuite${attrs({ name: rule.id, tests: t, failures: f, errors: 0, skipped: s, time: 0, timestamp: `${report.asOf}T00:00:00` })}>\n    <properties>\n${props}\n    </properties>\n${cases.join('\n')}${cases.length ? '\n' : ''}  </testsuite>`);
  }
  const name = `proofbook audit as of ${report.asOf}: ${countsLine(report)}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name, tests, failures, errors: 0, skipped, time: 0 })}>\n${suites.join('\n')}\n</testsuites>\n`;
}
