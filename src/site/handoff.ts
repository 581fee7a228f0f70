import type { Plugin } from 'vite';
import type { AuditReport } from '../audit/types.ts';
import type { Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';

/** The frozen release a snapshot build is for (`proofbook release` builds the auditor edition with one). */
export interface SnapshotInfo {
  version: string;
  commit: string;
  /** Release time, ISO 8601 UTC. */
  date: string;
}

/**
 * What one Astro build renders: the validated program and the audience's view of it, built
 * once by the caller (`proofbook build`, `proofbook release`, or the integration itself under
 * a plain `astro build`) and handed to Astro through the integration's options.
 */
export interface SiteBuild {
  /** Absolute content root. */
  contentDir: string;
  audience: Audience;
  /** The whole program: the leak guard, the self-audit and the artifact checks read it. */
  model: Model;
  /** What this audience may see (src/audience/filter.ts): every page renders this. */
  view: Model;
  /** Set when the build is a release's frozen snapshot. */
  snapshot?: SnapshotInfo;
  /** Where release bundles are kept, when not the default releases/ beside the repository. */
  bundleDir?: string;
  /** Work shared by every audience built from the same model (one self-audit per process). */
  shared: ProgramCache;
}

export interface ProgramCache {
  audit?: AuditReport;
  /** Release ledger and bundle checks, keyed by bundle folder (src/release/published.ts). */
  releases?: Map<string, unknown>;
}

/**
 * Astro prerenders from the chunks it bundled, in this same process, but those chunks carry
 * their own copies of our modules: a module-level variable set by the CLI is not the one the
 * pages read. handoffPlugin therefore leaves the build in this process-wide table under an
 * id and serves a virtual module (`virtual:proofbook/build`) whose code looks that id up.
 */
const TABLE = Symbol.for('proofbook.site-builds');

function table(): Map<string, SiteBuild> {
  const g = globalThis as unknown as Record<symbol, Map<string, SiteBuild> | undefined>;
  return (g[TABLE] ??= new Map());
}

let next = 0;

/** The Vite plugin's name; the integration finds a handed-over build by it. */
export const HANDOFF_PLUGIN = 'proofbook:build';
export const HANDOFF_MODULE = 'virtual:proofbook/build';
const RESOLVED = `\0${HANDOFF_MODULE}`;

export interface HandoffPlugin extends Plugin {
  api: { build: SiteBuild | undefined; done(): void };
}

/**
 * The Vite plugin that hands `build` to Astro: the integration reads it from `api` in
 * `astro:config:setup` (the caller passes the plugin in Astro's inline config), and pages,
 * content config and layouts import it as `virtual:proofbook/build`. Without a build (`astro
 * sync`) the module exports undefined. Call `api.done()` once the build is over.
 */
export function handoffPlugin(build: SiteBuild | undefined): HandoffPlugin {
  const id = build ? `${process.pid}-${++next}` : undefined;
  if (build && id) table().set(id, build);
  return {
    name: HANDOFF_PLUGIN,
    api: { build, done: () => id && table().delete(id) },
    resolveId: (source) => (source === HANDOFF_MODULE ? RESOLVED : undefined),
    load: (resolved) => {
      if (resolved !== RESOLVED) return undefined;
      // A function, not the build itself: Node never unloads a chunk's modules, so a binding to
      // the build would keep its view (a copy of the model) alive through every later audience's
      // build; looked up on each call, it is freed once done() removes it from the table.
      if (id === undefined) return 'export default () => undefined;\n';
      return `export default () => globalThis[Symbol.for(${JSON.stringify(TABLE.description)})]?.get(${JSON.stringify(id)});\n`;
    },
  };
}

/** The build a caller handed over through Astro's inline config, if any. */
export function handedOver(plugins: unknown): SiteBuild | undefined {
  const list = (Array.isArray(plugins) ? plugins.flat(Infinity) : []) as Array<Partial<HandoffPlugin> | null | undefined>;
  return list.find((p) => p?.name === HANDOFF_PLUGIN)?.api?.build;
}
