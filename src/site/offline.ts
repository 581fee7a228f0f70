import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a built site work from file:// (unzip anywhere, double-click index.html): every
 * root-relative URL ("/policies/", "/_astro/x.css", "/artifacts/…") in the HTML and CSS
 * becomes a path relative to the page, and folder URLs name their index.html, because
 * browsers do not pick index.html for a file:// folder. Relative URLs also keep the pages
 * working when the same bytes are served under /releases/<version>/.
 */
export function rewriteForOffline(siteRoot: string, options: { skip?: (rel: string) => boolean } = {}): { pages: number; stylesheets: number } {
  let pages = 0;
  let stylesheets = 0;
  // Every page links the same stylesheets, files and folders: look each one up once.
  const kinds = new Map<string, TargetKind>();
  const kindOf = (target: string) => {
    let k = kinds.get(target);
    if (k === undefined) kinds.set(target, (k = targetKind(siteRoot, target)));
    return k;
  };
  for (const rel of listFiles(siteRoot)) {
    if (options.skip?.(rel)) continue;
    if (rel.endsWith('.html')) {
      const file = path.join(siteRoot, rel);
      const before = readFileSync(file, 'utf8');
      const after = rewriteHtml(before, rel, kindOf);
      if (after !== before) writeFileSync(file, after);
      pages++;
    } else if (rel.endsWith('.css')) {
      const file = path.join(siteRoot, rel);
      const before = readFileSync(file, 'utf8');
      const after = rewriteCss(before, rel, kindOf);
      if (after !== before) writeFileSync(file, after);
      stylesheets++;
    }
  }
  return { pages, stylesheets };
}

/** Site-relative file paths under `root`, forward slashes, sorted. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(path.sep).join('/'))
    .sort();
}

export type TargetKind = 'file' | 'dir' | 'missing';

function targetKind(root: string, sitePath: string): TargetKind {
  let decoded: string;
  try {
    decoded = decodeURIComponent(sitePath);
  } catch {
    return 'missing';
  }
  const abs = path.join(root, ...decoded.split('/').filter(Boolean));
  if (!abs.startsWith(root)) return 'missing';
  if (!existsSync(abs)) return 'missing';
  return statSync(abs).isDirectory() ? 'dir' : 'file';
}

/**
 * Turns one root-relative URL into a URL relative to the page at `fromFile` (site-relative).
 * Anything else (external, protocol-relative, fragment-only, already relative) is returned as is.
 */
export function relativeUrl(url: string, fromFile: string, kind: (sitePath: string) => TargetKind): string {
  return linksFrom(fromFile, kind)(url);
}

/**
 * relativeUrl for every link of one page: the page's folder is split once, not once per link
 * (a portal page at 2,000 evidence records holds about 900 links).
 */
function linksFrom(fromFile: string, kind: (sitePath: string) => TargetKind): (url: string) => string {
  const fromDir = path.posix.dirname(`/${fromFile}`);
  const from = UNCLEAN.test(fromDir) ? undefined : segments(fromDir);
  return (url) => {
    if (!url.startsWith('/') || url.startsWith('//')) return url;
    const cut = url.search(/[?#]/);
    const pathPart = cut === -1 ? url : url.slice(0, cut);
    const suffix = cut === -1 ? '' : url.slice(cut);
    let target = pathPart;
    if (target.endsWith('/')) target += 'index.html';
    else if (kind(target) === 'dir') target += '/index.html';
    let rel = from && !UNCLEAN.test(target) ? relativeSegments(from, segments(target)) : path.posix.relative(fromDir, target);
    if (!rel) rel = path.posix.basename(target);
    return rel + suffix;
  };
}

/** A path with an empty, "." or ".." segment, or a trailing slash: left to path.posix.relative, which normalises it. */
const UNCLEAN = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/** The segments of a clean absolute path ("/" has none). */
const segments = (p: string): string[] => (p === '/' ? [] : p.slice(1).split('/'));

/** The segments after the common ones, below as many ".." as `from` has segments left. */
function relativeSegments(from: string[], to: string[]): string {
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.length - common;
  const down = to.slice(common).join('/');
  if (!up) return down;
  return down ? '../'.repeat(up) + down : `${'../'.repeat(up - 1)}..`;
}

/**
 * path.posix.relative for the clean absolute paths a site links (about 2 million links at 2,000
 * evidence records): path.posix.relative resolves and normalises both sides on every call first.
 */
export function relativePath(fromDir: string, target: string): string {
  if (UNCLEAN.test(fromDir) || UNCLEAN.test(target)) return path.posix.relative(fromDir, target);
  return relativeSegments(segments(fromDir), segments(target));
}

const ATTR = /(\s(?:href|src|action|poster|data-href)\s*=\s*)(["'])(.*?)\2/gi;
const SRCSET = /(\ssrcset\s*=\s*)(["'])(.*?)\2/gi;
const CSS_URL = /url\(\s*(["']?)([^"')]+)\1\s*\)/g;

export function rewriteHtml(html: string, fromFile: string, kind: (sitePath: string) => TargetKind): string {
  const link = linksFrom(fromFile, kind);
  // Attribute values are HTML: "&amp;" in a query string is "&" in the URL (most links have none).
  const fix = (url: string) => (url.includes('&') ? link(url.replace(/&amp;/g, '&')).replace(/&/g, '&amp;') : link(url));
  return html
    .replace(ATTR, (_m, pre: string, q: string, url: string) => `${pre}${q}${url.startsWith('/') && !url.startsWith('//') ? fix(url) : url}${q}`)
    .replace(SRCSET, (_m, pre: string, q: string, set: string) => `${pre}${q}${set.split(',').map((part) => part.replace(/^(\s*)(\S+)/, (_x, ws: string, u: string) => ws + (u.startsWith('/') ? fix(u) : u))).join(',')}${q}`)
    .replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi, (_m, open: string, css: string, close: string) => open + cssUrls(css, link) + close)
    .replace(/(\sstyle\s*=\s*)(["'])(.*?)\2/gi, (_m, pre: string, q: string, css: string) => pre + q + cssUrls(css, link) + q);
}

export function rewriteCss(css: string, fromFile: string, kind: (sitePath: string) => TargetKind): string {
  return cssUrls(css, linksFrom(fromFile, kind));
}

/** The url()s of a stylesheet or style attribute, through one page's `link`. */
function cssUrls(css: string, link: (url: string) => string): string {
  return css.replace(CSS_URL, (m, q: string, url: string) => (url.startsWith('/') && !url.startsWith('//') ? `url(${q}${link(url)}${q})` : m));
}
