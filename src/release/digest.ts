import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** sha256 in lowercase hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** sha256 of a file read in 1 MiB chunks (never the whole file in memory). */
export function sha256FileSync(file: string): { sha256: string; size: number } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(file, 'r');
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (!n) break;
      size += n;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Canonical JSON: object keys sorted at every level, no whitespace, undefined dropped.
 * Digests of records are taken over this, so the YAML layout never matters.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** One line per file, as `sha256sum` prints it: "<hex>  <path>\n". */
export function checksumLine(sha: string, path: string): string {
  return `${sha}  ${path}\n`;
}

/**
 * The content digest of a bundle: sha256 over the checksum lines of every file except the
 * manifest and its signature, sorted by path (byte order). Reproduce it by hand with
 * `sha256sum` over the listed files in that order.
 */
export function contentDigest(files: ReadonlyArray<{ path: string; sha256: string }>): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort((a, b) => comparePaths(a.path, b.path))) hash.update(checksumLine(f.sha256, f.path));
  return hash.digest('hex');
}

/** Byte-order comparison of UTF-8 paths (locale-independent, the order zip entries are written in). */
export function comparePaths(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
