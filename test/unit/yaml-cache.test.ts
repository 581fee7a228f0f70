import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { YamlCache } from '../../src/content/yaml-cache.ts';
import { buildModel } from '../../src/model/build.ts';
import { modelJsonText } from '../../src/model/serialize.ts';
import type { Model } from '../../src/model/types.ts';
import { copyContent, edit } from '../helpers/content.ts';
import { MINIMAL } from './broken-program.ts';

const AS_OF = '2026-07-10';
const EVIDENCE = 'evidence/jobs-2026-06.md';

/** One CLI run: the cache read from its file, the model built, the cache written back. */
function run(dir: string, cacheFile: string) {
  const yamlCache = new YamlCache(cacheFile);
  const result = buildModel({ contentDir: dir, asOf: AS_OF, yamlCache });
  yamlCache.save();
  return result;
}

/** The whole model as the snapshot writes it (the model itself is a graph with cycles). */
const text = (model: Model | undefined) => modelJsonText(model!);

const frontmatterOf = (dir: string, rel: string) => /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(dir, rel), 'utf8'))![1]!;

describe('the YAML cache of the CLI', () => {
  it('gives the same model as parsing, and is used for unchanged text', () => {
    const dir = copyContent(MINIMAL, 'yaml-cache');
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}.cache.bin`);
    const plain = buildModel({ contentDir: dir, asOf: AS_OF });
    const first = run(dir, cacheFile);
    const second = run(dir, cacheFile);
    expect(plain.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    expect(text(second.model)).toBe(text(plain.model));
    expect(text(first.model)).toBe(text(plain.model));
    // The second run found the record's parsed frontmatter in the cache (a fresh copy each time).
    const cached = new YamlCache(cacheFile);
    const a = cached.get(frontmatterOf(dir, EVIDENCE)) as { title: string };
    expect(a.title).toBe('Backup job log, June 2026');
    expect(cached.get(frontmatterOf(dir, EVIDENCE))).not.toBe(a);
    expect(cached.get('title: never parsed\n')).toBeUndefined();
  });

  it('parses an edited file again, and reports problems on every run with their lines', () => {
    const dir = copyContent(MINIMAL, 'yaml-cache-edit');
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}.cache.bin`);
    run(dir, cacheFile);
    edit(dir, EVIDENCE, 'title: Backup job log, June 2026', 'title: Backup job log, June 2026 (re-exported)');
    edit(dir, EVIDENCE, 'measures: [msr-nightly]', 'measures: [msr-nightlly]');
    const plain = buildModel({ contentDir: dir, asOf: AS_OF });
    expect(plain.problems.length).toBeGreaterThan(0);
    for (let i = 0; i < 2; i++) {
      const again = run(dir, cacheFile);
      // A clean parse with a model-level problem: its line comes from the text, cached or not.
      expect(again.problems).toEqual(plain.problems);
      expect(again.problems.some((p) => p.file === EVIDENCE && p.line === 14)).toBe(true);
    }
    expect((new YamlCache(cacheFile).get(frontmatterOf(dir, EVIDENCE)) as { title: string }).title).toBe('Backup job log, June 2026 (re-exported)');
    // A YAML error is never cached: it is found again on the next run.
    edit(dir, EVIDENCE, 'title: Backup job log, June 2026 (re-exported)', 'title: [unclosed');
    const broken = buildModel({ contentDir: dir, asOf: AS_OF }).problems;
    expect(broken.some((p) => p.code === 'yaml' && p.file === EVIDENCE)).toBe(true);
    expect(run(dir, cacheFile).problems).toEqual(broken);
    expect(run(dir, cacheFile).problems).toEqual(broken);
    expect(new YamlCache(cacheFile).get(frontmatterOf(dir, EVIDENCE))).toBeUndefined();
  });

  it('ignores a cache file it cannot read', () => {
    const dir = copyContent(MINIMAL, 'yaml-cache-corrupt');
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}.cache.bin`);
    writeFileSync(cacheFile, 'not a cache');
    const plain = buildModel({ contentDir: dir, asOf: AS_OF });
    expect(text(run(dir, cacheFile).model)).toBe(text(plain.model));
    expect(text(run(dir, cacheFile).model)).toBe(text(plain.model));
  });
});
