import { AUDIENCES, type Audience } from '../schemas/common.ts';
import path from 'node:path';

/** Content root for this build: set by `proofbook build`, or ./content when Astro is run directly. */
export function contentRoot(): string {
  return path.resolve(process.env.PROOFBOOK_CONTENT ?? 'content');
}

/** The "as of" date for this build, when one was given. */
export function buildAsOf(): string | undefined {
  return process.env.PROOFBOOK_AS_OF || undefined;
}

/** The audience this site is built for (default internal: the portal). */
export function buildAudience(): Audience {
  const a = process.env.PROOFBOOK_AUDIENCE || 'internal';
  // Never guess: a mistyped audience must not quietly build another audience's site.
  if (!(AUDIENCES as readonly string[]).includes(a)) throw new Error(`PROOFBOOK_AUDIENCE must be one of ${AUDIENCES.join(', ')}, got "${a}".`);
  return a as Audience;
}
