import { existsSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import { runAudit } from '../audit/run.ts';
import type { AuditReport } from '../audit/types.ts';
import { buildModel, type BuildResult } from '../model/build.ts';
import type { Model } from '../model/types.ts';
import { isArtifactProblem } from '../validation/problem.ts';
import { gitState, type GitState } from './git.ts';
import { bundleFileName, ledgerProblems, loadLedger, recordFile, type Ledger } from './ledger.ts';
import { ReleaseRefused, displayPath, type ReleaseOptions } from './options.ts';
import { loadPrivateKey } from './sign.ts';

/**
 * The checks `proofbook release` makes before it builds anything, one named pass each, in
 * the order they run. Each refuses the release with the reason (ReleaseRefused).
 */

/** Pass 1, git: the commit is the release's identity and its only clock. */
export function releaseCommit(contentRoot: string): GitState {
  const git = gitState(contentRoot);
  if ('error' in git) throw new ReleaseRefused(`Cannot release: the content folder is ${git.error}. A release records the git commit it was built from, so commit the content to git first.`);
  return git;
}

/** Pass 2, ledger: sound, the version is new, and no bundle of it is lying around. */
export function newVersionInLedger(contentRoot: string, o: ReleaseOptions, git: GitState): { ledger: Ledger; bundleDir: string; bundlePath: string } {
  const ledger = loadLedger(contentRoot);
  if (ledger.problems.length) throw new ReleaseRefused('Cannot release: the release ledger is broken. Restore it before making a new release.', ledger.problems);
  const existing = ledger.records.find((r) => r.version === o.version);
  if (existing || existsSync(path.join(contentRoot, recordFile(o.version)))) {
    throw new ReleaseRefused(
      existing
        ? `Release ${o.version} already exists (${recordFile(o.version)}, released ${existing.date.slice(0, 10)} from commit ${existing.commit.slice(0, 12)}). A release is never overwritten: choose a new version.`
        : `A record for release ${o.version} already exists (${recordFile(o.version)}). A release is never overwritten: choose a new version.`,
    );
  }
  const bundleDir = path.resolve(o.bundleDir ?? path.join(git.toplevel, 'releases'));
  const bundlePath = path.join(bundleDir, bundleFileName(o.version));
  if (existsSync(bundlePath)) {
    throw new ReleaseRefused(`The bundle ${displayPath(bundlePath)} already exists, but the ledger has no release ${o.version}: it is left from another checkout or a failed release. A bundle is never overwritten: move it away, or choose a new version.`);
  }
  const bundleProblems = ledgerProblems(contentRoot, { bundleDir: o.bundleDir });
  if (bundleProblems.length) throw new ReleaseRefused('Cannot release: a stored bundle no longer matches the ledger.', bundleProblems);
  return { ledger, bundleDir, bundlePath };
}

/** Pass 3: a clean tree, unless allowed (and then recorded). */
export function requireCleanTree(git: GitState, o: ReleaseOptions): void {
  if (git.dirty.length && !o.allowDirty) {
    const shown = git.dirty.slice(0, 10).map((f) => `  ${f}`);
    if (git.dirty.length > 10) shown.push(`  … and ${git.dirty.length - 10} more`);
    throw new ReleaseRefused(`Cannot release: the git tree has uncommitted changes, so the release would not match commit ${git.commit.slice(0, 12)}:\n${shown.join('\n')}\nCommit them first, or pass --allow-dirty (the changed files are recorded in the release).`);
  }
}

/** Pass 4: the model (as of the given date, the config's, else the commit's day) and the self-audit, which must pass unless allowed. */
export function auditedModel(contentRoot: string, o: ReleaseOptions, isoDate: string, log: (line: string) => void): { model: Model; audit: AuditReport } {
  let result: BuildResult = buildModel({ contentDir: contentRoot, asOf: o.asOf });
  if (!o.asOf && result.model && !result.model.config.asOf) result = buildModel({ contentDir: contentRoot, asOf: isoDate.slice(0, 10) });
  const blocking = result.problems.filter((p) => !isArtifactProblem(p));
  if (!result.model || blocking.length) throw new ReleaseRefused('Cannot release: the content has problems.', result.problems);
  const model = result.model;
  log(`Auditing ${model.config.organisation.name} as of ${model.asOf}…`);
  const audit = runAudit(result, { contentDir: contentRoot, ...(o.bundleDir ? { bundleDir: o.bundleDir } : {}) });
  if (audit.counts.error > 0 && !o.allowFindings) {
    const errors = audit.findings.filter((f) => f.severity === 'error' && !f.waived);
    const problems = errors.map((f) => ({ file: f.file, line: f.line, field: f.field, message: `[${f.rule}] ${f.message}`, fix: f.fix }));
    throw new ReleaseRefused(`Cannot release: the self-audit found ${audit.counts.error} error${audit.counts.error === 1 ? '' : 's'}. Fix them, or release anyway with --allow-findings "reason" (the reason is recorded in the release).`, problems);
  }
  return { model, audit };
}

/** Pass 5: the signing key, when the release is to be signed. */
export function signingKey(o: ReleaseOptions): KeyObject | undefined {
  if (!o.signKey) return undefined;
  const key = loadPrivateKey(o.signKey);
  if ('error' in key) throw new ReleaseRefused(`Cannot sign: ${key.error}.`);
  return key;
}
