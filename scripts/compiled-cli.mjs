// Loads the CLI's TypeScript sources for scripts/proofbook.mjs.
//
// Why not tsx for everything: tsx's module hooks stay on for the whole process, so every one of
// the thousands of modules Astro, Vite and Rollup load during a build goes through them, and
// every source map is parsed. Measured on the example's public trust center: 24.7 CPU-s and
// 719 MB peak RSS with tsx, 20.2 CPU-s and 354 MB from one esbuild bundle; `--help` 2.8 → 1.4
// CPU-s. The bundle is made on first use (about 0.5 s) and kept under
// node_modules/.proofbook/cli/<hash of src/>/, so an edited source is picked up on the next
// run: there is still no compile step to forget. tsx remains the fallback when the bundle
// cannot be made or stored (a read-only install), and PROOFBOOK_TSX=1 forces it.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SRC = path.join(ROOT, 'src');
const CACHE = path.join(ROOT, 'node_modules', '.proofbook', 'cli');
const ENTRY = path.join(SRC, 'cli', 'main.ts');
/** Bundles older than this, made from other sources, are removed (never one a running process may still load chunks from). */
const STALE_MS = 24 * 60 * 60 * 1000;

/** One hash over every file under src/ (paths and bytes) and this loader: any edit makes a new bundle. */
function sourceHash() {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(process.version);
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .sort();
  for (const file of files) hash.update(`\0${path.relative(SRC, file)}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

async function bundle(dir) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: { main: ENTRY },
    bundle: true,
    // Dependencies load from node_modules as usual; dynamic imports of heavy modules (site
    // build, release, PDF) become chunks that load only when a command needs them.
    packages: 'external',
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.3',
    outdir: tmp,
    // For bug reports: NODE_OPTIONS=--enable-source-maps maps a stack trace back to src/.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [
      {
        // Modules find the package's files relative to their own location (import.meta.url):
        // each keeps the URL of its source file, not the bundle's.
        name: 'proofbook:source-url',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  try {
    renameSync(tmp, dir);
  } catch (error) {
    // Another process stored the same bundle first: use that one.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'main.js'))) throw error;
  }
}

function removeStale(keep) {
  for (const name of readdirSync(CACHE)) {
    const dir = path.join(CACHE, name);
    if (name === keep) continue;
    try {
      if (Date.now() - statSync(dir).mtimeMs > STALE_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/** The CLI's main module: from the bundle of the current sources, or through tsx. */
export async function loadCli() {
  if (!process.env.PROOFBOOK_TSX) {
    let dir;
    try {
      dir = path.join(CACHE, sourceHash());
      if (!existsSync(path.join(dir, 'main.js'))) {
        mkdirSync(CACHE, { recursive: true });
        await bundle(dir);
        removeStale(path.basename(dir));
      }
    } catch {
      // No esbuild, a read-only install, or a syntax error: tsx reports the latter in full.
      dir = undefined;
    }
    if (dir) return import(pathToFileURL(path.join(dir, 'main.js')).href);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(ENTRY).href);
}
