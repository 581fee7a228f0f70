import { lstatSync, realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Resolves a path written in content (always relative to the content root, forward slashes)
 * and refuses anything that would leave the root: "..", absolute paths, or a symlink out.
 * Returns the absolute path, or an error sentence.
 */
export function resolveInside(root: string, rel: string): { abs: string } | { error: string } {
  if (rel.includes('\\')) return { error: 'use forward slashes in paths' };
  if (path.posix.isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return { error: 'the path must be relative to the content root, not absolute' };
  const norm = path.posix.normalize(rel);
  if (norm === '..' || norm.startsWith('../')) return { error: 'the path leaves the content root' };
  const abs = path.join(root, norm);
  try {
    // A link anywhere on the way could lead out: resolve the real path. Folders are resolved
    // once and cached (10,000 artifacts usually share a handful), the file itself only when
    // it is a link.
    const realRoot = realDir(root);
    const real = lstatSync(abs).isSymbolicLink() ? realpathSync.native(abs) : path.join(realDir(path.dirname(abs)), path.basename(abs));
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return { error: 'the path is a link that leads outside the content root' };
  } catch {
    // Missing files are reported by the caller, which knows what the file was for.
  }
  return { abs };
}

const realDirs = new Map<string, string>();
/** realpath of a folder, cached for the life of the process (content folders do not move during a build). */
function realDir(dir: string): string {
  let real = realDirs.get(dir);
  if (real === undefined) realDirs.set(dir, (real = realpathSync.native(dir)));
  return real;
}

/** Forward-slash path relative to root, for messages and output (never absolute). */
export function relativePosix(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}
