import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

/**
 * The layers hold (docs/architecture in README "How it works"): every import in src/ goes
 * down this table or stays in its own folder, never up, and the domains of one layer do not
 * import each other. Like Starlight's import-rule test, it parses the real sources.
 */
const LAYERS: string[][] = [
  // Backup tools' output is read into plain facts (src/backup) below the schemas that name the tools.
  ['catalogs', 'time', 'validation', 'util', 'backup'],
  ['schemas'],
  // A new program's templates (`proofbook init`) are written from the catalogs, like content is read.
  ['content', 'init'],
  // The release ledger and its digests are records the self-audit checks, read like content;
  // git facts and the reproducible zip writer are plain tools the site and exports use too.
  ['release/ledger.ts', 'release/digest.ts', 'release/version.ts', 'release/git.ts', 'release/zip.ts'],
  ['model'],
  ['audience', 'audit', 'trust'],
  ['site'],
  // Exports are made from the audience's view and the self-audit, and leak-guarded like pages.
  ['export'],
  ['release'],
  ['routes', 'layouts', 'components', 'styles', 'cli', 'integration', 'content.config.ts', 'env.d.ts', 'virtual.d.ts'],
];
/** Layers whose units may import each other: the foundations, the release records, the top (pages, layouts, entry points). */
const OPEN = new Set([0, 3, LAYERS.length - 1]);
/** Astro's runtime and the build handoff exist only inside an Astro build: the site layer and up. */
const ASTRO_ONLY = /^(astro(:|\/|$)|virtual:proofbook\/)/;

const SRC = path.join(ROOT, 'src');

/** The unit a file belongs to: an entry of LAYERS (a single file, or its top folder). */
function unitOf(rel: string): { unit: string; rank: number } {
  for (const [rank, units] of LAYERS.entries()) {
    if (units.includes(rel)) return { unit: rel, rank };
  }
  const top = rel.split('/')[0]!;
  const rank = LAYERS.findIndex((units) => units.includes(top));
  if (rank < 0) throw new Error(`src/${rel} is in no layer: add src/${top} to LAYERS in test/unit/layers.test.ts`);
  return { unit: top, rank };
}

/** Every module specifier a source file imports (static, dynamic, re-exports; .astro frontmatter included). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s+['"]([^'"]+)['"]/gm];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

function sources(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|mjs|astro)$/.test(f))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

describe('layers', () => {
  it('parses imports of every kind', () => {
    expect(importsOf(`import a from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nconst d = await import('./d.ts');\nimport './e.css';`)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.css']);
  });

  it('every import in src/ goes down the layers, never up nor across', () => {
    const violations: string[] = [];
    let checked = 0;
    for (const rel of sources()) {
      const from = unitOf(rel);
      for (const spec of importsOf(readFileSync(path.join(SRC, rel), 'utf8'))) {
        if (ASTRO_ONLY.test(spec)) {
          if (from.rank < LAYERS.findIndex((l) => l.includes('site'))) violations.push(`src/${rel} imports ${spec}, which exists only inside an Astro build`);
          continue;
        }
        if (!spec.startsWith('.')) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
        if (target.startsWith('..')) continue; // outside src/ (package.json)
        const to = unitOf(target);
        checked++;
        if (to.unit === from.unit) continue;
        if (to.rank > from.rank) violations.push(`src/${rel} imports src/${target}: ${from.unit} may not import ${to.unit}, a layer above it`);
        else if (to.rank === from.rank && !OPEN.has(from.rank)) violations.push(`src/${rel} imports src/${target}: ${from.unit} and ${to.unit} are peers`);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect(violations).toEqual([]);
  });

  it('every package src/ imports is a runtime dependency, not a dev one', () => {
    // A package only under devDependencies is missing from a production install
    // (`npm ci --omit=dev`): the build would fail there, never in a checkout.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing = new Set<string>();
    for (const rel of sources()) {
      const text = readFileSync(path.join(SRC, rel), 'utf8');
      // Type-only imports cost nothing at run time (@types/… may stay dev dependencies).
      const runtime = text.replace(/^\s*import\s+type\s[^;]*;/gm, '');
      for (const spec of importsOf(runtime)) {
        if (spec.startsWith('.') || spec.startsWith('node:') || ASTRO_ONLY.test(spec) || /^(astro:|virtual:)/.test(spec)) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!pkg.dependencies[name]) missing.add(`${name} (src/${rel})`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
