import { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { ZipFile } from 'yazl';
import { FILE_MODE, inUtc } from '../release/zip.ts';

/**
 * Office files are zips, and exceljs writes them with the time of writing on every entry.
 * Re-packing the entries (same names, same order, same bytes) with one fixed timestamp, no
 * compression and fixed permissions makes two exports of the same content byte-identical,
 * the way release bundles are (src/release/zip.ts).
 */
export interface ZipEntryData {
  name: string;
  data: Buffer;
}

/** Every file entry of a zip held in memory, in stored order. */
export function readZipEntries(buffer: Buffer): Promise<ZipEntryData[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err) return reject(err);
      const out: ZipEntryData[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = String(entry.fileName);
        if (name.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            out.push({ name, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Writes the entries again, in the same order, every one stamped `mtime` and stored uncompressed. */
export async function repackZip(entries: ZipEntryData[], mtime: Date): Promise<Buffer> {
  const zip = new ZipFile();
  inUtc(() => {
    for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, mode: FILE_MODE, compress: false, forceDosTimestamp: true });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(zip.outputStream)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A zip with every timestamp fixed to `mtime`. */
export async function normaliseZip(buffer: Buffer, mtime: Date): Promise<Buffer> {
  return repackZip(await readZipEntries(buffer), mtime);
}
