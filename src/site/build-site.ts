import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { swapDirectory, tempSibling } from '../util/atomic.ts';

/** The Proofbook package root (where astro.config.mjs lives), whatever the cwd. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface SiteBuildOptions {
  contentDir: string;
  outDir: string;
  asOf: string;
  /** Astro log level; the CLI keeps it quiet. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/**
 * Runs Astro's static build into a temp folder beside the output and swaps it in only
 * when the build succeeded: a failed build leaves the previous site untouched.
 * The content root and date reach the site through the environment, where
 * src/site/model.ts picks them up (Astro runs our modules in its own bundle).
 */
export async function buildSite(options: SiteBuildOptions): Promise<void> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  // Astro stages server chunks in <cwd>/.astro unless outDir is inside the cwd, which would
  // clobber its own .astro folder; so we build inside the package root with it as cwd.
  const stage = path.join(PACKAGE_ROOT, 'node_modules', '.proofbook', `build-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.dirname(stage), { recursive: true });
  process.env.PROOFBOOK_CONTENT = contentDir;
  process.env.PROOFBOOK_AS_OF = options.asOf;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro's content cache is keyed by content root so switching roots never serves stale entries.
  const cacheKey = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  const { build } = await import('astro');
  const cwd = process.cwd();
  try {
    process.chdir(PACKAGE_ROOT);
    await build({
      root: PACKAGE_ROOT,
      outDir: stage,
      cacheDir: path.join(PACKAGE_ROOT, 'node_modules', '.astro', cacheKey),
      logLevel: options.logLevel ?? 'warn',
    });
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(cwd);
  }
  // Move next to the target first (a rename across file systems is not possible), then swap.
  const tmp = tempSibling(outDir, 'building');
  try {
    renameSync(stage, tmp);
  } catch {
    cpSync(stage, tmp, { recursive: true });
    rmSync(stage, { recursive: true, force: true });
  }
  swapDirectory(tmp, outDir);
}
