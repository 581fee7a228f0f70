import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { swapDirectory, tempSibling } from '../util/atomic.ts';
import { rewriteForOffline } from './offline.ts';
import { withLock } from '../util/lock.ts';
import { viewFor } from '../audience/filter.ts';
import { guardSite, LeakError } from './leak-guard.ts';
import { isOutsideAudience } from '../audience/visibility.ts';
import type { Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';
import { SITES } from './sites.ts';
import { handoffPlugin, type ProgramCache, type SnapshotInfo } from './handoff.ts';
import { indexSite } from '../trust/search-index.ts';

/** The Proofbook package root (where astro.config.mjs lives), whatever the cwd. */
export const PACKAGE_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

let builds = 0;

export interface SiteBuildOptions {
  contentDir: string;
  outDir: string;
  /** The validated model of the program in contentDir (the caller refuses to build on any problem). */
  model: Model;
  /** Who the site is for (default internal): picks the routes and filters the model. */
  audience?: Audience;
  /** The audience's view of the model, when the caller has it already. */
  view?: Model;
  /** Work shared by every audience built from this model (pass the same object to each build). */
  shared?: ProgramCache;
  /** Build a release's frozen snapshot (`proofbook release`). */
  snapshot?: SnapshotInfo;
  /** Where release bundles are kept, when not the default releases/ beside the repository. */
  bundleDir?: string;
  /** Astro log level; the CLI keeps it quiet. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Files of a frozen release site inside the built site: releases/<version>/… (diff pages are ours). */
const FROZEN_RELEASE = /^releases\/(?!diff\/)[^/]+\//;

/** Server-build chunks Astro leaves in the output root (see buildSite). */
const ASTRO_LEFTOVERS = ['content-assets.mjs', 'content-modules.mjs'];

/** Astro's content cache for a program and audience (why it is shared, see buildSite). */
export function contentCacheDir(contentDir: string, audience: Audience): string {
  const key = createHash('sha256').update(`${path.resolve(contentDir)}\0${SITES[audience].pages}\0root-per-build`).digest('hex').slice(0, 12);
  return path.join(PACKAGE_ROOT, 'node_modules', '.astro', key);
}

/** A site whose Astro build is done; the rest (search index, leak guard, swap) may still run. */
export interface StartedSiteBuild {
  /** Settles once the site is indexed, guarded and in place at outDir (or rejects, leaving outDir untouched). */
  finished: Promise<void>;
}

/**
 * Runs Astro's static build for one audience into a temp folder beside the output and swaps
 * it in only when the build succeeded and, below internal, passed the leak guard: a failed
 * build leaves the previous site untouched.
 * The model, validated once by the caller, and the audience's view reach Astro through the
 * handoff plugin (src/site/handoff.ts) in Astro's inline config: nothing is built twice.
 */
export async function buildSite(options: SiteBuildOptions): Promise<void> {
  await (await startSiteBuild(options)).finished;
}

/**
 * buildSite in two steps, so that a caller building several audiences can start the next
 * Astro build while pagefind, a separate process, indexes this one on another core.
 */
export async function startSiteBuild(options: SiteBuildOptions): Promise<StartedSiteBuild> {
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  // A fresh folder per build: Node caches modules by file URL, so a second build in the same
  // process (another audience) must never load the first build's chunks.
  // Astro writes generated modules (content modules, types) to <root>/.astro/. Each build gets
  // a root of its own, with the package's src/ and public/, so builds of different programs
  // (tests, a release beside a build) run side by side instead of waiting on one lock.
  const root = path.join(PACKAGE_ROOT, 'node_modules', '.proofbook', `build-${process.pid}-${++builds}`);
  const stage = path.join(root, 'dist');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  // A copy of the sources inside the root (1.7 MB, about 50 ms): Astro names scoped styles
  // (data-astro-cid-…) after a template's path relative to the root, but after its absolute
  // path when it lies outside, and a link would not do (Astro resolves injected routes with
  // require.resolve, which follows links). Outside the root, every portal page carried a hash
  // of the folder Proofbook is installed in, and a release could not be reproduced from another.
  const srcDir = path.join(root, 'src');
  cpSync(path.join(PACKAGE_ROOT, 'src'), srcDir, { recursive: true });
  const audience = options.audience ?? 'internal';
  const { model } = options;
  const handoff = handoffPlugin({
    contentDir,
    audience,
    model,
    view: options.view ?? viewFor(model, audience),
    shared: options.shared ?? {},
    ...(options.snapshot ? { snapshot: options.snapshot } : {}),
    ...(options.bundleDir ? { bundleDir: path.resolve(options.bundleDir) } : {}),
  });
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  // Astro's content cache is keyed by content root and kind of site: the two portal editions
  // render nearly the same bodies (the auditor edition adds auditor-only records), so the second
  // one finds them rendered (a cold sync of 2,000 evidence bodies is ~9 CPU-s); the trust
  // centers sync a handful of bodies and keep a cache of their own, so a trust build between
  // two portal builds does not empty the portal's. Entries are checked by digest, so a cache
  // never serves a stale body. The cache stores entry paths relative to the build's root; the
  // last part of the key names that layout (a root per build, node_modules/.proofbook/build-*/),
  // so caches written under another layout are never read.
  const cacheDir = contentCacheDir(contentDir, audience);
  const { build } = await import('astro');
  const cwd = process.cwd();
  try {
    // The cwd is the build's root: Astro stages chunks under the cwd unless outDir is inside
    // it (it is), and keeps injected routes relative to it (they are absolute paths).
    process.chdir(root);
    // Builds of the same program for the same audience share the content cache: one at a time.
    await withLock(path.join(PACKAGE_ROOT, 'node_modules', '.proofbook', `cache-${path.basename(cacheDir)}.lock`), () =>
      build({
        // A trailing slash, or Astro resolves .astro/ beside the folder instead of inside it.
        root: `${root}${path.sep}`,
        // Astro joins configFile to root, so it is given relative to the build's root.
        configFile: path.relative(root, path.join(PACKAGE_ROOT, 'astro.config.mjs')),
        srcDir,
        publicDir: path.join(PACKAGE_ROOT, 'public'),
        outDir: stage,
        cacheDir,
        logLevel: options.logLevel ?? 'warn',
        // Pages are prerendered from the server build and nothing of it is shipped, so Rollup's
        // tree-shaking only costs time there: it was 2.2 of the 6.6 s Vite spent on every
        // portal build, whatever the program's size. The output is the same byte for byte.
        vite: { plugins: [handoff], build: { rollupOptions: { treeshake: false } } },
      }),
    );
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  } finally {
    process.chdir(cwd);
    handoff.api.done();
  }
  // Astro leaves the two content-layer entry chunks of its server build beside the pages when
  // .astro/ is inside the build's root: server code, never part of a static site.
  for (const chunk of ASTRO_LEFTOVERS) rmSync(path.join(stage, chunk), { force: true });
  const finished = publishSite({ root, stage, outDir, model, audience, contentDir });
  // The caller may await this only after its next build: mark it handled now, so that a failure
  // meanwhile is not an unhandled rejection (the caller still receives it).
  finished.catch(() => undefined);
  return { finished };
}

/** Indexes the staged site for search, guards it (below internal) and swaps it in. */
async function publishSite(s: { root: string; stage: string; outDir: string; model: Model; audience: Audience; contentDir: string }): Promise<void> {
  const { root, stage, outDir } = s;
  try {
    // Pagefind keeps the address of a page's first image as written: it indexes the pages
    // before their links are made relative, so search results name site paths.
    if (SITES[s.audience].search) await indexSite(stage);
    // The portal editions open straight from disk (double-click dist/internal/index.html), so
    // their links are made relative. Frozen release sites are left byte for byte as bundled.
    if (SITES[s.audience].offline) rewriteForOffline(stage, { skip: (rel) => FROZEN_RELEASE.test(rel) });
    // The leak guard reads the staged output, search index included, before anything is
    // published: a leak leaves the previous site in place, exactly like a failed build.
    if (isOutsideAudience(s.audience)) {
      const leaks = guardSite(stage, s.model, s.audience, s.contentDir);
      if (leaks.length) throw new LeakError(s.audience, leaks);
    }
    // Move next to the target first (a rename across file systems is not possible), then swap.
    const tmp = tempSibling(outDir, 'building');
    // The output's parent may not exist yet (a first build into dist/): without it the rename
    // fails and the whole site would be copied instead (2.4 s of a 25 s build at 2,000 evidence).
    mkdirSync(path.dirname(tmp), { recursive: true });
    try {
      renameSync(stage, tmp);
    } catch {
      cpSync(stage, tmp, { recursive: true });
    }
    swapDirectory(tmp, outDir);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
