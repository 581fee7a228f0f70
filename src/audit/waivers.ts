import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../content/frontmatter.ts';
import { waiverFileSchema, waiverSchema, type WaiverData } from '../schemas/waiver.ts';
import { parseWith } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';
import type { Finding, RuleFinding, Severity } from './types.ts';

/** The optional waiver file, relative to the content root. */
export const WAIVER_FILE = 'waivers.yaml';

/** Metadata of the waiver check, listed beside the rules (it runs after them, on their findings). */
export const WAIVERS_RULE = {
  id: 'waivers',
  severity: 'error' as Severity,
  title: 'Waivers are valid: known rule and subject, not expired',
  rationale:
    'A waiver is a documented risk acceptance: auditors accept it only while it names exactly what is accepted, who accepted it and until when. An expired waiver means the risk is no longer accepted by anyone, so the finding counts again.',
  controls: ['soc2:CC3.2', 'soc2:CC4.2', 'iso27001:A.5.36'],
};

export interface Waiver extends WaiverData {
  /** Position in the file (0-based) and the line of the entry. */
  index: number;
  line?: number;
  lineOf: (field: string) => number | undefined;
}

const problemFinding = (p: Problem): RuleFinding => ({
  subject: `${WAIVER_FILE}:${p.field ?? p.line ?? ''}`,
  file: WAIVER_FILE,
  line: p.line,
  field: p.field,
  message: p.message,
  fix: p.fix,
});

/** Reads content/waivers.yaml when it exists; each malformed waiver is a finding, the valid ones still apply. */
export function loadWaivers(contentDir: string): { waivers: Waiver[]; findings: RuleFinding[] } {
  const abs = path.join(contentDir, WAIVER_FILE);
  if (!existsSync(abs)) return { waivers: [], findings: [] };
  const source = parseYaml(readFileSync(abs, 'utf8'), WAIVER_FILE);
  const findings = source.problems.map(problemFinding);
  if (source.problems.length && source.data === undefined) return { waivers: [], findings };
  const file = parseWith(waiverFileSchema(), source.data ?? {}, WAIVER_FILE, source.lineOf);
  if (!file.ok) return { waivers: [], findings: [...findings, ...file.problems.map(problemFinding)] };
  const waivers: Waiver[] = [];
  file.value.waivers.forEach((item, index) => {
    const lineOf = (p: ReadonlyArray<string | number>) => source.lineOf(['waivers', index, ...p]);
    const parsed = parseWith(waiverSchema(), item, WAIVER_FILE, lineOf);
    if (!parsed.ok) {
      findings.push(...parsed.problems.map((p) => problemFinding({ ...p, field: `waivers[${index}]${p.field ? `.${p.field}` : ''}` })));
      return;
    }
    waivers.push({ ...parsed.value, index, line: lineOf([]), lineOf: (field) => lineOf([field]) });
  });
  return { waivers, findings };
}

export interface WaiverScope {
  asOf: string;
  /** Every rule id that exists. */
  ruleIds: string[];
  /** Rules that ran (waivers for others are neither applied nor checked). */
  ran: Set<string>;
  /** Subjects each rule checked, when known (absent: the rule could not run, so subjects cannot be checked). */
  subjects: Map<string, Set<string>>;
}

/**
 * Marks the findings each valid, unexpired waiver accepts (same rule, same subject) and returns
 * findings about the waivers themselves: expired (error), unknown rule or subject (error),
 * duplicate (warning), or no longer matching any finding (info: the finding was fixed).
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[], scope: WaiverScope): RuleFinding[] {
  const out: RuleFinding[] = [];
  const seen = new Set<string>();
  for (const w of waivers) {
    const subject = `${w.rule}/${w.subject}`;
    const base = { subject, file: WAIVER_FILE, line: w.line };
    if (!scope.ruleIds.includes(w.rule) || w.rule === WAIVERS_RULE.id) {
      out.push({ ...base, line: w.lineOf('rule'), field: `waivers[${w.index}].rule`, message: w.rule === WAIVERS_RULE.id ? 'Findings about waivers cannot be waived.' : `Unknown audit rule "${w.rule}".${didYouMean(w.rule, scope.ruleIds)}`, fix: `use one of: ${scope.ruleIds.filter((r) => r !== WAIVERS_RULE.id).join(', ')}` });
      continue;
    }
    if (!scope.ran.has(w.rule)) continue;
    if (seen.has(subject)) {
      out.push({ ...base, severity: 'warning', field: `waivers[${w.index}]`, message: `Duplicate waiver for ${w.rule} "${w.subject}": the first one applies.`, fix: 'remove the duplicate' });
      continue;
    }
    seen.add(subject);
    if (w.expires < scope.asOf) {
      out.push({
        ...base,
        line: w.lineOf('expires'),
        field: `waivers[${w.index}].expires`,
        message: `The waiver for ${w.rule} "${w.subject}" (approved by ${w.approver}) expired on ${w.expires}; the finding it accepted counts again.`,
        fix: 'fix the finding and remove the waiver, or have the risk accepted again and set a new expiry date',
      });
      continue;
    }
    const matched = findings.filter((f) => f.rule === w.rule && f.subject === w.subject && !f.waived);
    if (matched.length) {
      for (const f of matched) f.waived = { reason: w.reason, approver: w.approver, expires: w.expires, approved: w.approved, file: WAIVER_FILE, line: w.line };
      continue;
    }
    const known = scope.subjects.get(w.rule);
    if (!known) continue; // the rule could not run: nothing to compare with
    const isKnown = known.has(w.subject) || [...known].some((s) => w.subject.startsWith(`${s}:`));
    out.push(
      isKnown
        ? { ...base, severity: 'info', field: `waivers[${w.index}]`, message: `The waiver for ${w.rule} "${w.subject}" matches no finding any more (it was fixed).`, fix: 'remove the waiver' }
        : {
            ...base,
            line: w.lineOf('subject'),
            field: `waivers[${w.index}].subject`,
            message: `Unknown subject "${w.subject}" for rule ${w.rule}: the audit checked nothing by that name.${didYouMean(w.subject, known)}`,
            fix: 'copy the subject exactly as the audit prints it for the finding (npx proofbook audit --only ' + w.rule + ')',
          },
    );
  }
  return out;
}
