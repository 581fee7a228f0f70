import path from 'node:path';

/**
 * Turns an error thrown by Astro/Vite/MDX during the site build into one readable line with
 * file and line when the error carries a location; the stack is left out (it is about
 * Proofbook's internals, not the user's file). Set PROOFBOOK_DEBUG=1 to see it.
 */
export function describeBuildError(error: unknown, contentDir: string): string {
  const e = error as { message?: string; reason?: string; loc?: { file?: string; line?: number; column?: number }; id?: string; stack?: string };
  const file = e.loc?.file ?? e.id;
  const where = file ? `${path.relative(process.cwd(), file).split(path.sep).join('/') || file}${e.loc?.line ? `:${e.loc.line}` : ''}` : undefined;
  const message = (e.reason ?? e.message ?? String(error)).split('\n')[0];
  const lines = [`✗ The site build failed${where ? ` at ${where}` : ''}: ${message}`];
  if (!where) lines.push(`    run "proofbook check --content ${contentDir}" and, if it passes, "proofbook build --verbose" for Astro's full log`);
  if (process.env.PROOFBOOK_DEBUG && e.stack) lines.push(e.stack);
  return lines.join('\n');
}

/** A user's problem raised as an error: the message only, no stack trace (the CLI and the integration throw these). */
export function userError(message: string): Error {
  const error = new Error(message);
  error.stack = error.message;
  return error;
}
