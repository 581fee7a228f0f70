import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { TMP } from './paths.ts';

/** Copies a content folder into a fresh temp folder so a test can break it. */
export function copyContent(from: string, label = 'content'): string {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(path.join(TMP, `${label}-`));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Replaces text in a file of a copied content folder; fails loudly if the text is not there. */
export function edit(root: string, rel: string, from: string | RegExp, to: string): void {
  const file = path.join(root, rel);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${rel}`);
  writeFileSync(file, next);
}

export function write(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}
