import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transform } from '@astrojs/compiler';
import { expect, it } from 'vitest';
import { EXAMPLE_DIST, EXAMPLE_PUBLIC, ROOT } from '../helpers/paths.ts';

/**
 * A site does not depend on the folder Proofbook is installed in. Astro names a template's
 * scoped styles (data-astro-cid-…) after its path relative to the build's root, or after its
 * absolute path when it lies outside the root; every portal page and its stylesheet carry those
 * names. Here each name in the built example sites must be the one Astro's compiler gives the
 * template at its path inside the package (/src/…): with the templates outside the root, two
 * checkouts of one commit built three different stylesheets (see docs/releases.md).
 */
it('names scoped styles after paths inside the package, never after the folder it is installed in', async () => {
  const src = path.join(ROOT, 'src');
  const expected = new Set<string>();
  const templates = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
  for (const rel of templates) {
    const source = readFileSync(path.join(src, rel), 'utf8');
    if (!/<style[\s>]/.test(source)) continue;
    const posix = rel.split(path.sep).join('/');
    const result = await transform(source, { filename: path.join(src, rel), normalizedFilename: `/src/${posix}`, scopedStyleStrategy: 'attribute' });
    for (const m of result.css.join('\n').matchAll(/data-astro-cid-([a-z0-9]+)/g)) expected.add(m[1]!);
  }
  expect(expected.size).toBeGreaterThanOrEqual(3);

  const built = new Set<string>();
  for (const page of [path.join(EXAMPLE_DIST, 'index.html'), path.join(EXAMPLE_DIST, 'policies', 'index.html'), path.join(EXAMPLE_PUBLIC, 'index.html')]) {
    for (const m of readFileSync(page, 'utf8').matchAll(/data-astro-cid-([a-z0-9]+)/g)) built.add(m[1]!);
  }
  expect(built.size).toBeGreaterThan(0);
  expect([...built].filter((cid) => !expected.has(cid))).toEqual([]);
});
