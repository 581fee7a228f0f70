import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dataStoreAsJson } from '../../src/integration/data-store.ts';

const DATA_STORE_MODULE = '\0astro:data-layer-content';
const dir = mkdtempSync(path.join(os.tmpdir(), 'proofbook-data-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Handler = (this: { error(message: string): never }, id: string) => { code: string } | undefined;

/** The plugin as Vite runs it: configResolved first, then load for a module id. */
function plugin(cacheDir: string, command: 'build' | 'serve' = 'build') {
  const p = dataStoreAsJson(pathToFileURL(`${cacheDir}${path.sep}`));
  (p.configResolved as (c: unknown) => void)({ command });
  const hook = p.load as { order: string; handler: Handler };
  const errors: string[] = [];
  const load = (id: string) =>
    hook.handler.call(
      {
        error: (message: string) => {
          errors.push(message);
          throw new Error(message);
        },
      },
      id,
    );
  return { order: hook.order, load, errors };
}

let evaluated = 0;
async function evaluate(code: string): Promise<unknown> {
  return ((await import(`data:text/javascript,${encodeURIComponent(`${code}// ${++evaluated}\n`)}`)) as { default: unknown }).default;
}

describe("Astro's content data store in the server build", () => {
  it('is served as one JSON string that evaluates to the very value Astro would export', async () => {
    const cacheDir = path.join(dir, 'tricky');
    // A devalue-flattened store, as Astro writes it, with the characters a string literal must escape.
    const store = [['Map', 1, 2], 'evidence/ev-1.md', { html: 3, note: 4 }, '<p>a "quoted" \\ back\u2028slash</p></script>${x}`', 'ünï ✓ 🔒\u0000\t\n'];
    const json = JSON.stringify(store);
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path.join(cacheDir, 'data-store.json'), json);
    const { order, load } = plugin(cacheDir);
    // 'pre': the hook answers before Astro's own loader of the module (also enforce: 'pre').
    expect(order).toBe('pre');
    const served = load(DATA_STORE_MODULE);
    expect(served?.code).toMatch(/^export default JSON\.parse\("/);
    expect(await evaluate(served!.code)).toEqual(JSON.parse(json));
  });

  it('leaves every other module, dev, and a missing store to Astro', async () => {
    const cacheDir = path.join(dir, 'present');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path.join(cacheDir, 'data-store.json'), '[["Map"]]');
    expect(plugin(cacheDir).load('\0astro:content')).toBeUndefined();
    expect(plugin(cacheDir, 'serve').load(DATA_STORE_MODULE)).toBeUndefined();
    expect(plugin(path.join(dir, 'absent')).load(DATA_STORE_MODULE)).toBeUndefined();
  });

  it('stops the build on a broken store, naming the file and the fix', async () => {
    const cacheDir = path.join(dir, 'broken');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(path.join(cacheDir, 'data-store.json'), '[["Map", 1,');
    const { load, errors } = plugin(cacheDir);
    expect(() => load(DATA_STORE_MODULE)).toThrow();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(path.join(cacheDir, 'data-store.json'));
    expect(errors[0]).toMatch(/delete it and build again/);
  });
});
