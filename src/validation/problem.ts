/**
 * A problem in the user's content: where it is, what is wrong, how to fix it.
 * Every check returns problems instead of throwing, so one run can list them all.
 */
export interface Problem {
  /** File relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  /** Field path inside the frontmatter or data file, e.g. "controls.soc2[1]". */
  field?: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix?: string;
  /** Machine-readable kind, so the self-audit can file it under the right rule. */
  code?: ProblemCode;
}

/** Kinds of problem. Artifact problems leave the model usable (the audit reports them as findings). */
export type ProblemCode =
  | 'yaml'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'unknown-control'
  | 'config'
  | 'artifact-path'
  | 'artifact-missing'
  | 'artifact-hash'
  | 'artifact-format'
  | 'figure-mismatch';

/** Problems that do not prevent building a model (the evidence itself is what is wrong). */
export const isArtifactProblem = (p: Problem) => p.code === 'artifact-path' || p.code === 'artifact-missing' || p.code === 'artifact-hash' || p.code === 'artifact-format' || p.code === 'figure-mismatch';

/** Thrown for user errors (bad content or options): the CLI prints the problems without a stack trace. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the content`);
    this.name = 'ContentError';
  }
}

/** Stable order: by file, then line, then field, so output is the same on every run. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field ?? '').localeCompare(b.field ?? '') ||
      a.message.localeCompare(b.message),
  );
}

/** Renders problems as the block the CLI and the build print. `prefix` is the content root as the user named it. */
export function formatProblems(problems: Problem[], prefix = 'content'): string {
  const lines = sortProblems(problems).map((p) => formatOne(p, prefix, '✗'));
  const n = problems.length;
  return `${lines.join('\n')}\n\n${n} problem${n === 1 ? '' : 's'} found. Nothing was built.`;
}

/** One problem as printed: mark, file:line (field), message, fix. */
function formatOne(p: Problem, prefix: string, mark: string): string {
  const where = `${prefix ? `${prefix}/` : ''}${p.file}${p.line ? `:${p.line}` : ''}`;
  const field = p.field ? ` (${p.field})` : '';
  return `${mark} ${where}${field}\n    ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ''}`;
}

/** Renders warnings (things fixed on the way, e.g. unsafe HTML removed from a body): they do not stop a build. */
export function formatWarnings(warnings: Problem[], prefix = 'content'): string {
  const n = warnings.length;
  return `${sortProblems(warnings).map((w) => formatOne(w, prefix, '⚠')).join('\n')}\n\n${n} warning${n === 1 ? '' : 's'}: the published pages leave this out; fix the source to silence ${n === 1 ? 'it' : 'them'}.`;
}
