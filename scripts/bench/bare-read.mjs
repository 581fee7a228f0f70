/**
 * The floor for `proofbook check` and the self-audit: read every file the model reads and
 * YAML-parse the frontmatter and config, nothing else. Run directly it reads the folder
 * named on the command line (a process, like `proofbook check`, for a fair comparison).
 * Plain JavaScript, so the floor runs on bare Node, as the CLI does (scripts/compiled-cli.mjs):
 * under tsx it would carry tsx's start-up and look cheaper to beat than it is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** @param {string} root @returns {number} how many frontmatter blocks parsed */
export function bareRead(root) {
  let parsed = 0;
  const fence = /^---\r?\n([\s\S]*?)\r?\n---/;
  parseYaml(readFileSync(path.join(root, 'proofbook.yaml'), 'utf8'));
  for (const dir of ['policies', 'measures', 'evidence']) {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, 'utf8');
      if (!/\.mdx?$/.test(entry.name)) continue; // artifacts: read only
      const m = fence.exec(text);
      if (m) parsed += parseYaml(m[1]) ? 1 : 0;
    }
  }
  return parsed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(bareRead(process.argv[2]));
