/**
 * A streaming splitter for tool output: one JSON document, or several (JSON lines), read chunk by
 * chunk. It hands each element of a large array to the parser as soon as it is complete, so
 * memory stays at one element, not the whole export: the elements of a top-level array, and the
 * elements of arrays under the top-level keys named in `streamKeys` (borg's "archives", AWS
 * Backup's "BackupJobs"). The rest of each document is handed over at its end with those arrays
 * emptied. It only finds boundaries (strings, brackets, commas); JSON.parse reads each piece.
 */

/** One element of a streamed array, as text, with the line it starts on. */
export interface ScanElement {
  /** Which top-level document it is in (0 for a single document; one per line for JSON lines). */
  doc: number;
  /** The top-level key holding the array, or null when the document itself is the array. */
  key: string | null;
  index: number;
  text: string;
  line: number;
}

/** A whole top-level document, its streamed arrays emptied ("[]" for a top-level array). */
export interface ScanDocument {
  doc: number;
  text: string;
  line: number;
  /** Elements streamed out of it, per key ("" for a top-level array). */
  streamed: Record<string, number>;
}

/** The input is not well-formed JSON; `line` is where it broke. */
export class ScanError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface ScanHandlers {
  streamKeys?: ReadonlySet<string>;
  element(e: ScanElement): void;
  document(d: ScanDocument): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (b: number) => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;

/** Bytes collected across chunks. */
class Capture {
  private parts: Buffer[] = [];
  start = -1;
  begin(at: number): void {
    this.parts = [];
    this.start = at;
  }
  /** Keeps the bytes of this chunk up to `end` (exclusive) and stops. */
  finish(chunk: Buffer, end: number): Buffer {
    if (this.start >= 0 && end > this.start) this.parts.push(chunk.subarray(this.start, end));
    this.start = -1;
    const out = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
    this.parts = [];
    return out;
  }
  /** Keeps the bytes up to `end` and goes on capturing from `resume` (skips what lies between). */
  pause(chunk: Buffer, end: number): void {
    if (this.start >= 0 && end > this.start) this.parts.push(chunk.subarray(this.start, end));
    this.start = -1;
  }
  resume(at: number): void {
    this.start = at;
  }
  /** At the end of a chunk: keep what is captured so far. */
  carry(chunk: Buffer): void {
    if (this.start >= 0) {
      if (chunk.length > this.start) this.parts.push(chunk.subarray(this.start));
      this.start = 0;
    }
  }
  get active(): boolean {
    return this.start >= 0;
  }
}

export class JsonScanner {
  private line = 1;
  private inString = false;
  private escape = false;
  private depth = 0;
  private doc = -1;
  private topType = 0;
  private docLine = 0;
  /** Depth at which array elements are being streamed (1 for a top-level array, 2 under a key), 0 when none. */
  private streamDepth = 0;
  private streamKey: string | null = null;
  private index = 0;
  private elementLine = 0;
  private inElement = false;
  private expectKey = false;
  private lastKey: string | null = null;
  private afterColon = false;
  private streamed: Record<string, number> = {};
  private readonly docCap = new Capture();
  private readonly elCap = new Capture();
  private readonly keyCap = new Capture();
  private readonly streamKeys: ReadonlySet<string>;

  constructor(private readonly handlers: ScanHandlers) {
    this.streamKeys = handlers.streamKeys ?? new Set();
  }

  private emitElement(chunk: Buffer, end: number): void {
    const text = this.elCap.finish(chunk, end).toString('utf8').trim();
    this.inElement = false;
    if (!text) throw new ScanError('an array has an empty element (two commas in a row, or a comma before "]")', this.line);
    this.handlers.element({ doc: this.doc, key: this.streamKey, index: this.index++, text, line: this.elementLine });
  }

  write(chunk: Buffer): void {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i]!;
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          continue;
        }
        // Jump to the next quote; it closes the string unless an odd run of backslashes escapes it.
        const q = chunk.indexOf(QUOTE, i);
        const stop = q < 0 ? n : q;
        let k = 0;
        while (stop - 1 - k >= i && chunk[stop - 1 - k] === BACKSLASH) k++;
        if (q < 0) {
          this.escape = k % 2 === 1;
          i = n;
          continue;
        }
        i = q;
        if (k % 2 === 0) {
          this.inString = false;
          if (this.keyCap.active) {
            const raw = this.keyCap.finish(chunk, i + 1).toString('utf8');
            try {
              this.lastKey = JSON.parse(raw) as string;
            } catch {
              throw new ScanError(`a key is not a valid JSON string: ${raw.slice(0, 60)}`, this.line);
            }
          }
        }
        continue;
      }
      if (b === NEWLINE) {
        this.line++;
        continue;
      }
      if (isSpace(b)) continue;

      // The start of an element of the array being streamed.
      if (this.streamDepth && this.depth === this.streamDepth && !this.inElement && b !== COMMA && b !== CLOSE_BRACKET) {
        this.inElement = true;
        this.elementLine = this.line;
        this.elCap.begin(i);
      }

      if (this.depth === 0) {
        if (b !== OPEN_BRACE && b !== OPEN_BRACKET) {
          throw new ScanError(`expected a JSON object or array, found "${String.fromCharCode(b)}"`, this.line);
        }
        this.doc++;
        this.topType = b;
        this.docLine = this.line;
        this.streamed = {};
        if (b === OPEN_BRACKET) {
          this.streamDepth = 1;
          this.streamKey = null;
          this.index = 0;
        } else {
          this.docCap.begin(i);
          this.expectKey = true;
        }
        this.depth = 1;
        continue;
      }

      if (b === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.topType === OPEN_BRACE && this.expectKey) this.keyCap.begin(i);
        this.afterColon = false;
        continue;
      }
      if (b === OPEN_BRACE || b === OPEN_BRACKET) {
        if (b === OPEN_BRACKET && this.afterColon && this.depth === 1 && this.lastKey !== null && this.streamKeys.has(this.lastKey)) {
          this.streamDepth = 2;
          this.streamKey = this.lastKey;
          this.index = 0;
          this.docCap.pause(chunk, i + 1);
        }
        this.afterColon = false;
        this.depth++;
        continue;
      }
      if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        if (this.streamDepth && this.depth === this.streamDepth) {
          if (b !== CLOSE_BRACKET) throw new ScanError('"}" closes an array (a "]" is missing or misplaced)', this.line);
          if (this.inElement) this.emitElement(chunk, i);
          this.streamed[this.streamKey ?? ''] = this.index;
          this.streamDepth = 0;
          this.docCap.resume(i);
        }
        this.depth--;
        this.afterColon = false;
        if (this.depth === 0) {
          const text = this.topType === OPEN_BRACKET ? '[]' : this.docCap.finish(chunk, i + 1).toString('utf8');
          this.handlers.document({ doc: this.doc, text, line: this.docLine, streamed: this.streamed });
        }
        continue;
      }
      if (b === COMMA) {
        if (this.streamDepth && this.depth === this.streamDepth && this.inElement) this.emitElement(chunk, i);
        if (this.depth === 1 && this.topType === OPEN_BRACE) this.expectKey = true;
        this.afterColon = false;
        continue;
      }
      if (b === COLON) {
        if (this.depth === 1 && this.topType === OPEN_BRACE) {
          this.expectKey = false;
          this.afterColon = true;
        }
        continue;
      }
      this.afterColon = false;
    }
    this.docCap.carry(chunk);
    this.elCap.carry(chunk);
    this.keyCap.carry(chunk);
  }

  end(): void {
    if (this.inString) throw new ScanError('the output ends inside a string: it was cut off', this.line);
    if (this.depth > 0) throw new ScanError(`the output ends with ${this.depth} bracket${this.depth === 1 ? '' : 's'} still open: it was cut off`, this.line);
    if (this.doc < 0) throw new ScanError('the output is empty', this.line);
  }
}

/** JSON.parse with the line it broke on, counted from `firstLine`. */
export function parseJsonAt(text: string, firstLine: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const m = /position (\d+)/.exec((error as Error).message);
    const offset = m ? text.slice(0, Number(m[1])).split('\n').length - 1 : 0;
    throw new ScanError(`not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '')}`, firstLine + offset);
  }
}
