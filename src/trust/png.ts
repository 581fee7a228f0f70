import { inflateSync } from 'node:zlib';

/**
 * Just enough PNG to label our images and to read labels back: the social images carry
 * their text in iTXt chunks (accessible metadata, and what the leak guard reads, since text
 * drawn as pixels cannot be searched).
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface PngChunk {
  type: string;
  data: Buffer;
}

export function isPng(buf: Uint8Array): boolean {
  return buf.length > 8 && Buffer.from(buf.subarray(0, 8)).equals(SIGNATURE);
}

/** The chunks of a PNG file, in order (throws on a file that is not a PNG). */
export function pngChunks(buf: Buffer): PngChunk[] {
  if (!isPng(buf)) throw new Error('not a PNG file');
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 8 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    chunks.push({ type, data: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Adds UTF-8 text chunks (iTXt, uncompressed) before IEND: { Title: '…', Description: '…' }. */
export function withPngText(png: Uint8Array, text: Record<string, string>): Buffer {
  const buf = Buffer.from(png);
  const end = buf.length - 12;
  if (!isPng(buf) || buf.toString('latin1', end + 4, end + 8) !== 'IEND') throw new Error('not a PNG file ending in IEND');
  const added = Object.entries(text).map(([key, value]) =>
    chunk('iTXt', Buffer.concat([Buffer.from(key, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(value, 'utf8')])),
  );
  return Buffer.concat([buf.subarray(0, end), ...added, buf.subarray(end)]);
}

/** Every text chunk of a PNG (tEXt, zTXt, iTXt), decoded: [keyword, text]. */
export function pngText(buf: Buffer): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const { type, data } of pngChunks(buf)) {
    const nul = data.indexOf(0);
    if (nul < 0) continue;
    const key = data.toString('latin1', 0, nul);
    if (type === 'tEXt') out.push([key, data.toString('latin1', nul + 1)]);
    else if (type === 'zTXt') out.push([key, safeInflate(data.subarray(nul + 2)).toString('latin1')]);
    else if (type === 'iTXt') {
      const compressed = data[nul + 1] === 1;
      let at = nul + 3;
      at = data.indexOf(0, at) + 1; // language tag
      at = data.indexOf(0, at) + 1; // translated keyword
      const body = data.subarray(at);
      out.push([key, (compressed ? safeInflate(body) : body).toString('utf8')]);
    } else if (type === 'eXIf') out.push(['eXIf', data.toString('latin1')]);
  }
  return out;
}

function safeInflate(data: Buffer): Buffer {
  try {
    return inflateSync(data);
  } catch {
    return data;
  }
}

/** Width and height from the IHDR chunk. */
export function pngSize(buf: Buffer): { width: number; height: number } {
  const ihdr = pngChunks(buf).find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('PNG without IHDR');
  return { width: ihdr.data.readUInt32BE(0), height: ihdr.data.readUInt32BE(4) };
}
