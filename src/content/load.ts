import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter, parseYaml, type ParsedSource } from './frontmatter.ts';
import { relativePosix } from './paths.ts';

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

/** Files of one kind, sorted. Names starting with "_" and the artifact folder are skipped. */
function listFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !pattern.test(entry.name) || entry.name.startsWith('_')) continue;
    const abs = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    if (path.relative(dir, abs).split(path.sep)[0] === ARTIFACT_DIR) continue;
    out.push(abs);
  }
  return out.sort();
}

/** Reads and parses every content source file below `root` (no validation beyond YAML syntax). */
export function readSources(root: string): { config?: SourceFile; files: SourceFile[] } {
  const files: SourceFile[] = [];
  for (const kind of Object.keys(CONTENT_DIRS) as SourceKind[]) {
    for (const abs of listFiles(path.join(root, CONTENT_DIRS[kind]), EXTENSIONS[kind])) {
      const file = relativePosix(root, abs);
      const text = readFileSync(abs, 'utf8');
      const parsed = kind === 'framework' ? parseYaml(text, file) : parseFrontmatter(text, file);
      files.push({ ...parsed, kind, file });
    }
  }
  const configPath = path.join(root, CONFIG_FILE);
  const config =
    existsSync(configPath) && statSync(configPath).isFile()
      ? { ...parseYaml(readFileSync(configPath, 'utf8'), CONFIG_FILE), kind: 'config' as const, file: CONFIG_FILE }
      : undefined;
  return { config, files };
}
