import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the pagefind full-text index of one built site, from that site's own HTML only
 * (so each audience's index holds that audience's pages and nothing else), into
 * <dir>/pagefind/. Pagefind's binary ships in the @pagefind/<platform> npm package: no network.
 *
 * The files are fetched from pagefind in memory and written here, synchronously, before the
 * pagefind process is stopped: closing it right after its own writeFiles can cut a file short.
 */
export async function indexSite(dir: string): Promise<{ pages: number; files: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en', keepIndexUrl: false });
  try {
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`pagefind could not build its index: ${fileErrors.join('; ')}`);
    const out = path.join(dir, 'pagefind');
    // Our own search page uses pagefind.js directly: pagefind's ready-made UI files are not shipped.
    for (const f of files.filter((x) => !/^pagefind-(?:ui|modular-ui|highlight)\./.test(x.path))) {
      const target = path.join(out, ...f.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    return { pages: added.page_count, files: files.length };
  } finally {
    await pagefind.close();
  }
}
