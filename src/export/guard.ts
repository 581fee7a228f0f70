import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileTexts, guardMarkers, leaksInFiles, normalise, type Leak } from '../site/leak-guard.ts';
import type { Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';
import { readZipEntries } from './zip.ts';

/**
 * The leak guard for exports, run like it is on pages: every file's text is searched for what
 * the audience may not see. Workbooks are unzipped and each part read; PDFs are read with
 * pdftotext (poppler-utils) when it is installed, and otherwise refused below internal, since
 * a PDF that cannot be read cannot be cleared.
 */
const run = promisify(execFile);

export const PDFTOTEXT = 'pdftotext';

/** Text of a PDF via pdftotext, or undefined when pdftotext is not installed. */
export async function pdfText(data: Buffer): Promise<string | undefined> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proofbook-pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, data);
    const { stdout } = await run(PDFTOTEXT, ['-enc', 'UTF-8', '-layout', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every normalised text of one export file, with parts of zips read one by one. */
export async function exportTexts(name: string, data: Buffer): Promise<string[]> {
  if (data.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004') {
    const parts = await readZipEntries(data);
    return parts.flatMap((p) => [normalise(p.name), ...fileTexts(p.name, p.data)]);
  }
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') {
    const text = await pdfText(data);
    if (text === undefined) throw new Error(`cannot check ${name} for leaks: pdftotext is not installed (apt-get install -y poppler-utils)`);
    return [normalise(text)];
  }
  return fileTexts(name, data);
}

/** Leaks in a set of export files for an audience, given the full model. */
export async function guardExports(files: Array<{ name: string; data: Buffer }>, model: Model, audience: Audience, contentDir?: string): Promise<Leak[]> {
  const markers = guardMarkers(model, audience, contentDir);
  const texts: Array<{ file: string; texts: string[] }> = [];
  for (const f of files) texts.push({ file: f.name, texts: [normalise(f.name), ...(await exportTexts(f.name, f.data))] });
  return leaksInFiles(texts, markers);
}
