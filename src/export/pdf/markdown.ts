import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * A policy body (Markdown/MDX source) as print HTML: GitHub-flavoured Markdown, raw HTML and
 * MDX expressions dropped (not rendered), the result sanitised. The print binder never runs
 * the body's code: it shows the policy text, which is what an auditor files.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

export function markdownToHtml(source: string): string {
  const text = source.replace(/^\s*(?:import|export)\s.*$/gm, '');
  return String(processor.processSync(text));
}

/** Text escaped for HTML element content and attribute values. */
export function esc(value: string | number | undefined): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
