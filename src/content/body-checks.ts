import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { raw } from 'hast-util-raw';
import type { Root } from 'hast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Problem } from '../validation/problem.ts';
import { checkMdxSyntax, mdxSyntaxProblem } from './mdx-syntax.ts';
import { hasRaw, isComponentName, sanitizeBody } from './sanitize.ts';

/** MDX nodes the rehype step must pass through untouched (as @mdx-js/mdx does). */
const MDX_NODES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true });
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkRehype, { passThrough: MDX_NODES as never });
/** Only HTML, JSX, autolinks and links can carry something unsafe: plain prose is not parsed again. */
const MAY_BE_UNSAFE = /<|\]\s*[(:]/;

export interface BodySource {
  file: string;
  body: string;
  bodyLine: number;
}

type Node = { type: string; name?: string | null; children?: Node[]; position?: { start: { line: number } }; data?: { estree?: { body: Array<{ specifiers?: Array<{ local: { name: string } }>; declaration?: { declarations?: Array<{ id: { name?: string } }> } }> } } };

/**
 * The checks on a policy, measure or evidence body that the site build would otherwise find
 * late or not at all: MDX syntax, components that do not exist (errors), and what the body
 * sanitiser will remove (warnings, with file and line, so the author can fix the source).
 */
export function checkBody(source: BodySource, warnings: Problem[]): Problem[] {
  const isMdx = /\.mdx$/i.test(source.file);
  if (!MAY_BE_UNSAFE.test(source.body)) {
    // Nothing to sanitise; an MDX body may still hold a malformed expression.
    const syntax = isMdx ? checkMdxSyntax(source.body, source.file, source.bodyLine) : undefined;
    return syntax ? [syntax] : [];
  }
  const at = (line?: number) => (line ? line + source.bodyLine - 1 : source.bodyLine);
  const processor = isMdx ? mdx : markdown;
  let mdast: Node;
  try {
    mdast = processor.parse(source.body) as unknown as Node;
  } catch (error) {
    return [mdxSyntaxProblem(error, source.file, source.bodyLine)];
  }
  const problems = isMdx ? unknownComponents(mdast).map((c) => ({
    code: 'schema' as const,
    file: source.file,
    line: at(c.line),
    field: 'body',
    message: `The body uses the component <${c.name}>, which does not exist: the site build would fail here.`,
    fix: `remove <${c.name}> or write it as plain Markdown or HTML (Proofbook provides no MDX components to bodies)`,
  })) : [];
  let hast = processor.runSync(mdast as never) as unknown as Root;
  if (hasRaw(hast as never)) hast = raw(hast, { file: new VFile(source.body) }) as Root; // the file gives parsed HTML its lines
  for (const r of sanitizeBody(hast as never)) {
    warnings.push({
      file: source.file,
      line: at(r.line),
      field: 'body',
      message: `Unsafe content removed from the published body: ${r.what}.`,
      fix: 'links may use http, https or mailto only; write plain Markdown without scripts, frames, event handlers (on…) or style with url(…)',
    });
  }
  return problems;
}

/** Capitalised JSX elements the body does not import or export itself. */
function unknownComponents(tree: Node): Array<{ name: string; line?: number }> {
  const declared = new Set<string>();
  const used: Array<{ name: string; line?: number }> = [];
  const walk = (n: Node) => {
    if (n.type === 'mdxjsEsm') {
      for (const s of n.data?.estree?.body ?? []) {
        for (const sp of s.specifiers ?? []) declared.add(sp.local.name);
        for (const d of s.declaration?.declarations ?? []) if (d.id.name) declared.add(d.id.name);
      }
    }
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name && isComponentName(n.name)) used.push({ name: n.name, line: n.position?.start.line });
    n.children?.forEach(walk);
  };
  walk(tree);
  return used.filter((u) => !declared.has(u.name.split('.')[0]!));
}
