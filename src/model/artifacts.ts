import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACT_DIR, CONTENT_DIRS } from '../content/load.ts';
import { resolveInside } from '../content/paths.ts';
import type { Problem } from '../validation/problem.ts';
import { isBinary, mayHoldSecret as mayHoldSecretText } from '../content/secrets.ts';

export interface ArtifactCheck {
  size: number;
  /** sha256 of the file as it is now, or undefined when it could not be read. */
  actual?: string;
  problem?: Omit<Problem, 'file' | 'line' | 'field'>;
  /** See ArtifactNode.mayHoldSecret (undefined when the file could not be read). */
  mayHoldSecret?: boolean;
  /** The file's bytes, when asked for and the hash matches (tool output the model computes figures from). */
  bytes?: Buffer;
}

/**
 * What content record a path names, if any: a policy, measure or evidence file, a framework,
 * the program's own YAML files or the release ledger. Such a file is the program, not evidence.
 */
export function contentRecordAt(rel: string): string | undefined {
  const parts = path.posix.normalize(rel).split('/');
  if (parts.length === 1 && /\.ya?ml$/i.test(parts[0]!)) return `the program's ${parts[0]} file`;
  if (parts[0] === 'releases') return 'a release ledger record';
  const kind = Object.entries(CONTENT_DIRS).find(([, dir]) => dir === parts[0])?.[0];
  if (kind && parts[1] !== ARTIFACT_DIR && /\.(?:mdx?|ya?ml)$/i.test(parts[parts.length - 1]!)) return `a ${kind} record`;
  return undefined;
}

/** sha256 of a file in hex. */
export function sha256File(abs: string): string {
  return createHash('sha256').update(readFileSync(abs)).digest('hex');
}

/**
 * Checks one artifact: the path stays inside the content root, the file exists and its
 * sha256 matches the pinned one (a mismatch means the evidence drifted or was tampered with).
 */
export function checkArtifact(root: string, rel: string, pinned: string, keepBytes = false): ArtifactCheck {
  const where = resolveInside(root, rel);
  if ('error' in where) {
    return { size: 0, problem: { code: 'artifact-path', message: `Artifact path "${rel}": ${where.error}.`, fix: 'keep artifacts inside the content folder and give their path relative to it, e.g. evidence/files/report.pdf' } };
  }
  const record = contentRecordAt(rel);
  if (record) return { size: 0, problem: { code: 'artifact-path', message: `Artifact path "${rel}" points at ${record}, not at an evidence file.`, fix: `put the file the evidence consists of under a ${ARTIFACT_DIR}/ folder (e.g. evidence/${ARTIFACT_DIR}/report.pdf) and point the path there` } };
  let size: number;
  try {
    const st = statSync(where.abs);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    return { size: 0, problem: { code: 'artifact-missing', message: `Artifact file "${rel}" does not exist.`, fix: 'add the file at that path (relative to the content root) or correct the path' } };
  }
  // One read serves the hash and the secret scan's pre-check (the audit re-reads only files that hint at a credential).
  const data = readFileSync(where.abs);
  const actual = createHash('sha256').update(data).digest('hex');
  const mayHoldSecret = !isBinary(rel, data) && mayHoldSecretText(data.toString('latin1'));
  if (actual !== pinned) {
    return {
      size,
      actual,
      mayHoldSecret,
      problem: {
        code: 'artifact-hash',
        message: `Artifact "${rel}" does not match its pinned sha256: pinned ${pinned}, file has ${actual}. The evidence changed after it was recorded (drift or tampering).`,
        fix: 'restore the original file, or if the change is legitimate re-collect the evidence and pin the new hash (npx proofbook hash <file>)',
      },
    };
  }
  return { size, actual, mayHoldSecret, ...(keepBytes ? { bytes: data } : {}) };
}
