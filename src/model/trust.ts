import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../content/frontmatter.ts';
import { resolveInside } from '../content/paths.ts';
import { readContentText, unreadFile } from '../content/text.ts';
import { trustSchema, type TrustData } from '../schemas/trust.ts';
import { parseWith } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import { didYouMean } from '../validation/suggest.ts';

/** The trust center's content file, relative to the content root. */
export const TRUST_FILE = 'trust.yaml';

/**
 * Reads content/trust.yaml when there is one; problems (YAML, schema, unknown framework ids)
 * are added to `problems` with file and line, like every other content file.
 */
export function loadTrust(root: string, problems: Problem[], frameworkIds: string[]): TrustData | undefined {
  const abs = path.join(root, TRUST_FILE);
  if (!existsSync(abs) || !statSync(abs).isFile()) return undefined;
  const read = readContentText(abs, TRUST_FILE);
  const source = 'problem' in read ? unreadFile(read.problem) : parseYaml(read.text, TRUST_FILE);
  problems.push(...source.problems);
  if (source.data === undefined && source.problems.length) return undefined;
  const parsed = parseWith(trustSchema(), source.data ?? {}, TRUST_FILE, source.lineOf);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  parsed.value.attestations.forEach((a, i) => {
    if (frameworkIds.includes(a.framework)) return;
    problems.push({
      code: 'config',
      file: TRUST_FILE,
      line: source.lineOf(['attestations', i, 'framework']),
      field: `attestations[${i}].framework`,
      message: `Unknown framework "${a.framework}".${didYouMean(a.framework, frameworkIds)}`,
      fix: `use ${frameworkIds.join(', ')}`,
    });
  });
  const logo = parsed.value.brand.logo;
  if (logo) {
    const where = resolveInside(root, logo);
    const error = 'error' in where ? where.error : existsSync(where.abs) && statSync(where.abs).isFile() ? undefined : 'the file does not exist';
    if (error) problems.push({ code: 'config', file: TRUST_FILE, line: source.lineOf(['brand', 'logo']), field: 'brand.logo', message: `Logo "${logo}": ${error}.`, fix: 'put the logo file inside the content folder and write its path relative to it, e.g. brand/logo.svg' });
  }
  return parsed.value;
}
