import { isGitCheckout, lastCommitDates, repoPrefix } from '../release/git.ts';
import { siteBuild } from './model.ts';
import type { ProgramConfig } from '../schemas/config.ts';

/**
 * "Last updated" and "edit this file" for a page made from a source file. The dates come from
 * git (each file's last commit), read once per build, so the same commit always shows the same
 * dates; files not yet committed have none rather than the build day.
 */
let cached: { root: string; dates?: Map<string, string>; prefix: string } | undefined;

function gitFacts() {
  const root = siteBuild().contentDir;
  if (cached?.root !== root) {
    const git = isGitCheckout(root);
    cached = { root, dates: git ? lastCommitDates(root) : undefined, prefix: (git && repoPrefix(root)) || '' };
  }
  return cached;
}

/** The day the content file (content-root-relative) was last committed, when known. */
export function lastUpdated(file: string): string | undefined {
  return gitFacts().dates?.get(file);
}

/** The forge's edit page for a content file, when `repository` is configured (GitHub/GitLab/Gitea style /edit/<branch>/<path>). */
export function editUrl(config: ProgramConfig, file: string): string | undefined {
  if (!config.repository) return undefined;
  const path = `${gitFacts().prefix}${file}`.split('/').map(encodeURIComponent).join('/');
  return `${config.repository.url.replace(/\/+$/, '')}/edit/${encodeURIComponent(config.repository.branch)}/${path}`;
}
