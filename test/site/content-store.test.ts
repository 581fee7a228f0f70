import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewFor } from '../../src/audience/filter.ts';
import { loadModel } from '../../src/model/build.ts';
import { contentCacheDir } from '../../src/site/build-site.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT } from '../helpers/paths.ts';

describe("Astro's content store of a portal build", () => {
  // Written by the global setup's build of the example's internal portal.
  const store = path.join(contentCacheDir(EXAMPLE_CONTENT, 'internal'), 'data-store.json');
  // The Markdown evidence the internal portal renders: a run of plain words of each body, and
  // the pinned artifact hashes, which only the frontmatter holds.
  const evidence = viewFor(loadModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF }), 'internal').evidence.filter((e) => e.file.endsWith('.md') && e.body.trim());

  it('holds the rendered bodies and none of the frontmatter (pages read it from the model)', () => {
    expect(existsSync(store), `${store} should exist after the example build`).toBe(true);
    const text = readFileSync(store, 'utf8');
    const withWords = evidence.flatMap((e) => {
      const words = /[A-Za-z]{4,}(?: [A-Za-z]{4,}){2}/.exec(e.body)?.[0];
      return words ? [{ file: e.file, words }] : [];
    });
    expect(withWords.length).toBeGreaterThan(10);
    for (const e of withWords) expect(text, `${e.file}: body text "${e.words}"`).toContain(e.words);
    const hashes = evidence.flatMap((e) => e.artifacts.map((a) => a.sha256));
    expect(hashes.length).toBeGreaterThan(10);
    for (const h of hashes) expect(text, 'an artifact hash from the frontmatter').not.toContain(h);
  });
});
