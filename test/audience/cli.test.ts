import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audiencesOption, roomToOverlap } from '../../src/cli/commands/build.ts';
import { UsageError } from '../../src/cli/command.ts';
import { routesFor } from '../../src/integration/routes.ts';
import { SITES } from '../../src/site/sites.ts';
import { runCli } from '../helpers/cli.ts';
import { ROOT } from '../helpers/paths.ts';

describe('build --audience', () => {
  it('defaults to every audience, accepts repeats, commas and "all", and keeps a fixed order', () => {
    expect(audiencesOption(undefined)).toEqual(['public', 'customer', 'internal', 'auditor']);
    expect(audiencesOption(['all'])).toEqual(['public', 'customer', 'internal', 'auditor']);
    expect(audiencesOption(['auditor', 'public'])).toEqual(['public', 'auditor']);
    expect(audiencesOption(['customer,internal'])).toEqual(['customer', 'internal']);
  });

  it('overlaps an audience\'s search indexing with the next build only with 4 GiB to spare, in the machine and its container', () => {
    const GiB = 1024 ** 3;
    expect(roomToOverlap({ free: 16 * GiB, total: 23 * GiB, limit: 0, rss: GiB })).toBe(true);
    expect(roomToOverlap({ free: 3 * GiB, total: 23 * GiB, limit: 0, rss: GiB })).toBe(false);
    // cgroups report "no limit" as a number above the machine's memory.
    expect(roomToOverlap({ free: 16 * GiB, total: 23 * GiB, limit: 2 ** 62, rss: GiB })).toBe(true);
    // A 6 GiB container where this process already holds 3 GiB.
    expect(roomToOverlap({ free: 16 * GiB, total: 23 * GiB, limit: 6 * GiB, rss: 3 * GiB })).toBe(false);
    expect(roomToOverlap({ free: 16 * GiB, total: 23 * GiB, limit: 8 * GiB, rss: 2 * GiB })).toBe(true);
  });

  it('refuses an --out that is, or lies under, a file before building anything', () => {
    for (const out of ['README.md', 'README.md/sites']) {
      const r = runCli(['build', '--audience', 'public', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^proofbook build: --out ${out.replace('.', '\\.')}: README\\.md is a file, not a folder\\. Give a folder`));
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  it('indexes for search exactly the sites that have a search page', () => {
    for (const audience of ['public', 'customer', 'internal', 'auditor'] as const) {
      expect(SITES[audience].search, audience).toBe(routesFor(audience).some((r) => r.pattern === '/search'));
    }
  });

  it('rejects an unknown audience with exit 2, a suggestion and no stack trace', () => {
    const r = runCli(['build', '--audience', 'pubic', '--content', 'does-not-matter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^proofbook build: unknown audience "pubic"\. Did you mean "public"\? Use public, customer, internal, auditor or all\./);
    expect(r.stderr).toMatch(/--audience NAME/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(() => audiencesOption(['everyone'])).toThrow(UsageError);
  });

  it('documents the option and the output layout in --help', () => {
    const r = runCli(['build', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--audience NAME +audience to build: public, customer, internal, auditor or all \(default: all\)/);
    expect(r.stdout).toMatch(/DIR\/<audience>\//);
  });
});

describe('routes per audience', () => {
  it('gives outsiders the trust center and employees and auditors the portal', () => {
    // Absolute paths into src/routes/ (each build has an Astro root of its own).
    const routes = path.join(ROOT, 'src', 'routes');
    const entry = (a: Parameters<typeof routesFor>[0]) => routesFor(a).map((r) => path.relative(routes, r.entrypoint));
    for (const a of ['public', 'customer'] as const) {
      expect(entry(a).every((e) => e.startsWith(`trust${path.sep}`) && existsSync(path.join(routes, e))), a).toBe(true);
      expect(routesFor(a).map((r) => r.pattern)).toEqual(expect.arrayContaining(['/', '/trust.json', '/og/[page].png', '/badges/[badge].svg', '/search']));
    }
    for (const a of ['internal', 'auditor'] as const) expect(entry(a).every((e) => e.startsWith(`portal${path.sep}`) && existsSync(path.join(routes, e))), a).toBe(true);
  });
});
