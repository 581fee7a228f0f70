import { existsSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** Writes a file through a temp file and a rename, so readers never see half of it. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** A sibling temp folder for building `target` (same file system, so the final rename is atomic). */
export function tempSibling(target: string, label = 'tmp'): string {
  const dir = `${path.resolve(target)}.${label}-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/**
 * Replaces folder `target` with the finished folder `built`: the old one is moved aside,
 * the new one renamed in, then the old one deleted. A failure before this leaves `target` as it was.
 */
export function swapDirectory(built: string, target: string): void {
  const old = `${path.resolve(target)}.old-${process.pid}`;
  const had = existsSync(target);
  if (had) renameSync(target, old);
  try {
    renameSync(built, target);
  } catch (error) {
    if (had) renameSync(old, target);
    throw error;
  }
  if (had) rmSync(old, { recursive: true, force: true });
}
