import type { PolicyNode } from '../model/types.ts';
import type { PolicyData } from '../schemas/policy.ts';
import { fileRevisions, isGitCheckout, type Revision } from './git.ts';

/**
 * A policy's revision history: the commits that changed its file (`git log --follow`) and
 * the approvals recorded in its frontmatter. Outside a git checkout, or before the file is
 * committed, only the approvals are known and `notice` says why.
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

const gitCache = new Map<string, boolean>();
const historyCache = new Map<string, PolicyHistory>();

/** History of one policy; cached per process (one build). */
export function policyHistory(contentRoot: string, policy: Pick<PolicyNode, 'id' | 'file' | 'data'>): PolicyHistory {
  const key = `${contentRoot}\0${policy.file}`;
  const hit = historyCache.get(key);
  if (hit) return hit;
  let git = gitCache.get(contentRoot);
  if (git === undefined) gitCache.set(contentRoot, (git = isGitCheckout(contentRoot)));
  const base = { policy: policy.id, file: policy.file, approvals: policy.data.approvals };
  let result: PolicyHistory;
  if (!git) {
    result = { ...base, revisions: [], notice: 'The content is not in a git checkout, so only the approvals recorded in the policy itself are shown.' };
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
