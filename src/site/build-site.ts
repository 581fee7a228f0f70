import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { swapDirectory, tempSibling } from '../util/atomic.ts';
import { rewriteForOffline } from '../release/offline.ts';
import { withLock } from '../util/lock.ts';
import { guardSite, LeakError } from '../audience/leak-guard.ts';
import { isOutsideAudience } from '../audience/visibility.ts';
import { loadModel } from '../model/build.ts';
import type { Audience } from '../schemas/common.ts';

/** The Proofbook package root (where astro.config.mjs lives), whatever the cwd. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

let builds = 0;

export interface SiteBuildOptions {
  contentDir: string;
  outDir: string;
  asOf: string;
  /** Who the site is for (default internal): picks the routes and filters the model. */
  audience?: Audience;
  /** Astro log level; the CLI keeps it quiet. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/**
 * Runs Astro's static build for one audience into a temp folder beside the output and swaps
 * it in only when the build succeeded and, below internal, passed the leak guard: a failed
 * build leaves the previous site untouched.
 * The content root and date reach the site through the environment, where
 * src/site/model.ts picks them up (Astro runs our modules in its own bundle).
 */
/** Files of a frozen release site inside the built site: releases/<version>/… (diff pages are ours). */
const FROZEN_RELEASE = /^releases\/(?!diff\/)[^/]+\//;

export async function buildSite(options: SiteBuildOptions): Promise<void> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  // Astro stages server chunks in <cwd>/.astro unless outDir is inside the cwd, which would
  // clobber its own .astro folder; so we build inside the package root with it as cwd.
  // A fresh folder per build: Node caches modules by file URL, so a second build in the same
  // process (another audience) must never load the first build's chunks.
  const stage = path.join(PACKAGE_ROOT, 'node_modules', '.proofbook', `build-${process.pid}-${++builds}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.dirname(stage), { recursive: true });
  process.env.PROOFBOOK_CONTENT = contentDir;
  process.env.PROOFBOOK_AS_OF = options.asOf;
  // Callers validate the content before building (the CLI refuses on any problem); the
  // integration then skips validating it a second time. Plain `astro build` still validates.
  process.env.PROOFBOOK_VALIDATED = `${contentDir}|${options.asOf}`;
  const audience = options.audience ?? 'internal';
  process.env.PROOFBOOK_AUDIENCE = audience;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro's content cache is keyed by content root so switching roots never serves stale entries.
  const cacheKey = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  const { build } = await import('astro');
  const cwd = process.cwd();
  try {
    process.chdir(PACKAGE_ROOT);
    // One Astro build at a time per checkout: Astro writes generated modules to <root>/.astro/,
    // which two concurrent builds (of different content) would overwrite under each other.
    await withLock(path.join(PACKAGE_ROOT, 'node_modules', '.proofbook', 'build.lock'), () =>
      build({
        root: PACKAGE_ROOT,
        outDir: stage,
        cacheDir: path.join(PACKAGE_ROOT, 'node_modules', '.astro', cacheKey),
        logLevel: options.logLevel ?? 'warn',
      }),
    );
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(cwd);
  }
  // The leak guard reads the staged output before anything is published: a leak leaves the
  // previous site in place, exactly like a failed build.
  if (isOutsideAudience(audience)) {
    const leaks = guardSite(stage, loadModel({ contentDir, asOf: options.asOf }), audience, contentDir);
    if (leaks.length) {
      rmSync(stage, { recursive: true, force: true });
      throw new LeakError(audience, leaks);
    }
  }
  // The portal editions open straight from disk (double-click dist/internal/index.html), so
  // their links are made relative. Frozen release sites are left byte for byte as bundled.
  if (audience === 'internal' || audience === 'auditor') rewriteForOffline(stage, { skip: (rel) => FROZEN_RELEASE.test(rel) });
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
