import type { Element, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { find, html } from 'property-information';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * The one body sanitiser: the site build runs it over every rendered policy, measure and
 * evidence body (astro.config.mjs), and `proofbook check` runs it over the same parsed bodies
 * to report what it removes (src/content/body-checks.ts). Bodies are written by many people and
 * hold imported text, so script must never reach a page, least of all the public trust center.
 *
 * The decision per element is rehype-sanitize's, with GitHub's schema narrowed to http, https
 * and mailto links. It runs element by element (not over the whole tree) because MDX bodies
 * hold JSX nodes the library does not know: lowercase JSX (`<img onerror>`) is HTML written as
 * JSX and is sanitised the same way; capitalised JSX is a component, checked for existence.
 */

const base = defaultSchema.attributes ?? {};
/** What the sanitiser keeps. */
export const BODY_SCHEMA: Schema = {
  ...defaultSchema,
  // Checked one element at a time: ancestry rules would remove every table cell.
  ancestors: {},
  // Ids stay as written: heading anchors and footnote links must keep working.
  clobber: [],
  clobberPrefix: '',
  attributes: {
    ...base,
    // Classes and inline style (the code highlighter writes both; style is checked for url( below) and data-* are inert.
    '*': [...(base['*'] ?? []), 'className', 'style', 'data*'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], cite: ['http', 'https'], src: ['http', 'https'], longDesc: ['http', 'https'] },
  // Removed with everything inside them, not just unwrapped.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template'],
};

const sanitizeTree = rehypeSanitize(BODY_SCHEMA) as (tree: Root) => Root;
/** Inline style that loads something (url(…), legacy expression(…)): a tracking or script vector. */
const UNSAFE_STYLE = /url\s*\(|expression\s*\(|@import/i;

/** One thing the sanitiser took out of a body, with the body-relative line. */
export interface Removal {
  line?: number;
  /** What was removed, in words: `the onerror attribute of <img>`, `<script>`. */
  what: string;
}

interface Verdict {
  /** Remove the element with its content, or keep its content only (unknown tag). */
  drop?: 'strip' | 'unwrap';
  /** Properties as the sanitiser leaves them. */
  properties: Properties;
  /** Attribute names taken away. */
  removed: string[];
}

/** rehype-sanitize's verdict on one element, looked at without its children. */
function judge(tagName: string, written: Properties): Verdict {
  // Some plugins (the code highlighter) write attribute names ("class", "tabindex") where hast expects property names.
  const properties: Properties = Object.fromEntries(Object.entries(written).map(([k, v]) => [find(html, k).property, v]));
  const styleUnsafe = typeof properties.style === 'string' && UNSAFE_STYLE.test(properties.style);
  const input: Properties = { ...properties };
  if (styleUnsafe) delete input.style;
  const out = sanitizeTree({ type: 'root', children: [{ type: 'element', tagName, properties: input, children: [] }] });
  const el = out.children[0] as Element | undefined;
  if (!el || el.type !== 'element') return { drop: BODY_SCHEMA.strip?.includes(tagName) ? 'strip' : 'unwrap', properties: {}, removed: [] };
  const removed = Object.keys(properties).filter((k) => !(k in el.properties) || (k === 'style' && styleUnsafe));
  return { properties: el.properties, removed: removed.map((k) => `${find(html, k).attribute}${shown(properties[k])}`) };
}

/** The removed value, shortened, so the author can find it: ="javascript:alert(1)". */
function shown(value: unknown): string {
  if (typeof value !== 'string') return '';
  return `="${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

/** A JSX node of an MDX body (mdast-util-mdx-jsx), as far as the sanitiser reads it. */
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
  children: unknown[];
  position?: { start: { line: number } };
}

/** A capitalised or dotted JSX name is a component, not an HTML element. */
export const isComponentName = (name: string) => /^[A-Z]|\./.test(name);

/** Props of a lowercase JSX element as HTML properties; expressions count as unknown (unsafe in a URL). */
function jsxProperties(node: JsxNode): { properties: Properties; names: Map<string, number> } {
  const properties: Properties = {};
  const names = new Map<string, number>();
  node.attributes.forEach((a, i) => {
    // A spread ({...props}) cannot be checked: treat it as an attribute of its own.
    const name = a.type === 'mdxJsxAttribute' && a.name ? a.name : '{...spread}';
    const info = find(html, name);
    const literal = typeof a.value === 'string' ? a.value : a.value === null || a.value === undefined ? true : undefined;
    // An expression's value is only known when the page is rendered: a link written as one cannot be checked.
    properties[info.property] = literal ?? 'javascript:unknown';
    names.set(info.property, i);
  });
  return { properties, names };
}

type AnyNode = { type: string; children?: AnyNode[]; position?: { start: { line: number } } } & Record<string, unknown>;

/**
 * Sanitises a rendered body tree in place and returns what was removed. Runs over hast, with
 * MDX JSX nodes passed through (the MDX pipeline keeps them until after rehype plugins).
 */
export function sanitizeBody(tree: AnyNode): Removal[] {
  const removals: Removal[] = [];
  const walk = (parent: AnyNode) => {
    const children = parent.children;
    if (!children) return;
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      const line = node.position?.start.line ?? parent.position?.start.line;
      if (node.type === 'element') {
        const el = node as unknown as Element;
        const v = judge(el.tagName, el.properties);
        if (v.drop) {
          removals.push({ line, what: `<${el.tagName}>${v.drop === 'strip' ? ' and its content' : ' (its text is kept)'}` });
          const keep = v.drop === 'strip' ? [] : (el.children as unknown as AnyNode[]);
          children.splice(i, 1, ...keep);
          i--;
          continue;
        }
        for (const a of v.removed) removals.push({ line, what: `the ${a} attribute of <${el.tagName}>` });
        el.properties = v.properties;
      } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node as unknown as JsxNode).name && !isComponentName((node as unknown as JsxNode).name!)) {
        const jsx = node as unknown as JsxNode;
        const { properties, names } = jsxProperties(jsx);
        const v = judge(jsx.name!, properties);
        if (v.drop) {
          removals.push({ line, what: `<${jsx.name}>${v.drop === 'strip' ? ' and its content' : ' (its text is kept)'}` });
          children.splice(i, 1, ...(v.drop === 'strip' ? [] : (jsx.children as AnyNode[])));
          i--;
          continue;
        }
        const gone = new Set(Object.keys(properties).filter((k) => !(k in v.properties)).map((k) => names.get(k)));
        for (const k of Object.keys(properties)) if (gone.has(names.get(k))) removals.push({ line, what: `the ${find(html, k).attribute}${shown(properties[k])} attribute of <${jsx.name}>` });
        jsx.attributes = jsx.attributes.filter((_, j) => !gone.has(j));
      } else if (node.type === 'raw') {
        // Raw HTML is parsed into elements before the sanitiser runs (see rehypeSanitizeBody); any left is dropped.
        removals.push({ line, what: 'unparsed raw HTML' });
        children.splice(i, 1);
        i--;
        continue;
      }
      walk(node);
    }
  };
  walk(tree);
  return removals;
}

/** Rehype plugin for the Markdown and MDX pipelines: parses raw HTML, then sanitises (astro.config.mjs). */
export function rehypeSanitizeBody() {
  return (tree: Root) => {
    if (hasRaw(tree as unknown as AnyNode)) {
      // Markdown keeps inline HTML as raw strings until after user plugins: parse it here so it is judged too.
      const parsed = raw(tree);
      if (parsed.type === 'root') (tree as { children: RootContent[] }).children = parsed.children;
    }
    sanitizeBody(tree as unknown as AnyNode);
  };
}

export function hasRaw(node: AnyNode): boolean {
  return node.type === 'raw' || (node.children ?? []).some(hasRaw);
}
