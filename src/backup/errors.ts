import { ContentError, type Problem } from '../validation/problem.ts';
import type { BackupTool } from './types.ts';

/**
 * Bad tool output: one problem naming the tool, the shape Proofbook expected and where the
 * input broke (line, field path). It is a ContentError, so every caller prints it without a stack.
 */
export class ImportError extends ContentError {
  constructor(
    readonly tool: BackupTool,
    readonly expected: string,
    readonly problem: Problem,
  ) {
    super([problem]);
    this.message = `${tool}: ${problem.message}`;
  }
}

/** A value that does not have the shape a parser expected; the reader adds file, line and tool. */
export class ShapeError extends Error {
  constructor(
    message: string,
    /** Field path inside the element or document, e.g. "[3].time" or "archives[0].start". */
    readonly field?: string,
    readonly fix?: string,
    /** Line offset of the broken field from the start of the element, when known. */
    readonly line?: number,
  ) {
    super(message);
  }
}
