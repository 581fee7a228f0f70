import type { PolicyNode } from '../model/types.ts';
import type { PolicyData } from '../schemas/policy.ts';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fileRevisions, isGitCheckout, workTreeRoot, type Revision } from './git.ts';

/**
 * Proofbook's own checkout. A program kept inside it (the embedded example, ./content) shares
 * the tool's git history: its commits are the tool's development, not the program's revisions.
 */
const TOOL_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A policy's revision history: the commits that changed its file (`git log --follow`) and
 * the approvals recorded in its frontmatter. Outside a git checkout, inside Proofbook's own
 * repository, or before the file is committed, only the approvals are known and `notice` says why.
 */
export interface PolicyHistory {
  policy: string;
  file: string;
  /** Newest first. Empty without git. */
  revisions: Revision[];
  approvals: PolicyData['approvals'];
  /** Set when the git history is unavailable, in words for the page. */
  notice?: string;
}

type GitSource = 'program' | 'tool' | 'none';
const gitCache = new Map<string, GitSource>();

const real = (dir: string) => {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
};

/** Whose git history the content root is in: its own repository's, the tool's, or none. */
function gitSource(contentRoot: string): GitSource {
  if (!isGitCheckout(contentRoot)) return 'none';
  const top = workTreeRoot(contentRoot);
  const tool = workTreeRoot(TOOL_ROOT);
  return top && tool && real(top) === real(tool) ? 'tool' : 'program';
}
const historyCache = new Map<string, PolicyHistory>();

/** History of one policy; cached per process (one build). */
export function policyHistory(contentRoot: string, policy: Pick<PolicyNode, 'id' | 'file' | 'data'>): PolicyHistory {
  const key = `${contentRoot}\0${policy.file}`;
  const hit = historyCache.get(key);
  if (hit) return hit;
  let git = gitCache.get(contentRoot);
  if (git === undefined) gitCache.set(contentRoot, (git = gitSource(contentRoot)));
  const base = { policy: policy.id, file: policy.file, approvals: policy.data.approvals };
  let result: PolicyHistory;
  if (git === 'none') {
    result = { ...base, revisions: [], notice: 'The content is not in a git checkout, so only the approvals recorded in the policy itself are shown.' };
  } else if (git === 'tool') {
    result = { ...base, revisions: [], notice: "This program is kept inside Proofbook's own repository, whose commits are the tool's development, not revisions of this policy; only the approvals recorded in the policy itself are shown. A program in its own repository shows its commits here." };
  } else {
    const revisions = fileRevisions(contentRoot, policy.file);
    if (!revisions) result = { ...base, revisions: [], notice: 'The git history of this file could not be read; only the recorded approvals are shown.' };
    else if (!revisions.length) result = { ...base, revisions, notice: 'This file has not been committed to git yet; only the recorded approvals are shown.' };
    else result = { ...base, revisions };
  }
  historyCache.set(key, result);
  return result;
}

/** History of every policy, sorted by id (history.json in a snapshot bundle). */
export function allPolicyHistories(contentRoot: string, policies: ReadonlyArray<Pick<PolicyNode, 'id' | 'file' | 'data'>>): PolicyHistory[] {
  return policies.map((p) => policyHistory(contentRoot, p)).sort((a, b) => (a.policy < b.policy ? -1 : a.policy > b.policy ? 1 : 0));
}
