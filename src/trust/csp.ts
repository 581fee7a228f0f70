import { createHash } from 'node:crypto';

/**
 * The trust center's Content-Security-Policy, a second line behind the body sanitiser
 * (src/content/sanitize.ts): should script ever slip into a published page, the browser still
 * refuses to run it. Pages run no script at all, except the search page's own inline script,
 * allowed by its sha256 (plus WebAssembly, which pagefind's index reader needs).
 */
export function contentSecurityPolicy(allowedInlineScripts: string[] = []): string {
  const hashes = allowedInlineScripts.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  return [
    "default-src 'self'",
    hashes.length ? `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}` : "script-src 'none'",
    // Code highlighting and Astro's scoped styles use inline style; they cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The text of every inline <script> in a page's own markup (the search page's), to allow exactly those. */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);
}
