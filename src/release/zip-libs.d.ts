// Minimal typings for the parts of yazl 3 and yauzl 3 Proofbook uses (neither ships types).

declare module 'yazl' {
  import type { Readable } from 'node:stream';
  import type { EventEmitter } from 'node:events';

  export interface EntryOptions {
    mtime?: Date;
    mode?: number;
    compress?: boolean;
    compressionLevel?: number;
    forceZip64Format?: boolean;
    forceDosTimestamp?: boolean;
    fileComment?: string | Buffer;
    size?: number;
  }

  export class ZipFile extends EventEmitter {
    outputStream: Readable;
    addFile(realPath: string, metadataPath: string, options?: EntryOptions): void;
    addReadStream(stream: Readable, metadataPath: string, options?: EntryOptions): void;
    addReadStreamLazy(metadataPath: string, options: EntryOptions, getReadStream: (cb: (err: Error | null, stream: Readable) => void) => void): void;
    addBuffer(buffer: Buffer, metadataPath: string, options?: EntryOptions): void;
    addEmptyDirectory(metadataPath: string, options?: Pick<EntryOptions, 'mtime' | 'mode' | 'forceDosTimestamp'>): void;
    end(options?: { forceZip64Format?: boolean; comment?: string | Buffer }, calculatedTotalSizeCallback?: (size: number) => void): void;
  }
}

declare module 'yauzl' {
  import type { Readable } from 'node:stream';
  import type { EventEmitter } from 'node:events';

  export interface Options {
    autoClose?: boolean;
    lazyEntries?: boolean;
    decodeStrings?: boolean;
    validateEntrySizes?: boolean;
    strictFileNames?: boolean;
  }

  export interface Entry {
    /** A string, or a Buffer when decodeStrings is false. */
    fileName: string | Buffer;
    fileNameRaw: Buffer;
    extraFields: Array<{ id: number; data: Buffer }>;
    generalPurposeBitFlag: number;
    compressionMethod: number;
    compressedSize: number;
    uncompressedSize: number;
    externalFileAttributes: number;
    versionMadeBy: number;
    relativeOffsetOfLocalHeader: number;
    crc32: number;
    isEncrypted(): boolean;
    isCompressed(): boolean;
  }

  export class ZipFile extends EventEmitter {
    entryCount: number;
    fileSize: number;
    readEntry(): void;
    openReadStream(entry: Entry, callback: (err: Error | null, stream: Readable) => void): void;
    readLocalFileHeader(entry: Entry, options: { minimal?: boolean }, callback: (err: Error | null, header: { fileName: Buffer; fileDataStart: number; crc32: number; compressionMethod: number }) => void): void;
    close(): void;
    isOpen: boolean;
  }

  export function open(path: string, options: Options, callback: (err: Error | null, zipfile: ZipFile) => void): void;
  export function fromBuffer(buffer: Buffer, options: Options, callback: (err: Error | null, zipfile: ZipFile) => void): void;
}
