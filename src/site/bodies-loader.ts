import type { DataStore, Loader } from 'astro/loaders';

type StoredEntry = Parameters<DataStore['set']>[0];

/**
 * What pages read of a stored body: its rendered HTML and headings (src/site/bodies.ts); an
 * MDX body is rendered from its module, found by file path. The frontmatter, stored twice
 * over by Astro (as the entry's data and as the rendered body's metadata), is read from the
 * model and never from the store: left out, the store of 5,000 evidence bodies is 1.7 MB
 * instead of 4.7 MB, and the server build and every page render load it.
 */
function bodyOnly(entry: StoredEntry): StoredEntry {
  const { rendered } = entry;
  return { ...entry, data: {}, ...(rendered ? { rendered: { ...rendered, metadata: { ...rendered.metadata, frontmatter: {} } } } : {}) };
}

/** The same store, except that entries are stored body only. */
function bodiesOnlyStore(store: DataStore): DataStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'set') return (entry: StoredEntry) => target.set(bodyOnly(entry));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A loader (Astro's glob(), here) whose entries keep only what the pages render. */
export function bodiesOnly(loader: Loader): Loader {
  return { name: `${loader.name}:bodies-only`, load: (context) => loader.load({ ...context, store: bodiesOnlyStore(context.store) }) };
}
