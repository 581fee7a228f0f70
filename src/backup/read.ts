import { ImportError, ShapeError } from './errors.ts';
import { PARSERS } from './parsers/index.ts';
import type { ParseContext, ParseRun, ParseSink, ToolParser } from './parsers/parser.ts';
import { JsonScanner, ScanError, parseJsonAt } from './scan.ts';
import type { BackupJob, BackupTool, IntegrityCheck, RestoreJob } from './types.ts';

/**
 * The importers' one entry point: bytes of a tool's output in, jobs / restores / checks out, or
 * one ImportError naming the tool, the shape expected and where the input broke. Input is read
 * chunk by chunk (see scan.ts), so `ToolOutputReader` can fold 100,000 snapshots into per-source
 * figures without holding them; `readToolOutput` is the simple form that collects everything.
 */

/** Outputs larger than this are refused: a backup export this big belongs split by period. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** Text outputs (restic check) are reports, never this long. */
const MAX_TEXT_BYTES = 16 * 1024 * 1024;

/** The refusal of an output over MAX_IMPORT_BYTES (checked on the file's size before reading, and while streaming). */
export function tooLarge(tool: BackupTool, file: string, bytes: number, max = MAX_IMPORT_BYTES, atLeast = false): ImportError {
  const shapes = parserFor(tool).shapes.join(', ');
  return new ImportError(tool, shapes, {
    file,
    message: `the output is ${atLeast ? 'over ' : ''}${Math.round(bytes / 1024 / 1024)} MiB, larger than the ${Math.round(max / 1024 / 1024)} MiB Proofbook imports in one go (expected ${tool} output: ${shapes})`,
    fix: 'export one period at a time (e.g. a month) and import each file',
  });
}

export interface ReadOptions {
  /** Name every job's source this (`--source`); also the name for outputs that carry none. */
  source?: string;
  /** When the run happened, for outputs that carry no time. */
  at?: string;
  /** The zone of times the tool printed without one (borg 1.x prints local time): "Z" or "+01:00". */
  zone?: string;
  maxBytes?: number;
}

export interface ReadResult {
  tool: BackupTool;
  shape: string;
  parser: string;
  jobs: BackupJob[];
  restores: RestoreJob[];
  checks: IntegrityCheck[];
}

export function parserFor(tool: BackupTool): ToolParser {
  const parser = PARSERS[tool];
  if (!parser) throw new Error(`no importer for ${tool}`);
  return parser;
}

/** Which other tool's output a value looks like, to say so when the wrong importer was chosen. */
function lookalike(tool: BackupTool, value: unknown, key: string | null): ToolParser | undefined {
  if (parserFor(tool).recognises(value, key)) return undefined;
  return Object.values(PARSERS).find((p) => p && p.tool !== tool && p.recognises(value, key));
}

/** The base name of a path, the default source name of outputs that name none. */
const baseName = (file: string) => file.split(/[\\/]/).pop() || file;

export class ToolOutputReader {
  private readonly parser: ToolParser;
  private readonly run: ParseRun;
  private scanner?: JsonScanner;
  private text?: Buffer[];
  private textBytes = 0;
  private bytes = 0;
  private line = 1;

  constructor(
    readonly tool: BackupTool,
    readonly file: string,
    sink: ParseSink,
    private readonly options: ReadOptions = {},
  ) {
    this.parser = parserFor(tool);
    const override = options.source;
    const ctx: ParseContext = {
      job: (j) => sink.job(override ? { ...j, source: override } : j),
      restore: (r) => sink.restore(override ? { ...r, source: override } : r),
      check: (c) => sink.check(override ? { ...c, source: override } : c),
      rename: (from, to) => (override ? undefined : sink.rename(from, to)),
      defaultSource: override ?? baseName(file),
      ...(options.at ? { at: options.at } : {}),
      ...(options.zone ? { zone: options.zone } : {}),
    };
    this.run = this.parser.begin(ctx);
  }

  /** Turns a scanner or shape error into the one problem the user sees. */
  private fail(error: unknown, line: number | undefined, value?: unknown, key: string | null = null): never {
    if (error instanceof ImportError) throw error;
    const shapes = this.parser.shapes;
    const other = value === undefined ? undefined : lookalike(this.tool, value, key);
    if (other) {
      throw new ImportError(this.tool, shapes.join(', '), {
        file: this.file,
        ...(line ? { line } : {}),
        message: `this is not ${this.tool} output: it looks like ${other.tool} output (${other.shapes.join(', ')}); expected ${this.tool} output: ${shapes.join(', ')}`,
        fix: `import it with "proofbook import ${other.tool}", or give the ${this.tool} output it is evidence of`,
      });
    }
    if (error instanceof ScanError || error instanceof ShapeError) {
      const field = error instanceof ShapeError ? error.field : undefined;
      const at = error instanceof ScanError ? error.line : (line ?? 0) + (error.line ?? 0);
      throw new ImportError(this.tool, shapes.join(', '), {
        file: this.file,
        ...(at ? { line: at } : {}),
        ...(field ? { field } : {}),
        message: `${error.message} (expected ${this.tool} output: ${shapes.join(', ')})`,
        fix: (error instanceof ShapeError && error.fix) || `give the output of one of: ${shapes.join(', ')}, unedited`,
      });
    }
    throw error;
  }

  write(chunk: Buffer | string): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.bytes += buf.length;
    const max = this.options.maxBytes ?? MAX_IMPORT_BYTES;
    if (this.bytes > max) throw tooLarge(this.tool, this.file, this.bytes, max, true);
    if (!this.scanner && !this.text) {
      const first = buf.findIndex((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      if (first < 0) return void (this.line += buf.toString('latin1').split('\n').length - 1);
      if (buf[first] === 0x7b || buf[first] === 0x5b) this.startJson();
      else if (this.run.text) this.text = [];
      else this.fail(new ScanError(`expected JSON, found text starting "${buf.subarray(first, first + 40).toString('utf8').split('\n')[0]}"`, this.line), this.line);
    }
    if (this.text) {
      this.textBytes += buf.length;
      if (this.textBytes > MAX_TEXT_BYTES) this.fail(new ScanError('the text report is too long to be a check report', 0), undefined);
      this.text.push(buf);
      return;
    }
    try {
      this.scanner!.write(buf);
    } catch (error) {
      this.fail(error, undefined);
    }
  }

  private startJson(): void {
    const skipped = this.line - 1;
    this.scanner = new JsonScanner({
      streamKeys: new Set(this.parser.streamKeys),
      element: (e) => {
        const line = e.line + skipped;
        let value: unknown;
        try {
          value = parseJsonAt(e.text, line);
          this.run.element(e.key, e.index, value);
        } catch (error) {
          this.fail(error, line, value, e.key);
        }
      },
      document: (d) => {
        const line = d.line + skipped;
        let value: unknown;
        try {
          value = parseJsonAt(d.text, line);
          this.run.document(value, d.streamed);
        } catch (error) {
          this.fail(error, line, value);
        }
      },
    });
  }

  /** Finishes the output; returns the shape that was read. */
  end(): { shape: string; parser: string } {
    try {
      if (this.text) this.run.text!(Buffer.concat(this.text).toString('utf8'));
      else if (!this.scanner) throw new ScanError('the output is empty', 1);
      else this.scanner.end();
      return { shape: this.run.end(), parser: this.parser.parser };
    } catch (error) {
      this.fail(error, undefined);
    }
  }
}

/** Reads one tool output held in memory: every job, restore and check it reports. */
export function readToolOutput(tool: BackupTool, bytes: Buffer | string, file: string, options: ReadOptions = {}): ReadResult {
  const jobs: BackupJob[] = [];
  const restores: RestoreJob[] = [];
  const checks: IntegrityCheck[] = [];
  const reader = new ToolOutputReader(
    tool,
    file,
    {
      job: (j) => jobs.push(j),
      restore: (r) => restores.push(r),
      check: (c) => checks.push(c),
      rename: (from, to) => {
        for (const list of [jobs, restores, checks]) for (const x of list) if (x.source === from) x.source = to;
      },
    },
    options,
  );
  reader.write(bytes);
  const { shape, parser } = reader.end();
  return { tool, shape, parser, jobs, restores, checks };
}
