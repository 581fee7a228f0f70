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
/**
 * Packages the bundle leaves to node_modules. Everything else it inlines: Node's ESM loader pays
 * for every module it resolves, and `check` loads about 370 (zod, yaml, the unified stack for
 * body checks). Inlined, `proofbook --help` loads in 0.10 s instead of 0.26 s, and `check` at
 * 2,000 evidence takes 0.15 s less. Left out, each for a reason:
 * - Astro, its integrations and Vite: the build must use the very modules Astro loads itself;
 * - native code, WebAssembly or files found by path: @resvg/resvg-js, satori (yoga), pagefind,
 *   playwright-core, esbuild, @fontsource;
 * - exceljs and ajv: large CommonJS, loaded on first use by the commands that need them;
 * - tsx: the fallback loader.
 */
export const EXTERNAL = [
  'astro', 'astro/*', 'astro:*', '@astrojs/*', 'vite', 'virtual:*',
  '@resvg/*', 'satori', 'satori/*', 'pagefind', '@pagefind/*', 'playwright-core', 'playwright-core/*', 'esbuild', '@fontsource/*',
  'exceljs', 'ajv', 'ajv/*', 'tsx', 'tsx/*',
];

/**
 * One hash over every file under src/ (paths and bytes), this loader and the installed
 * dependencies: any edit makes a new bundle, and so does another install (the bundle inlines
 * dependencies, so one made before `npm ci` of another lock would keep the old versions).
 * `root` is the package's folder; exported for tests.
 */
export function bundleKey(root = ROOT) {
  const src = path.join(root, 'src');
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(process.version);
  for (const file of [path.join(root, 'node_modules', '.package-lock.json'), path.join(root, 'package-lock.json')]) {
    hash.update(existsSync(file) ? readFileSync(file) : '\0none\0');
  }
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name))
    .sort();
  for (const file of files) hash.update(`\0${path.relative(src, file)}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

async function bundle(dir) {
  const { build } = await import('esbuild');
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: { main: ENTRY },
    bundle: true,
    // Dependencies are inlined but for EXTERNAL; dynamic imports of heavy modules (site build,
    // release, PDF) become chunks that load only when a command needs them.
    external: EXTERNAL,
    // Inlined CommonJS (e.g. unified's `extend`) may call require() for Node's own modules.
    banner: { js: "import { createRequire as __proofbookRequire } from 'node:module'; const require = __proofbookRequire(import.meta.url);" },
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
      dir = path.join(CACHE, bundleKey());
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
