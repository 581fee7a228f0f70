import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_HELP, CONTENT_OPTIONS, UsageError, type Command } from '../command.ts';
import { modelFor } from '../shared.ts';
import { renderBuildError } from '../errors.ts';
import { AUDIENCES, type Audience } from '../../schemas/common.ts';
import { SITES } from '../../site/sites.ts';
import { isAudience } from '../../audience/visibility.ts';
import { LeakError } from '../../site/leak-guard.ts';
import { didYouMean } from '../../validation/suggest.ts';
import { releaseSiteMessage } from '../../release/published.ts';
import { userError } from '../../site/build-error.ts';
import { collectGarbage } from '../../util/collect-garbage.ts';


/** --audience values: repeatable, comma lists allowed, "all" (the default) for every audience in order. */
export function audiencesOption(value: unknown): Audience[] {
  const raw = (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  if (!raw.length || raw.includes('all')) return [...AUDIENCES];
  const unknown = raw.find((v) => !isAudience(v));
  if (unknown) throw new UsageError(`unknown audience "${unknown}".${didYouMean(unknown, [...AUDIENCES, 'all'])} Use ${AUDIENCES.join(', ')} or all.`);
  return AUDIENCES.filter((a) => raw.includes(a));
}

/** The nearest existing part of `dir`, when it is a file instead of a folder (found before any build starts). */
function fileInTheWay(dir: string): string | undefined {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    if (existsSync(at)) return statSync(at).isDirectory() ? undefined : path.relative(process.cwd(), at) || at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Memory an audience's search indexing may take beside the next audience's build (see run). */
const OVERLAP_MEMORY = 4 * 1024 ** 3;

/** Whether this machine (or its container's limit) has memory to spare for the overlap. */
export function roomToOverlap(memory = { free: os.freemem(), total: os.totalmem(), limit: process.constrainedMemory?.() ?? 0, rss: process.memoryUsage.rss() }): boolean {
  // A container's limit counts when it is below the machine's memory (cgroups report "no limit" as a huge number).
  const underLimit = memory.limit > 0 && memory.limit < memory.total ? memory.limit - memory.rss : Infinity;
  return Math.min(memory.free, underLimit) >= OVERLAP_MEMORY;
}

export const build: Command = {
  name: 'build',
  summary:
    'Validate the content, then build a static site per audience into OUT/<audience>/: the public and customer trust centers, the internal portal and the auditor edition. Public and customer builds must pass the leak guard. A failed build leaves that audience\'s previous output untouched.',
  usage: 'build [--audience public|customer|internal|auditor|all]... [--content DIR] [--out DIR] [--bundle-dir DIR] [--as-of DATE] [--verbose]',
  help: [
    '--audience NAME  audience to build: public, customer, internal, auditor or all (default: all); repeat it or use commas for several',
    ...CONTENT_HELP,
    '--out DIR        output folder; each audience goes to DIR/<audience>/ (default: ./dist)',
    '--bundle-dir DIR where release bundles are kept, when not releases/ at the repository root',
    '--verbose        show Astro\'s build log',
  ],
  options: { ...CONTENT_OPTIONS, audience: { type: 'string', multiple: true }, out: { type: 'string', default: 'dist' }, 'bundle-dir': { type: 'string' }, verbose: { type: 'boolean', default: false } },
  async run(values) {
    const audiences = audiencesOption(values.audience);
    const out = String(values.out);
    const blocked = fileInTheWay(out);
    if (blocked) throw new UsageError(`--out ${out}: ${blocked} is a file, not a folder. Give a folder: each audience is built into OUT/<audience>/.`);
    const { model } = modelFor(values);
    if (!model) return 1;
    // One model for every audience: each build gets its view of it, and what the audiences can
    // share (the self-audit, the release ledger) is worked out once.
    const shared = {};
    const bundleDir = values['bundle-dir'] ? path.resolve(String(values['bundle-dir'])) : undefined;
    let failed = 0;
    let stopped = false;
    const fail = (audience: Audience, label: string, error: unknown) => {
      failed++;
      const message = renderBuildError(error, build, values);
      process.stderr.write(`${message}\nThe ${audience} build failed; the previous ${label}/ was left untouched.\n`);
      // A leak concerns one audience; any other failure would repeat for every audience.
      if (!(error instanceof LeakError)) stopped = true;
    };
    // Each audience's last steps (pagefind, a separate process, above all) run while the next
    // audience's Astro build does; outcomes are still reported in audience order.
    let reported: Promise<void> = Promise.resolve();
    for (const audience of audiences) {
      // On a machine short of memory the two do not overlap: pagefind holds about 1 GB at
      // 20,000 evidence records, beside an Astro build of as much again.
      if (!roomToOverlap()) await reported;
      if (stopped) break;
      // The last audience's build is garbage now (0.1-0.3 s at 20,000 evidence records).
      collectGarbage();
      const label = path.join(out, audience).split(path.sep).join('/');
      // Absolute: an audience is reported while the next one builds, with Astro's build root as the cwd.
      const target = path.resolve(out, audience);
      const started = performance.now();
      let finished: Promise<number>;
      try {
        // A broken release ledger or a stored bundle changed since its release stops a portal
        // build: found here, before Astro starts, rather than seconds later inside it.
        const releases = releaseSiteMessage({ contentDir: path.resolve(String(values.content)), audience, model, view: model, shared, ...(bundleDir ? { bundleDir } : {}) }, String(values.content));
        if (releases) throw userError(releases);
        const { startSiteBuild } = await import('../../site/build-site.ts');
        const site = await startSiteBuild({ contentDir: String(values.content), outDir: target, model, shared, audience, ...(bundleDir ? { bundleDir } : {}), logLevel: values.verbose ? 'info' : 'warn' });
        finished = site.finished.then(() => performance.now());
        // It may fail before the audiences ahead of it are reported: handled here, reported below.
        finished.catch(() => undefined);
      } catch (error) {
        // Failed before its Astro build was done: report what came before, then this, now.
        await reported;
        fail(audience, label, error);
        continue;
      }
      reported = reported.then(() => finished).then(
        (ended) => {
          const pages = readdirSync(target, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
          process.stdout.write(`✓ Built the ${SITES[audience].edition} for ${model.config.organisation.name} as of ${model.asOf} into ${label}/ (${pages} pages) in ${((ended - started) / 1000).toFixed(1)} s.\n`);
        },
        (error: unknown) => fail(audience, label, error),
      );
    }
    // Every Astro build is over; what they left is garbage while the last audience is indexed
    // (pagefind, a process of its own, holds 1.5 GB at 20,000 evidence records): collected now,
    // V8 hands the memory back within a second or so.
    collectGarbage();
    await reported;
    return failed ? 1 : 0;
  },
};
