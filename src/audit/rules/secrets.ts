import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveInside } from '../../content/paths.ts';
import type { EntryNode } from '../../model/types.ts';
import { isBinary, mayHoldSecret, scanText } from '../../content/secrets.ts';
import { modelRule, type ModelContext, type RuleFinding } from '../types.ts';
import { entryControls } from '../util.ts';

interface Target {
  entry: EntryNode;
  artifact: boolean;
  /** Worth reading: false when the build found no hint of a credential while hashing the artifact. */
  hinted: boolean;
  /** The build already checked the path stays inside the content root (intact artifacts, listed source files). */
  checked: boolean;
}

/** Files the scan reads: every entry's source file and every artifact, each once, with the entry it belongs to. */
function targets(ctx: ModelContext): Map<string, Target> {
  const out = new Map<string, Target>();
  for (const e of [...ctx.model.evidence, ...ctx.model.measures, ...ctx.model.policies]) {
    if (!out.has(e.file)) out.set(e.file, { entry: e, artifact: false, hinted: true, checked: true });
  }
  for (const e of ctx.model.evidence) {
    for (const a of e.artifacts) if (!out.has(a.path)) out.set(a.path, { entry: e, artifact: true, hinted: a.mayHoldSecret !== false, checked: a.intact });
  }
  return out;
}

/**
 * Rule 9: evidence must not carry credentials. Source files (frontmatter and body) and
 * artifacts are scanned; binary files are skipped (SVG and other text formats are scanned).
 * Findings name the file, line and kind of credential, never the value.
 */
export const secrets = modelRule({
  id: 'secrets',
  severity: 'error',
  title: 'No credentials in evidence, artifacts or content files',
  rationale:
    'Evidence packs travel: to auditors, into portals, into snapshots sent to customers. A credential in a log export or screenshot is a leak the moment it is shared, and an auditor who finds one will write up access control (SOC 2 CC6.1, ISO 27001 A.5.17) as well.',
  controls: ['soc2:CC6.1', 'soc2:C1.1', 'iso27001:A.5.17', 'iso27001:A.8.12'],
  subjects: (ctx) => [...targets(ctx).keys()].sort(),
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const [rel, { entry, artifact, hinted, checked }] of targets(ctx)) {
      // Files are only read again when they hint at a credential: artifacts were pre-checked while
      // the build hashed them; source files by their body and frontmatter values (in the model).
      if (!hinted || (!artifact && !mayHoldSecret(entry.body) && !mayHoldSecret(JSON.stringify(entry.data)))) continue;
      const where = checked ? { abs: path.join(ctx.contentDir, rel) } : resolveInside(ctx.contentDir, rel);
      if ('error' in where) continue; // reported by artifact-integrity
      let data: Buffer;
      try {
        data = readFileSync(where.abs);
      } catch {
        continue; // missing: reported by artifact-integrity
      }
      if (artifact && isBinary(rel, data)) continue;
      const byLine = new Map<number, string[]>();
      for (const hit of scanText(data.toString('utf8'))) byLine.set(hit.line, [...(byLine.get(hit.line) ?? []), hit.kind]);
      for (const [line, kinds] of byLine) {
        const hit = { line, kind: kinds.join(' and ') };
        out.push({
          subject: `${rel}:${hit.line}`,
          ref: entry.id,
          controls: entryControls(entry),
          file: rel,
          line: hit.line,
          message: `Possible ${hit.kind} on line ${hit.line} of ${path.posix.basename(rel)}${artifact ? ` (artifact of "${entry.id}")` : ''}. The value is not shown here.`,
          fix: `remove or redact it${artifact ? ', re-pin the artifact (npx proofbook hash)' : ''} and rotate the credential: once committed or shared it must be treated as compromised`,
        });
      }
    }
    return out;
  },
});
