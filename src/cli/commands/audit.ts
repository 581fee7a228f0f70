import path from 'node:path';
import { FORMATS, type FormatName } from '../../audit/format/index.ts';
import { countsLine } from '../../audit/format/common.ts';
import { RULE_IDS, runAudit } from '../../audit/run.ts';
import type { Period } from '../../audit/types.ts';
import { BUILT_IN_CATALOGS } from '../../catalogs/index.ts';
import { isIsoDate } from '../../time/dates.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import { didYouMean } from '../../validation/suggest.ts';
import { CONTENT_HELP, CONTENT_OPTIONS, UsageError, type Command } from '../command.ts';
import { asOfOption, buildModelCached } from '../shared.ts';

/** Parses --period START..END. */
export function periodOption(value: unknown): Period | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(String(value));
  if (!m || !isIsoDate(m[1]!) || !isIsoDate(m[2]!)) throw new UsageError(`--period must be START..END with dates written YYYY-MM-DD, e.g. 2026-01-01..2026-12-31, got "${String(value)}"`);
  if (m[1]! > m[2]!) throw new UsageError(`--period starts after it ends: ${m[1]} is after ${m[2]}`);
  return { start: m[1]!, end: m[2]! };
}

function formatOption(value: unknown): FormatName {
  const name = String(value ?? 'text');
  if (!(name in FORMATS)) throw new UsageError(`unknown --format "${name}".${didYouMean(name, Object.keys(FORMATS))} Use one of: ${Object.keys(FORMATS).join(', ')}`);
  return name as FormatName;
}

function onlyOption(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  for (const id of ids) {
    if (!RULE_IDS.includes(id)) throw new UsageError(`unknown rule "${id}" for --only.${didYouMean(id, RULE_IDS)} Rules: ${RULE_IDS.join(', ')}`);
  }
  if (!ids.length) throw new UsageError('--only needs a rule id');
  return [...new Set(ids)];
}

export const audit: Command = {
  name: 'audit',
  summary:
    'Self-audit the program the way an auditor would (traceability, current evidence, observation-period coverage, restore tests, policies, artifacts, orphans, retention, secrets, valid content) and report the findings. Exit 1 when an unwaived error remains.',
  usage: 'audit [--content DIR] [--as-of DATE] [--period START..END] [--format text|json|junit|markdown|github] [--output FILE] [--only RULE] [--framework ID]',
  help: [
    ...CONTENT_HELP,
    '--period S..E     observation period, e.g. 2026-01-01..2026-12-31 (default: observationPeriod in proofbook.yaml)',
    '--format F        text (default), json, junit, markdown or github (annotations in GitHub Actions)',
    '--output FILE     write the report to FILE (atomically) instead of standard output',
    '--only RULE       run only these rules (repeat or separate with commas)',
    '--framework ID    only findings at stake for one framework: soc2, iso27001 or a custom one',
    '',
    `Rules: ${RULE_IDS.join(', ')}.`,
    'Accept a finding with content/waivers.yaml (rule, subject, reason, approver, expires).',
  ],
  options: {
    ...CONTENT_OPTIONS,
    period: { type: 'string' },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
    only: { type: 'string', multiple: true },
    framework: { type: 'string' },
  },
  async run(values) {
    const asOf = asOfOption(values['as-of']);
    const period = periodOption(values.period);
    const format = formatOption(values.format);
    const only = onlyOption(values.only);
    if (values.output !== undefined && !String(values.output)) throw new UsageError('--output needs a file name');
    const contentDir = String(values.content ?? 'content');
    const prefix = path.relative(process.cwd(), path.resolve(contentDir)).split(path.sep).join('/');

    const result = buildModelCached({ contentDir, asOf });
    const framework = values.framework === undefined ? undefined : String(values.framework);
    if (framework !== undefined) {
      const known = result.model ? result.model.frameworks.map((f) => f.id) : BUILT_IN_CATALOGS.map((c) => c.id);
      if (!known.includes(framework)) throw new UsageError(`unknown framework "${framework}" for --framework.${didYouMean(framework, known)} Use one of: ${known.join(', ')}`);
    }
    const report = runAudit(result, { contentDir, asOf, period, only, framework });
    const color = format === 'text' && values.output === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR;
    const text = FORMATS[format](report, { prefix, color });

    if (values.output !== undefined) {
      const file = String(values.output);
      writeFileAtomic(file, text.endsWith('\n') ? text : `${text}\n`);
      process.stdout.write(`${report.passed ? '✓' : '✗'} Self-audit as of ${report.asOf}: ${countsLine(report)}. Wrote the ${format} report to ${file}.\n`);
    } else {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
    return report.passed ? 0 : 1;
  },
};
