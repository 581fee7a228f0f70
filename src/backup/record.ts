import { stringify } from 'yaml';
import type { SourceSeries } from './facts.ts';
import type { BackupTool, IntegrityCheck, RestoreFacts } from './types.ts';

/**
 * The evidence record `proofbook import` writes for one tool output: frontmatter that pins the
 * raw output as an artifact (with its `tool`, so the build recomputes the figures from the bytes)
 * and a short body summarising the figures. No typed figure fields: they would be stated, and
 * the artifact already proves them. Everything the tool printed is shown inside code spans, so
 * log text is data, never markup.
 */

export const TOOL_LABELS: Record<BackupTool, string> = {
  restic: 'restic',
  borg: 'BorgBackup',
  pgbackrest: 'pgBackRest',
  velero: 'Velero',
  'aws-backup': 'AWS Backup',
};

/** Text from a tool as a Markdown code span: nothing in it is read as markup. */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').trim() || ' ';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || longest ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A code span inside a table row: GFM splits cells on "|" even inside code, unless escaped. */
const cell = (text: string) => codeSpan(text).replace(/\|/g, '\\|');

export interface ImportRecord {
  id: string;
  tool: BackupTool;
  shape: string;
  parser: string;
  measure: string;
  collected: string;
  period: { start: string; end: string };
  source: string;
  artifact: { path: string; sha256: string };
  /** The reading options given on the command line, recorded so the build reads the bytes the same way. */
  importedWith: { source?: string; zone?: string; at?: string };
  series: SourceSeries[];
  restores: RestoreFacts[];
  checks: IntegrityCheck[];
}

/** The frontmatter object, in the order the schema documents it. */
export function recordFrontmatter(r: ImportRecord): Record<string, unknown> {
  const label = TOOL_LABELS[r.tool];
  const what = r.series.length ? 'backup jobs' : r.restores.length ? 'restore tests' : 'repository checks';
  return {
    id: r.id,
    title: `${label} ${what} (${r.shape}), ${r.period.start} to ${r.period.end}`,
    // One restore is a restore test (its duration is the observed RTO); a list of them (a
    // restore-testing plan's weekly jobs) is a log whose tests are judged one by one.
    kind: !r.series.length && r.restores.length === 1 ? 'restore-test' : 'log',
    collected: r.collected,
    period: r.period,
    source: r.source,
    collectedBy: 'proofbook import',
    validFor: 'P1M',
    artifacts: [{ path: r.artifact.path, sha256: r.artifact.sha256, tool: r.tool, ...(Object.keys(r.importedWith).length ? { importedWith: r.importedWith } : {}) }],
    supports: { measures: [r.measure] },
  };
}

const hours = (h: number) => `${h} h`;

/** The body: what was imported and the figures computed from it. */
export function recordBody(r: ImportRecord): string {
  const out = [`Imported with \`proofbook import ${r.tool}\` (${codeSpan(r.shape)}, parser ${r.parser}). The figures below are computed from the pinned output; the build recomputes them from its bytes.`, ''];
  if (r.series.length) {
    out.push('| Source | Jobs | Succeeded | Failed | First success | Last success | Longest gap (observed RPO) |', '|---|---|---|---|---|---|---|');
    for (const { facts: f } of r.series) {
      const gap = f.longestGap ? `${hours(f.longestGap.hours)}, ${f.longestGap.from} to ${f.longestGap.to}` : 'n/a';
      out.push(`| ${cell(f.source)} | ${f.jobs} | ${f.succeeded} | ${f.failed} | ${f.firstSuccess ?? 'none'} | ${f.lastSuccess ?? 'none'} | ${gap} |`);
    }
    out.push('');
  }
  if (r.restores.length) {
    out.push('| Restore | Started | Outcome | Duration (observed RTO) | Verified |', '|---|---|---|---|---|');
    for (const x of r.restores) {
      out.push(`| ${cell(x.id ?? x.source)} | ${x.started} | ${x.outcome} | ${x.durationSeconds !== undefined ? `${x.durationSeconds} s` : 'n/a'} | ${x.verified ? cell(x.verified) : 'n/a'} |`);
    }
    out.push('');
  }
  for (const c of r.checks) {
    out.push(`- Check of ${codeSpan(c.source)}${c.at ? ` at ${c.at}` : ''}: ${c.outcome}, ${c.errors} error${c.errors === 1 ? '' : 's'}${c.message ? ` (${codeSpan(c.message)})` : ''}.`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The whole evidence file. */
export function recordText(r: ImportRecord): string {
  return `---\n${stringify(recordFrontmatter(r), { lineWidth: 0 })}---\n\n${recordBody(r)}`;
}
