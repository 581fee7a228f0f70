import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { ZipFile } from 'yazl';
import { comparePaths } from './digest.ts';

/**
 * A byte-reproducible zip writer on top of yazl. What makes two runs (and two machines)
 * produce the same bytes:
 * - entries in byte order of their paths, directories included, all under one root folder;
 * - one fixed timestamp for every entry (the release commit's time), written as a DOS
 *   timestamp in UTC whatever the machine's time zone, with no extra fields;
 * - fixed permissions (0644 files, 0755 folders), no owner, no comments;
 * - no compression: stored bytes depend only on the content (deflate output can differ
 *   between zlib builds), and packing runs at disk speed.
 */
export interface ZipInput {
  /** Path inside the root folder, forward slashes. */
  path: string;
  /** Absolute file to read (streamed), or */
  file?: string;
  /** bytes to store. */
  data?: Uint8Array;
  /** Size in bytes (required with `file`). */
  size: number;
}

export interface PackedFile {
  path: string;
  size: number;
  sha256: string;
}

export const FILE_MODE = 0o100644;
export const DIR_MODE = 0o40755;

function entryOptions(mtime: Date, mode: number, size?: number) {
  return { mtime, mode, compress: false, forceDosTimestamp: true, ...(size === undefined ? {} : { size }) };
}

/** Runs `fn` with the process time zone set to UTC (yazl derives DOS timestamps from local time, synchronously). */
export function inUtc<T>(fn: () => T): T {
  const had = Object.prototype.hasOwnProperty.call(process.env, 'TZ');
  const before = process.env.TZ;
  process.env.TZ = 'UTC';
  try {
    return fn();
  } finally {
    if (had) process.env.TZ = before;
    else delete process.env.TZ;
  }
}

/** Passes bytes through while hashing them. */
class HashingStream extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
    this.hash.update(chunk);
    this.size += chunk.length;
    cb(null, chunk);
  }
}

export interface WriteZipOptions {
  /** Absolute output file (written as is; the caller renames it into place). */
  out: string;
  /** The single top-level folder, e.g. "proofbook-2026.1". */
  root: string;
  /** Every content file; their sha256 is computed while they are packed (one read per file). */
  inputs: ZipInput[];
  /** Timestamp of every entry. */
  mtime: Date;
  /**
   * Files written after the content, computed from the packed files' hashes (MANIFEST.json
   * and its signature). They are not part of the returned file list.
   */
  trailer: (files: PackedFile[]) => Array<{ path: string; data: Uint8Array }>;
}

/** Writes the zip and returns each content file's sha256 and the zip's own sha256 and size. */
export async function writeZip(options: WriteZipOptions): Promise<{ files: PackedFile[]; sha256: string; size: number }> {
  const { root, mtime } = options;
  const inputs = [...options.inputs].sort((a, b) => comparePaths(a.path, b.path));
  for (let i = 1; i < inputs.length; i++) if (inputs[i]!.path === inputs[i - 1]!.path) throw new Error(`duplicate bundle path ${inputs[i]!.path}`);
  const dirs = new Set<string>(['']);
  for (const i of inputs) {
    const parts = i.path.split('/');
    for (let n = 1; n < parts.length; n++) dirs.add(parts.slice(0, n).join('/'));
  }
  type Item = { name: string; dir: true } | { name: string; dir: false; input: ZipInput };
  const items: Item[] = [
    ...[...dirs].map((d): Item => ({ name: d ? `${root}/${d}/` : `${root}/`, dir: true })),
    ...inputs.map((input): Item => ({ name: `${root}/${input.path}`, dir: false, input })),
  ].sort((a, b) => comparePaths(a.name, b.name));

  const zip = new ZipFile();
  const zipHash = createHash('sha256');
  let zipSize = 0;
  const sink = createWriteStream(options.out);
  const done = new Promise<void>((resolve, reject) => {
    sink.on('close', resolve);
    sink.on('error', reject);
    zip.outputStream.on('error', reject);
    zip.on('error', reject);
  });
  zip.outputStream.on('data', (chunk: Buffer) => {
    zipHash.update(chunk);
    zipSize += chunk.length;
    if (!sink.write(chunk)) {
      zip.outputStream.pause();
      sink.once('drain', () => zip.outputStream.resume());
    }
  });
  zip.outputStream.on('end', () => sink.end());

  const packed: Array<Promise<PackedFile>> = [];
  inUtc(() => {
    for (const item of items) {
      if (item.dir) {
        zip.addEmptyDirectory(item.name, { mtime, mode: DIR_MODE, forceDosTimestamp: true });
        continue;
      }
      const { input } = item;
      if (input.data) {
        packed.push(Promise.resolve({ path: input.path, size: input.data.length, sha256: createHash('sha256').update(input.data).digest('hex') }));
        zip.addBuffer(Buffer.from(input.data), item.name, entryOptions(mtime, FILE_MODE));
        continue;
      }
      let resolveFile!: (f: PackedFile) => void;
      let rejectFile!: (e: Error) => void;
      packed.push(new Promise<PackedFile>((res, rej) => ((resolveFile = res), (rejectFile = rej))));
      zip.addReadStreamLazy(item.name, entryOptions(mtime, FILE_MODE, input.size), (cb) => {
        const source = createReadStream(input.file!, { highWaterMark: 1 << 20 });
        const hashing = new HashingStream({ highWaterMark: 1 << 20 });
        source.on('error', (e) => {
          rejectFile(e);
          hashing.destroy(e);
        });
        hashing.on('end', () => resolveFile({ path: input.path, size: hashing.size, sha256: hashing.hash.digest('hex') }));
        cb(null, source.pipe(hashing));
      });
    }
  });
  // The trailer needs every hash, which exist only once the files have streamed through.
  const trailerDone = Promise.all(packed).then((files) => {
    inUtc(() => {
      for (const t of options.trailer(files)) zip.addBuffer(Buffer.from(t.data), `${root}/${t.path}`, entryOptions(mtime, FILE_MODE));
    });
    zip.end();
    return files;
  });
  trailerDone.catch((e: Error) => {
    zip.outputStream.destroy(e);
    sink.destroy(e);
  });
  const [files] = await Promise.all([trailerDone, done]);
  return { files, sha256: zipHash.digest('hex'), size: zipSize };
}
