import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent, edit } from '../helpers/content.ts';
import { TMP } from '../helpers/paths.ts';
import { brokenProgram, MINIMAL } from './broken-program.ts';

/** A build that fails, in validation or inside Astro, loses nothing. Its own file: it runs an Astro build. */
describe('a failed build', () => {
  it('leaves the previous output untouched, whether validation or Astro fails', async () => {
    const out = path.join(TMP, 'kept-dist');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'index.html'), 'previous site');
    const invalid = brokenProgram();
    const r1 = await runCliAsync(['build', '--content', invalid, '--out', out, '--as-of', '2026-07-10']);
    expect(r1.code).toBe(1);
    // Valid for the model, but the MDX imports a module that does not exist: Astro itself fails.
    const astroFails = copyContent(MINIMAL, 'astro-fails');
    edit(astroFails, 'policies/backup.mdx', 'All production', "import Missing from './does-not-exist.js';\n\nAll production");
    // The internal portal renders every body, so its build is the one that meets the import.
    const r2 = await runCliAsync(['build', '--content', astroFails, '--audience', 'internal', '--out', out, '--as-of', '2026-07-10']);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/The site build failed/);
    expect(r2.stderr).toMatch(/left untouched/);
    expect(r2.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(`${out}.building-${process.pid}`)).toBe(false);
  });
});
