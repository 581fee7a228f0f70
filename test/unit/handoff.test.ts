import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { loadModel } from '../../src/model/build.ts';
import type { Audience } from '../../src/schemas/common.ts';
import { bodiesToRender } from '../../src/site/bodies-shown.ts';
import { handedOver, handoffPlugin, HANDOFF_MODULE, type SiteBuild } from '../../src/site/handoff.ts';
import { AUDIENCE_AS_OF, AUDIENCE_FIXTURE } from '../helpers/paths.ts';

const model = loadModel({ contentDir: AUDIENCE_FIXTURE, asOf: AUDIENCE_AS_OF });
const siteBuild = (audience: Audience): SiteBuild => ({ contentDir: AUDIENCE_FIXTURE, audience, model, view: viewFor(model, audience), shared: {} });

let evaluated = 0;

/** Runs the module code the plugin serves for `virtual:proofbook/build`, as Astro's chunks do (a fresh module each time). */
async function evaluate(plugin: ReturnType<typeof handoffPlugin>): Promise<() => unknown> {
  const call = <T>(hook: unknown, ...args: unknown[]) => (hook as (...a: unknown[]) => T).call({}, ...args);
  const resolved = call<string>(plugin.resolveId, HANDOFF_MODULE, undefined, {});
  expect(resolved).toBeTruthy();
  const code = `${call<string>(plugin.load, resolved)}// evaluation ${++evaluated}\n`;
  return ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: () => unknown }).default;
}

describe('the build handoff', () => {
  it('hands pages the very model object the caller built, and forgets it when the build is done', async () => {
    const build = siteBuild('public');
    const plugin = handoffPlugin(build);
    expect(handedOver([[{ name: 'other' }], plugin])).toBe(build);
    const handed = await evaluate(plugin);
    expect(handed()).toBe(build);
    plugin.api.done();
    // The same module, already loaded by a chunk, no longer reaches the build: it can be freed.
    expect(handed()).toBeUndefined();
    expect((await evaluate(plugin))()).toBeUndefined();
  });

  it('serves no build under astro sync, and the integration finds none', async () => {
    const plugin = handoffPlugin(undefined);
    expect((await evaluate(plugin))()).toBeUndefined();
    expect(handedOver([{ name: 'vite:something' }])).toBeUndefined();
  });
});

describe('bodies an audience loads', () => {
  it('a trust center syncs only the bodies its view shows, never an internal record', () => {
    const build = siteBuild('public');
    const shownEvidence = build.view.evidence.filter((e) => e.body.trim()).map((e) => e.file.replace(/^evidence\//, ''));
    const evidence = bodiesToRender(build, 'evidence');
    expect(evidence).toEqual(shownEvidence.sort());
    expect(evidence).not.toContain('internal-jobs.md');
    const policies = bodiesToRender(build, 'policy');
    expect(Array.isArray(policies) && policies.length < model.policies.length).toBe(true);
  });

  it('the internal portal, which shows every body, globs whole folders', () => {
    for (const kind of ['policy', 'measure', 'evidence'] as const) expect(bodiesToRender(siteBuild('auditor'), kind)).toBe('all');
  });
});
