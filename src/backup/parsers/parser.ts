import type { BackupJob, BackupTool, IntegrityCheck, RestoreJob } from '../types.ts';

/** Where a parser puts what it read; the reader folds or collects it. */
export interface ParseSink {
  job(job: BackupJob): void;
  restore(restore: RestoreJob): void;
  check(check: IntegrityCheck): void;
  /** Renames a source whose name is only known at the end of the output (borg's repository). */
  rename(from: string, to: string): void;
}

export interface ParseContext extends ParseSink {
  /** Source name for outputs that do not name one (a backup stream, a check): --source, else the file name. */
  defaultSource: string;
  /** When the run happened, for outputs that carry no time (restic backup --json before 0.17). */
  at?: string;
  /** The zone of times printed without one, as the user stated it (--zone); never guessed. */
  zone?: string;
}

/** One pass of a parser over one output; it learns the shape from what it sees first. */
export interface ParseRun {
  /** An element of a streamed array: `key` is the top-level key holding it, null for a top-level array. */
  element(key: string | null, index: number, value: unknown): void;
  /** A whole top-level document, its streamed arrays emptied (`streamed` counts their elements). */
  document(value: unknown, streamed: Record<string, number>): void;
  /** Output that is not JSON (restic check without --json); absent when the tool has none. */
  text?(text: string): void;
  /** The shape that was read, e.g. "restic snapshots --json"; throws when nothing usable was found. */
  end(): string;
}

export interface ToolParser {
  tool: BackupTool;
  /** Name and version of the parser, recorded as the provenance of computed figures. */
  parser: string;
  /** The outputs it reads, for error messages ("expected one of …"). */
  shapes: readonly string[];
  /** Top-level keys whose arrays are streamed element by element. */
  streamKeys: readonly string[];
  /** Whether a value looks like this tool's output: names the tool when another importer is given it. */
  recognises(value: unknown, key: string | null): boolean;
  begin(ctx: ParseContext): ParseRun;
}
