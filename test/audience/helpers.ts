import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, inflateSync } from 'node:zlib';
import { pngChunks, pngText } from '../../src/trust/png.ts';

/** Every file below a built site, site-relative with forward slashes. */
export function siteFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(root, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/**
 * What a person (or a crawler) could read out of one output file, lower-cased: gzip files
 * (pagefind's index, fragments and metadata) decompressed, PNG text chunks, everything else
 * as UTF-8 text. The file's own path is included.
 */
export function readable(root: string, file: string): string {
  let buf = readFileSync(path.join(root, file));
  if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
  const body = buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    ? pngText(buf).map(([k, v]) => `${k}: ${v}`).join('\n')
    : buf.toString('utf8');
  return `${file}\n${body}`.toLowerCase();
}

/** Files of a site whose readable text contains `needle` (case-insensitive). */
export function filesContaining(root: string, needle: string): string[] {
  const n = needle.toLowerCase();
  return siteFiles(root).filter((f) => readable(root, f).includes(n));
}

/** Decodes an 8-bit RGB/RGBA, non-interlaced PNG (what resvg writes) to raw pixels. */
export function decodePng(buf: Buffer): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const chunks = pngChunks(buf);
  const ihdr = chunks.find((c) => c.type === 'IHDR')!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8];
  const colour = ihdr[9];
  if (depth !== 8 || (colour !== 6 && colour !== 2) || ihdr[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}`);
  const channels = colour === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const v = line[x]!;
      pixels[y * stride + x] = (filter === 0 ? v : filter === 1 ? v + a : filter === 2 ? v + b : filter === 3 ? v + ((a + b) >> 1) : v + paeth) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}
