import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** Astro's virtual module holding the content layer's data store, as Rollup resolves it. */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * Astro 5 turns its content data store (data-store.json, a devalue-flattened array) into a
 * JavaScript array literal for the server build, one AST node per value: at 5,000 evidence
 * records that module took ~800 MB of Rollup's memory and ~2.5 s of the server build, and at
 * 20,000 it ran the build out of memory. The same value as one JSON string literal that the
 * module parses when it is loaded costs Rollup one node. Astro reads only the default export
 * (`devalue.unflatten(data.default)`), so pages see the same store and the site is the same.
 * The hook is ordered 'pre' so it answers before Astro's own loader of that module.
 */
export function dataStoreAsJson(cacheDir: URL): Plugin {
  const file = fileURLToPath(new URL('data-store.json', cacheDir));
  let building = false;
  return {
    name: 'proofbook:data-store-as-json',
    configResolved: (config) => void (building = config.command === 'build'),
    load: {
      order: 'pre',
      handler(id) {
        // In dev Astro keeps the store elsewhere and reloads it on change: leave that to Astro,
        // as a missing store (Astro then exports an empty Map).
        if (id !== DATA_STORE_MODULE || !building || !existsSync(file)) return undefined;
        const json = readFileSync(file, 'utf8');
        // A broken store fails here, with the file's name, not as an empty store inside the pages.
        try {
          JSON.parse(json);
        } catch (cause) {
          this.error(`Astro's content data store ${file} is not JSON (${(cause as Error).message}): delete it and build again.`);
        }
        return { code: `export default JSON.parse(${JSON.stringify(json)});\n`, map: { mappings: '' } };
      },
    },
  };
}
