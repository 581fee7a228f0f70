import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .html file under a built site, as site-relative paths. */
export function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** Internal href/src targets of one HTML page, resolved to site paths (query and hash removed). */
export function internalLinks(html: string, pagePath: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const raw = m[1]!.replace(/&amp;/g, '&');
    if (/^(?:[a-z]+:|#|\/\/)/i.test(raw)) continue;
    const clean = raw.split('#')[0]!.split('?')[0]!;
    if (!clean) continue;
    out.push(clean.startsWith('/') ? clean : path.posix.join(path.posix.dirname(`/${pagePath}`), clean));
  }
  return out;
}

/** Whether a site path resolves to a file the way a static host serves it. */
export function resolves(root: string, sitePath: string): boolean {
  const file = path.join(root, decodeURIComponent(sitePath));
  if (!existsSync(file)) return false;
  return statSync(file).isFile() || existsSync(path.join(file, 'index.html'));
}

/** Broken internal links across a built site: [page, target] pairs. */
export function brokenLinks(root: string): Array<[string, string]> {
  const broken: Array<[string, string]> = [];
  for (const page of htmlFiles(root)) {
    for (const target of internalLinks(readFileSync(path.join(root, page), 'utf8'), page)) {
      if (!resolves(root, target)) broken.push([page, target]);
    }
  }
  return broken;
}
