import { createHash } from 'node:crypto';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JobFolder, restoreFacts, type FactsPeriod } from '../../backup/facts.ts';
import { isZone, parseInstant } from '../../backup/instant.ts';
import { MAX_IMPORT_BYTES, ToolOutputReader, tooLarge } from '../../backup/read.ts';
import { recordFrontmatter, recordText, TOOL_LABELS, type ImportRecord } from '../../backup/record.ts';
import { BACKUP_TOOLS, type BackupTool, type IntegrityCheck, type RestoreJob } from '../../backup/types.ts';
import { buildModel } from '../../model/build.ts';
import { evidenceSchema } from '../../schemas/evidence.ts';
import { isIsoDate } from '../../time/dates.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import { plural } from '../../util/text.ts';
import { ContentError, formatProblems } from '../../validation/problem.ts';
import { didYouMean } from '../../validation/suggest.ts';
import { UsageError, type Command } from '../command.ts';

/**
 * `proofbook import <tool> <file|->`: reads a backup tool's own output, computes the figures,
 * pins the raw bytes under evidence/files/imports/<tool>/ and writes an evidence record that
 * points at them. Nothing is written on any error, and importing the same bytes again writes nothing.
 */

function periodOption(value: unknown): FactsPeriod | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(String(value));
  if (!m || !isIsoDate(m[1]!) || !isIsoDate(m[2]!) || m[1]! > m[2]!) throw new UsageError(`--period must be START..END, two dates written YYYY-MM-DD, e.g. 2026-03-01..2026-03-31; got "${String(value)}"`);
  return { start: m[1]!, end: m[2]! };
}

function atOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const ms = parseInstant(String(value));
  if (typeof ms !== 'number') throw new UsageError(`--at must be a time with its zone, e.g. 2026-03-01T02:00:00Z; got "${String(value)}"`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Copies through a temp file and a rename, so the content never holds half an artifact. */
function copyFileAtomic(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  writeFileAtomic(tmp, '');
  copyFileSync(from, tmp);
  renameSync(tmp, to);
}

const posix = (p: string) => p.split(path.sep).join('/');

interface Read {
  shape: string;
  parser: string;
  sha256: string;
  folder: JobFolder;
  restores: RestoreJob[];
  checks: IntegrityCheck[];
}

/** Streams the input through the tool's reader, hashing it and (for stdin) keeping a copy in `spool`. */
async function readInput(tool: BackupTool, input: string, label: string, options: { source?: string; at?: string; zone?: string; period?: FactsPeriod }, spool?: string): Promise<Read> {
  if (input !== '-') {
    if (!existsSync(input) || !statSync(input).isFile()) throw new UsageError(`not a file: ${input}`);
    const size = statSync(input).size;
    if (size > MAX_IMPORT_BYTES) throw tooLarge(tool, label, size);
  }
  const folder = new JobFolder({ period: options.period });
  const restores: RestoreJob[] = [];
  const checks: IntegrityCheck[] = [];
  const reader = new ToolOutputReader(tool, label, { job: (j) => folder.add(j), restore: (r) => restores.push(r), check: (c) => checks.push(c), rename: (a, b) => folder.rename(a, b) }, options);
  const hash = createHash('sha256');
  const copy = spool ? createWriteStream(spool) : undefined;
  const stream = input === '-' ? process.stdin : createReadStream(input, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      hash.update(buf);
      reader.write(buf);
      if (copy && !copy.write(buf)) await new Promise<void>((r) => copy.once('drain', () => r()));
    }
  } finally {
    if (copy) await new Promise<void>((r) => copy.end(() => r()));
  }
  const { shape, parser } = reader.end();
  return { shape, parser, sha256: hash.digest('hex'), folder, restores, checks };
}

const dayOf = (instant: string) => instant.slice(0, 10);

export const importCommand: Command = {
  name: 'import',
  summary: "Read a backup tool's output, compute its figures (jobs, failures, observed RPO, restore tests) and store it as pinned evidence.",
  usage: `import <${BACKUP_TOOLS.join('|')}> <FILE|-> --measure ID [--source NAME] [--period START..END] [--dry-run] [--at TIME] [--zone Z] [--format text|json] [--content DIR]`,
  help: [
    '--measure ID      the measure the output is evidence for (required)',
    '--source NAME     name every job\'s source this (default: the host, repository, stanza or resource the tool names)',
    '--period S..E     only count jobs finished in these days, e.g. 2026-03-01..2026-03-31',
    '--dry-run         print the figures, write nothing',
    '--format F        text (default) or json',
    '--content DIR     content folder to write into (default: ./content)',
    '--at TIME         when the run happened, for output that carries no time (restic backup before 0.17)',
    '--zone Z          the zone of times printed without one (borg 1.x prints local time), e.g. Z or +01:00',
    'See docs/importers.md for the commands that produce each output.',
  ],
  options: {
    measure: { type: 'string' },
    source: { type: 'string' },
    period: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
    content: { type: 'string', default: 'content' },
    at: { type: 'string' },
    zone: { type: 'string' },
  },
  positionals: true,
  async run(values, positionals) {
    const [toolArg, input, ...extra] = positionals;
    if (!toolArg) throw new UsageError(`name the tool: one of ${BACKUP_TOOLS.join(', ')}`);
    if (!(BACKUP_TOOLS as readonly string[]).includes(toolArg)) throw new UsageError(`no importer for "${toolArg}": use one of ${BACKUP_TOOLS.join(', ')}.${didYouMean(toolArg, BACKUP_TOOLS)}`);
    const tool = toolArg as BackupTool;
    if (!input) throw new UsageError('name the file to import, or "-" to read standard input');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const format = String(values.format);
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, got "${format}"`);
    if (typeof values.measure !== 'string' || !values.measure) throw new UsageError('--measure is required: the id of the measure this output is evidence for');
    const measure = values.measure;
    const period = periodOption(values.period);
    const at = atOption(values.at);
    const zone = values.zone === undefined ? undefined : String(values.zone);
    if (zone !== undefined && !isZone(zone)) throw new UsageError(`--zone must be Z, UTC or an offset like +01:00; got "${zone}"`);
    const source = typeof values.source === 'string' && values.source.trim() ? values.source.trim() : undefined;
    const dryRun = values['dry-run'] === true;

    // The measure must exist in the program the record goes into.
    const contentDir = String(values.content);
    const built = buildModel({ contentDir });
    if (!built.model) {
      process.stderr.write(`${formatProblems(built.problems, posix(path.relative(process.cwd(), path.resolve(contentDir))) || '.')}\n`);
      return 1;
    }
    const model = built.model;
    if (!model.measures.some((m) => m.id === measure)) {
      process.stderr.write(`proofbook import: unknown measure "${measure}" in ${posix(contentDir)}.${didYouMean(measure, model.measures.map((m) => m.id))}\n    fix: give the id of a measure in ${posix(contentDir)}/measures/ with --measure\n\nNothing was written.\n`);
      return 1;
    }

    const label = input === '-' ? 'stdin' : input;
    const spoolDir = input === '-' && !dryRun ? mkdtempSync(path.join(tmpdir(), 'proofbook-import-')) : undefined;
    try {
      let read: Read;
      try {
        read = await readInput(tool, input, label, { source, at, zone, period }, spoolDir && path.join(spoolDir, 'input'));
      } catch (error) {
        if (error instanceof ContentError) {
          process.stderr.write(`${formatProblems(error.problems, '').replace(/Nothing was built\.$/, 'Nothing was written.')}\n`);
          return 1;
        }
        throw error;
      }
      const series = read.folder.series();
      const restores = restoreFacts(read.restores);
      if (!series.length && !restores.length && !read.checks.length) {
        process.stderr.write(`✗ ${label}\n    ${tool} (${read.shape}): no jobs${period ? ` finished between ${period.start} and ${period.end}` : ''}, restores or checks to import.\n    fix: ${period ? 'check --period against the dates in the output' : 'export a period in which the tool ran'}\n\nNothing was written.\n`);
        return 1;
      }

      if (dryRun) {
        const figures = { tool, shape: read.shape, sources: series.map((s) => s.facts), restores };
        if (format === 'json') process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
        else process.stdout.write(`${describe(tool, read.shape, series.map((s) => s.facts), restores, read.checks)}\nDry run: nothing written.\n`);
        return 0;
      }

      // Dates of the record: the latest time in the output, and the days its jobs cover.
      const times = [...series.flatMap((s) => [s.facts.lastSuccess, ...s.days.map((d) => `${d.day}T00:00:00Z`)]), ...restores.flatMap((r) => [r.started, r.finished]), ...read.checks.map((c) => c.at)].filter((t): t is string => !!t).sort();
      if (!times.length) {
        process.stderr.write(`✗ ${label}\n    ${tool} (${read.shape}): the output carries no time, so the record cannot be dated.\n    fix: give the time of the run with --at 2026-03-01T02:00:00Z\n\nNothing was written.\n`);
        return 1;
      }
      const days = series.flatMap((s) => s.days.map((d) => d.day)).concat(restores.map((r) => dayOf(r.started))).sort();
      const collected = dayOf(times[times.length - 1]!);
      const recordPeriod = period ?? { start: days[0] ?? collected, end: days[days.length - 1] ?? collected };
      const ext = path.extname(input === '-' ? '' : input) || (read.shape.includes('json') ? '.json' : '.txt');
      const artifactRel = `evidence/files/imports/${tool}/${collected}-${read.sha256.slice(0, 12)}${ext}`;
      const id = `ev-import-${tool}-${collected}-${read.sha256.slice(0, 8)}`;
      const recordRel = `evidence/${id}.md`;

      // The same bytes imported before: say where, write nothing.
      const existing = model.evidence.find((e) => e.data.artifacts.some((a) => a.sha256 === read.sha256));
      if (existing) {
        process.stdout.write(`Already imported: these bytes (sha256 ${read.sha256.slice(0, 12)}…) are pinned by ${existing.id} (${existing.file}). Nothing written.\n`);
        return 0;
      }

      const sourceNames = [...new Set([...series.map((s) => s.facts.source), ...restores.map((r) => r.source), ...read.checks.map((c) => c.source)])];
      const record: ImportRecord = {
        id,
        tool,
        shape: read.shape,
        parser: read.parser,
        measure,
        collected,
        period: recordPeriod,
        source: `${TOOL_LABELS[tool]}: ${sourceNames.join(', ')}`,
        artifact: { path: artifactRel, sha256: read.sha256 },
        importedWith: { ...(source ? { source } : {}), ...(zone ? { zone } : {}), ...(at ? { at } : {}) },
        series,
        restores,
        checks: read.checks,
      };
      // The record must be valid before anything is written.
      const valid = evidenceSchema().safeParse(recordFrontmatter(record));
      if (!valid.success) throw new Error(`import produced an invalid record: ${valid.error.message}`);

      const root = path.resolve(contentDir);
      const artifactAbs = path.join(root, ...artifactRel.split('/'));
      if (existsSync(artifactAbs) && createHash('sha256').update(readFileSync(artifactAbs)).digest('hex') !== read.sha256) {
        throw new UsageError(`${artifactRel} exists with other bytes; move it away first`);
      }
      copyFileAtomic(spoolDir ? path.join(spoolDir, 'input') : input, artifactAbs);
      writeFileAtomic(path.join(root, ...recordRel.split('/')), recordText(record));
      const shown = posix(contentDir).replace(/\/+$/, '') || '.';
      if (format === 'json') process.stdout.write(`${JSON.stringify({ tool, shape: read.shape, evidence: `${shown}/${recordRel}`, artifact: `${shown}/${artifactRel}`, sha256: read.sha256 }, null, 2)}\n`);
      else process.stdout.write(`${describe(tool, read.shape, series.map((s) => s.facts), restores, read.checks)}\nWrote ${shown}/${recordRel} and ${shown}/${artifactRel} (sha256 ${read.sha256.slice(0, 12)}…).\n`);
      return 0;
    } finally {
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    }
  },
};

/** The human summary printed by text format. */
function describe(tool: BackupTool, shape: string, sources: ReturnType<JobFolder['series']>[number]['facts'][], restores: ReturnType<typeof restoreFacts>, checks: IntegrityCheck[]): string {
  const lines = [`${TOOL_LABELS[tool]} (${shape}): ${plural(sources.length, 'source')}, ${plural(restores.length, 'restore')}, ${plural(checks.length, 'check')}`];
  for (const f of sources) {
    const gap = f.longestGap ? `longest gap ${f.longestGap.hours} h (${f.longestGap.from} to ${f.longestGap.to})` : 'no gap (fewer than two successes)';
    lines.push(`  ${f.source}: ${f.jobs} jobs, ${f.succeeded} succeeded, ${f.failed} failed; last success ${f.lastSuccess ?? 'none'}; ${gap}`);
  }
  for (const r of restores) lines.push(`  restore ${r.id ?? r.source}: ${r.outcome}${r.durationSeconds !== undefined ? ` in ${r.durationSeconds} s` : ''}${r.verified ? `, verified: ${r.verified}` : ''}`);
  for (const c of checks) lines.push(`  check ${c.source}: ${c.outcome}, ${plural(c.errors, 'error')}`);
  return lines.join('\n');
}
