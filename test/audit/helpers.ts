import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAudit, type AuditOptions } from '../../src/audit/run.ts';
import type { AuditReport, Finding } from '../../src/audit/types.ts';
import { buildModel } from '../../src/model/build.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';

/** A small program that passes every rule as of AS_OF; rule tests copy it and break one thing. */
export const PASSING = path.join(FIXTURES, 'audit', 'passing');
export const AS_OF = '2026-07-10';

/** Builds the model and audits it in-process, as `proofbook audit` does. */
export function audit(dir: string, options: Partial<AuditOptions> = {}): AuditReport {
  const result = buildModel({ contentDir: dir, asOf: options.asOf ?? AS_OF });
  return runAudit(result, { contentDir: dir, ...options });
}

export const ofRule = (report: AuditReport, rule: string): Finding[] => report.findings.filter((f) => f.rule === rule);

/** The fields a test pins down exactly. */
export const essentials = ({ rule, severity, subject, file, field, line, message }: Finding) => ({ rule, severity, subject, file, field, line, message });

/** A fresh copy of the passing fixture with `change` applied. */
export function variant(change: (dir: string) => void): string {
  const dir = copyContent(PASSING, 'audit');
  change(dir);
  return dir;
}

export const sha256 = (dir: string, rel: string) => createHash('sha256').update(readFileSync(path.join(dir, rel))).digest('hex');

/** Adds an evidence record (and its artifact, pinned) to a copied content folder. */
export function addEvidence(dir: string, id: string, frontmatter: string, artifact?: { path: string; text: string | Buffer }, body = 'Evidence body.'): void {
  let artifacts = '';
  if (artifact) {
    write(dir, artifact.path, artifact.text as string);
    artifacts = `artifacts:\n  - path: ${artifact.path}\n    sha256: ${sha256(dir, artifact.path)}\n`;
  }
  write(dir, `evidence/${id}.md`, `---\nid: ${id}\ntitle: Evidence ${id}\nsource: test\ncollectedBy: SRE lead\n${artifacts}${frontmatter.trim()}\n---\n${body}\n`);
}

export { edit, write };
