import path from 'node:path';
import { ReleaseRefused, displayPath } from '../release/options.ts';
import { describeBuildError } from '../site/build-error.ts';
import { LeakError, formatLeaks } from '../site/leak-guard.ts';
import { ContentError, formatProblems } from '../validation/problem.ts';
import { UsageError, helpText, type Command } from './command.ts';

export interface RenderedError {
  /** What goes to stderr (without the final newline). */
  text: string;
  /** Exit code: 2 for a usage error, 1 for anything wrong with the user's content or files. */
  code: number;
}

/**
 * The one place a command's failure becomes text: every user error the commands raise (a
 * usage error, content problems, a refused release, a leak, a failed Astro build) is written
 * the same way, with file, line and fix, and never a stack trace. Anything else is a bug in
 * Proofbook and is left to the caller (undefined).
 */
export function renderError(error: unknown, command: Command, values: Record<string, unknown> = {}): RenderedError | undefined {
  const content = String(values.content ?? 'content');
  if (error instanceof UsageError) return { text: `proofbook ${command.name}: ${error.message}\n\n${helpText(command)}`, code: 2 };
  if (error instanceof ContentError) return { text: formatProblems(error.problems), code: 1 };
  if (error instanceof LeakError) return { text: formatLeaks(error), code: 1 };
  if (error instanceof ReleaseRefused) {
    const label = displayPath(path.resolve(content)) || '.';
    const problems = error.problems.length ? `${formatProblems(error.problems, label).replace(/Nothing was built\.$/, 'Nothing was released.')}\n` : '';
    return { text: `${problems}✗ ${error.message}`, code: 1 };
  }
  return undefined;
}

/** A site build's failure: a user error rendered as above, else Astro's own error on one line. */
export function renderBuildError(error: unknown, command: Command, values: Record<string, unknown>): string {
  return renderError(error, command, values)?.text ?? describeBuildError(error, String(values.content ?? 'content'));
}
