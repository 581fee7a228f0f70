import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL, bundleKey } from '../../scripts/compiled-cli.mjs';
import { runCli } from '../helpers/cli.ts';
import { ROOT, TMP } from '../helpers/paths.ts';

/** The CLI runs from one esbuild bundle of src/ with its pure-JavaScript dependencies inlined (scripts/compiled-cli.mjs). */
describe('the CLI bundle', () => {
  it('imports from node_modules only the packages it must leave there', () => {
    // Runs the bin once, so the bundle of the current sources exists.
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    const dir = path.join(ROOT, 'node_modules', '.proofbook', 'cli', bundleKey());
    const chunks = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(chunks).toContain('main.js');
    const allowed = (spec: string) =>
      spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec) ||
      EXTERNAL.some((e) => (e.endsWith('/*') ? spec.startsWith(e.slice(0, -1)) : e.endsWith(':*') ? spec.startsWith(e.slice(0, -1)) : spec === e));
    const imported = new Set<string>();
    for (const chunk of chunks) {
      const code = readFileSync(path.join(dir, chunk), 'utf8');
      // esbuild writes its imports at the start of a line, with double quotes (a JSDoc example in a comment does neither).
      for (const m of code.matchAll(/^(?:import|export)\b[^\n]*?\bfrom\s*"([^"]+)";|\bimport\("([^"]+)"\)/gm)) imported.add((m[1] ?? m[2])!);
    }
    // zod, yaml and the unified stack are inlined; Astro is not.
    expect([...imported].filter((s) => !allowed(s))).toEqual([]);
    expect([...imported].some((s) => s === 'zod' || s === 'yaml' || s.startsWith('unified'))).toBe(false);
    expect([...imported]).toContain('astro');
  });

  it('is made again after another install, as after an edit of src/', () => {
    const root = path.join(TMP, 'bundle-key');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    cpSync(path.join(ROOT, 'src', 'cli'), path.join(root, 'src', 'cli'), { recursive: true });
    const lock = path.join(root, 'node_modules', '.package-lock.json');
    writeFileSync(lock, '{"packages":{"node_modules/yaml":{"version":"2.9.1"}}}');
    const first = bundleKey(root);
    expect(bundleKey(root)).toBe(first);
    writeFileSync(lock, '{"packages":{"node_modules/yaml":{"version":"2.9.2"}}}');
    const upgraded = bundleKey(root);
    expect(upgraded).not.toBe(first);
    writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), `${readFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'utf8')}\n// edited\n`);
    expect(bundleKey(root)).not.toBe(upgraded);
  });
});
