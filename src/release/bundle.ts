import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import zlib from 'node:zlib';
import * as yauzl from 'yauzl';

/**
 * Reading snapshot bundles that may be hostile. Nothing here trusts the zip: entry names
 * are checked before anything is read (no absolute paths, no "..", no backslashes, no
 * duplicates even by case, valid UTF-8, no symlinks), declared sizes are checked against
 * hard limits and the file's own size before any byte is inflated, and every read is
 * capped at the declared size (yauzl's validateEntrySizes).
 */
export const LIMITS = {
  maxEntries: 500_000,
  /** Largest single file a bundle may declare. */
  maxEntrySize: 64 * 1024 ** 3,
  /** Largest total of declared sizes. */
  maxTotalSize: 512 * 1024 ** 3,
  /** Largest compression ratio for entries over 1 MiB (a zip bomb declares far more). */
  maxRatio: 1000,
  /** Largest MANIFEST.json / signature read into memory. */
  maxManifestSize: 256 * 1024 ** 2,
};

export const MANIFEST = 'MANIFEST.json';
export const SIGNATURE = 'MANIFEST.json.sig';

export type IssueKind = 'changed' | 'added' | 'missing' | 'unsafe' | 'manifest' | 'signature' | 'ledger';

/** One reason a bundle does not verify, naming the file when there is one. */
export interface Issue {
  kind: IssueKind;
  /** Path inside the bundle folder (or the raw entry name for unsafe entries). */
  path?: string;
  message: string;
}

/** A bundle that cannot be checked at all (not a zip, no manifest), with what was found wrong on the way. */
export class BundleError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

export interface BundleEntry {
  /** Full entry name, "proofbook-2026.1/index.html". */
  name: string;
  dir: boolean;
  entry: yauzl.Entry;
}

export interface OpenedBundle {
  file: string;
  /** The folder all entries live in, from the manifest's location. */
  root: string;
  /** Entries with safe names, by full name. */
  entries: Map<string, BundleEntry>;
  manifest: BundleEntry;
  signature?: BundleEntry;
  /** Unsafe, duplicate or oversized entries and entries outside the root folder. */
  issues: Issue[];
  zip: yauzl.ZipFile;
  close(): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why an entry name is unsafe to extract, or undefined when it is fine. */
export function unsafeName(name: string): string | undefined {
  if (!name) return 'the entry has an empty name';
  if (name.includes('\0')) return 'the name contains a NUL byte';
  if (name.includes('\\')) return 'the name contains a backslash (on Windows it would be a folder separator)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'the name is an absolute path (zip-slip: it would be written outside the folder)';
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.includes('..')) return 'the name contains ".." (zip-slip: it would be written outside the folder)';
  if (parts.some((p) => p === '' || p === '.')) return 'the name contains an empty or "." path segment';
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(name)) return 'the name contains control characters';
  return undefined;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err) reject(new BundleError(`not a readable zip file (${err.message})`));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  if (zip.entryCount > LIMITS.maxEntries) return Promise.reject(new BundleError(`the zip declares ${zip.entryCount} entries, more than the limit of ${LIMITS.maxEntries}`));
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', (err: Error) => reject(new BundleError(`the zip's central directory is damaged (${err.message})`)));
    zip.readEntry();
  });
}

/** Opens a bundle and checks its structure; throws BundleError when it cannot be checked at all. */
export async function openBundle(file: string): Promise<OpenedBundle> {
  const fileSize = statSync(file).size;
  const zip = await openZip(file);
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  try {
    const raw = await listEntries(zip);
    const issues: Issue[] = [];
    const entries = new Map<string, BundleEntry>();
    const folded = new Map<string, string>();
    let total = 0;
    for (const e of raw) {
      let name: string;
      try {
        name = utf8.decode(e.fileNameRaw);
      } catch {
        issues.push({ kind: 'unsafe', path: e.fileNameRaw.toString('latin1'), message: 'the entry name is not valid UTF-8' });
        continue;
      }
      const unsafe = unsafeName(name);
      if (unsafe) {
        issues.push({ kind: 'unsafe', path: name, message: unsafe });
        continue;
      }
      const type = (e.externalFileAttributes >>> 16) & 0o170000;
      const madeOnUnix = e.versionMadeBy >> 8 === 3;
      if (madeOnUnix && type === 0o120000) {
        issues.push({ kind: 'unsafe', path: name, message: 'the entry is a symbolic link (it could point outside the folder)' });
        continue;
      }
      if (e.isEncrypted()) {
        issues.push({ kind: 'unsafe', path: name, message: 'the entry is encrypted' });
        continue;
      }
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) {
        issues.push({ kind: 'unsafe', path: name, message: `the entry uses compression method ${e.compressionMethod} (only stored and deflate are read)` });
        continue;
      }
      if (e.uncompressedSize > LIMITS.maxEntrySize) {
        issues.push({ kind: 'unsafe', path: name, message: `the entry declares an absurd size (${e.uncompressedSize} bytes, over the ${LIMITS.maxEntrySize}-byte limit)` });
        continue;
      }
      if (e.compressedSize > fileSize) {
        issues.push({ kind: 'unsafe', path: name, message: `the entry declares ${e.compressedSize} bytes of data, more than the whole zip holds` });
        continue;
      }
      if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > Math.max(1, e.compressedSize) * LIMITS.maxRatio) {
        issues.push({ kind: 'unsafe', path: name, message: `the entry would inflate ${e.compressedSize} bytes to ${e.uncompressedSize} (a zip bomb)` });
        continue;
      }
      total += e.uncompressedSize;
      const key = name.replace(/\/$/, '').normalize('NFC').toLowerCase();
      const clash = folded.get(key);
      if (clash !== undefined) {
        issues.push({ kind: 'unsafe', path: name, message: clash === name ? 'the name appears twice in the zip (duplicate entry)' : `the name differs from "${clash}" only by case (duplicate entry on most file systems)` });
        continue;
      }
      folded.set(key, name);
      entries.set(name, { name, dir: name.endsWith('/'), entry: e });
    }
    if (total > LIMITS.maxTotalSize) throw new BundleError(`the zip declares ${total} bytes in total, over the ${LIMITS.maxTotalSize}-byte limit`, issues);
    const manifests = [...entries.values()].filter((e) => !e.dir && /^[^/]+\/MANIFEST\.json$/.test(e.name));
    if (!manifests.length) {
      const stray = [...entries.keys()].find((n) => n === MANIFEST || n.endsWith(`/${MANIFEST}`));
      throw new BundleError(stray ? `MANIFEST.json is not at the top of the bundle folder (found ${stray})` : 'MANIFEST.json is missing: this is not a Proofbook bundle, or its manifest was removed', issues);
    }
    if (manifests.length > 1) throw new BundleError(`the zip holds ${manifests.length} manifests (${manifests.map((m) => m.name).join(', ')}); a bundle has exactly one folder`, issues);
    const manifest = manifests[0]!;
    const root = manifest.name.slice(0, -MANIFEST.length - 1);
    for (const name of entries.keys()) {
      if (name !== `${root}/` && !name.startsWith(`${root}/`)) {
        issues.push({ kind: 'added', path: name, message: `the entry is outside the bundle folder ${root}/` });
        entries.delete(name);
      }
    }
    return { file, root, entries, manifest, signature: entries.get(`${root}/${SIGNATURE}`), issues, zip, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Checks the entry's local header names the same file as the central directory (they must agree, or unzip tools disagree on what they extract). */
function localHeader(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<{ fileName: Buffer; fileDataStart: number; compressionMethod: number }> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: false }, (err, header) => (err ? reject(err) : resolve(header)));
  });
}

export interface EntryDigest {
  sha256: string;
  size: number;
  /** false when the data does not match the zip's own CRC-32 (checked where node:zlib has crc32). */
  crcOk: boolean;
}

/** Streams one entry, hashing it; `sink` sees every chunk (for extraction). Read errors become a rejected promise. */
export async function digestEntry(bundle: OpenedBundle, be: BundleEntry, sink?: (chunk: Buffer) => void): Promise<EntryDigest> {
  const header = await localHeader(bundle.zip, be.entry);
  if (Buffer.compare(header.fileName, be.entry.fileNameRaw) !== 0) throw new Error('its local header names a different file than the zip directory');
  const hash = createHash('sha256');
  const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  let crc = 0;
  let size = 0;
  const take = (chunk: Buffer) => {
    hash.update(chunk);
    if (crc32) crc = crc32(chunk, crc);
    size += chunk.length;
    sink?.(chunk);
  };
  if (be.entry.compressionMethod === 0 && header.compressionMethod === 0 && be.entry.compressedSize === be.entry.uncompressedSize) {
    // Stored entries (what Proofbook writes): read the data straight from the file in large
    // blocks. yauzl's stream reads 16 KB at a time, which makes verify I/O-bound for no reason.
    await readRange(bundle.file, header.fileDataStart, be.entry.compressedSize, take);
  } else {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => bundle.zip.openReadStream(be.entry, (err, s) => (err ? reject(err) : resolve(s))));
    // Events, not for-await: yauzl's fd reader stalls under async iteration.
    await new Promise<void>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => {
        try {
          take(chunk);
        } catch (error) {
          (stream as unknown as { destroy?: () => void }).destroy?.();
          reject(error as Error);
        }
      });
      stream.on('end', resolve);
      stream.on('error', reject);
    });
  }
  return { sha256: hash.digest('hex'), size, crcOk: !crc32 || crc >>> 0 === be.entry.crc32 >>> 0 };
}

const BLOCK = 1 << 20;

/** Reads `length` bytes of `file` from `start` in 1 MB blocks; fails if the file ends early. */
async function readRange(file: string, start: number, length: number, take: (chunk: Buffer) => void): Promise<void> {
  const handle = await open(file, 'r');
  try {
    let done = 0;
    while (done < length) {
      const want = Math.min(BLOCK, length - done);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buffer, 0, want, start + done);
      if (bytesRead === 0) throw new Error('the zip ends inside this entry');
      take(bytesRead === want ? buffer : buffer.subarray(0, bytesRead));
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** Reads a small entry whole (capped). */
export async function readSmallEntry(bundle: OpenedBundle, be: BundleEntry, max = LIMITS.maxManifestSize): Promise<Buffer> {
  if (be.entry.uncompressedSize > max) throw new BundleError(`${be.name} declares ${be.entry.uncompressedSize} bytes, over the ${max}-byte limit for it`);
  const chunks: Buffer[] = [];
  await digestEntry(bundle, be, (c) => void chunks.push(c));
  return Buffer.concat(chunks);
}
