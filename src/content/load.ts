import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter, parseYaml, type ParsedSource } from './frontmatter.ts';
import { relativePosix } from './paths.ts';
import { readContentText, unreadFile } from './text.ts';
import type { YamlCache } from './yaml-cache.ts';

/** The small, named content vocabulary: each kind lives in its own folder. */
export const CONTENT_DIRS = {
  policy: 'policies',
  measure: 'measures',
  evidence: 'evidence',
  framework: 'frameworks',
} as const;
export const CONFIG_FILE = 'proofbook.yaml';

export type SourceKind = keyof typeof CONTENT_DIRS;

export interface SourceFile extends ParsedSource {
  kind: SourceKind | 'config';
  /** Path relative to the content root, forward slashes. */
  file: string;
}

const EXTENSIONS: Record<SourceKind, RegExp> = {
  policy: /\.mdx?$/,
  measure: /\.mdx?$/,
  evidence: /\.mdx?$/,
  framework: /\.ya?ml$/,
};

/** Artifact files live here (e.g. evidence/files/report.md): never read as records, whatever their extension. */
export const ARTIFACT_DIR = 'files';

/**
 * Files of one kind, sorted. Names starting with "_" and the artifact folder are skipped. Files
 * the site build would not read (a symbolic link, an upper-case extension such as .MDX) are
 * returned with the reason, so they are reported rather than skipped in silence.
 */
function listFiles(dir: string, pattern: RegExp): Array<{ abs: string; refused?: { message: string; fix: string } }> {
  if (!existsSync(dir)) return [];
  const out: Array<{ abs: string; refused?: { message: string; fix: string } }> = [];
  const anyCase = new RegExp(pattern.source, 'i');
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!anyCase.test(entry.name) || entry.name.startsWith('_')) continue;
    const abs = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    if (path.relative(dir, abs).split(path.sep)[0] === ARTIFACT_DIR) continue;
    if (entry.isSymbolicLink()) out.push({ abs, refused: { message: 'This record is a symbolic link: records must be real files in the content folder (a link can lead outside it, and git and the site build treat it differently).', fix: 'replace the link with the file itself' } });
    else if (!entry.isFile()) continue;
    else if (!pattern.test(entry.name)) out.push({ abs, refused: { message: `The extension of ${entry.name} is not lower case, so the site build would skip it.`, fix: `rename it to ${entry.name.replace(/\.[^.]+$/, (e) => e.toLowerCase())}` } });
    else out.push({ abs });
  }
  return out.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
}

/** Reads and parses every content source file below `root` (no validation beyond YAML syntax); `cache` skips parsing unchanged text again. */
export function readSources(root: string, cache?: YamlCache): { config?: SourceFile; files: SourceFile[] } {
  const files: SourceFile[] = [];
  for (const kind of Object.keys(CONTENT_DIRS) as SourceKind[]) {
    for (const { abs, refused } of listFiles(path.join(root, CONTENT_DIRS[kind]), EXTENSIONS[kind])) {
      const file = relativePosix(root, abs);
      if (refused) {
        files.push({ ...unreadFile({ code: 'schema', file, line: 1, ...refused }), kind, file });
        continue;
      }
      const read = readContentText(abs, file);
      const parsed = 'problem' in read ? unreadFile(read.problem, read.lossy) : kind === 'framework' ? parseYaml(read.text, file, 0, cache) : parseFrontmatter(read.text, file, cache);
      files.push({ ...parsed, kind, file });
    }
  }
  const configPath = path.join(root, CONFIG_FILE);
  const configText = existsSync(configPath) && statSync(configPath).isFile() ? readContentText(configPath, CONFIG_FILE) : undefined;
  const config = configText && { ...('problem' in configText ? unreadFile(configText.problem) : parseYaml(configText.text, CONFIG_FILE, 0, cache)), kind: 'config' as const, file: CONFIG_FILE };
  return { config, files };
}
