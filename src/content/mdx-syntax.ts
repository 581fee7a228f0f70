import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Problem } from '../validation/problem.ts';

const parser = unified().use(remarkParse).use(remarkMdx);
const MDX_SYNTAX = /[{}<]|^(?:import|export)\b/m;

/**
 * Parses an MDX body the way the site build will, so `proofbook check` reports MDX syntax
 * errors (an unclosed `{`, a stray `<`) with file and line instead of a failed build later.
 */
export function checkMdxSyntax(body: string, file: string, bodyLine: number): Problem | undefined {
  // Only expressions, JSX/HTML and ESM can be malformed MDX; plain Markdown always parses.
  if (!MDX_SYNTAX.test(body)) return undefined;
  try {
    parser.parse(body);
    return undefined;
  } catch (error) {
    return mdxSyntaxProblem(error, file, bodyLine);
  }
}

/** The problem for an error the MDX parser threw on a body starting at `bodyLine`. */
export function mdxSyntaxProblem(error: unknown, file: string, bodyLine: number): Problem {
  const e = error as { reason?: string; message: string; line?: number; place?: { line?: number } };
  const line = e.line ?? e.place?.line;
  return {
    code: 'schema',
    file,
    line: line ? line + bodyLine - 1 : undefined,
    message: `MDX syntax error in the body: ${e.reason ?? e.message}.`,
    fix: 'in MDX, "{", "}" and "<" start code: escape them as \\{ \\} \\< or put them in `code`, or rename the file to .md',
  };
}
