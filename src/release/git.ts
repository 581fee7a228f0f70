import { spawnSync } from 'node:child_process';

/**
 * The few git facts a release needs, read with plain `git` commands (no library). Every call
 * runs with a fixed locale and no pager so output is the same on every machine.
 */
export interface GitState {
  /** Work tree root (absolute). */
  toplevel: string;
  /** Full id of HEAD. */
  commit: string;
  /** HEAD's committer time, seconds since the epoch: the release's only clock. */
  commitTime: number;
  /** HEAD's author name. */
  author: string;
  /** Uncommitted changes (tracked and untracked), as `git status --porcelain` paths, sorted. */
  dirty: string[];
}

function git(cwd: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C', GIT_PAGER: 'cat', GIT_OPTIONAL_LOCKS: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '') + (r.error ? String(r.error.message) : '') };
}

/** Whether `dir` is inside a git work tree (false when git is not installed). */
export function isGitCheckout(dir: string): boolean {
  const r = git(dir, ['rev-parse', '--is-inside-work-tree']);
  return r.ok && r.out.trim() === 'true';
}

/** Git state of the work tree holding `dir`, or a sentence saying why there is none. */
export function gitState(dir: string): GitState | { error: string } {
  if (!isGitCheckout(dir)) return { error: 'not inside a git checkout' };
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  const head = git(dir, ['log', '-1', '--format=%H%x1f%ct%x1f%an']);
  if (!head.ok || !head.out.trim()) return { error: 'the repository has no commit yet' };
  const [commit, time, author] = head.out.trim().split('\x1f');
  const status = git(dir, ['status', '--porcelain=v1', '--untracked-files=all']);
  if (!status.ok) return { error: `git status failed: ${status.err.trim()}` };
  const dirty = status.out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .sort();
  return { toplevel: top.out.trim(), commit: commit!, commitTime: Number(time), author: author!, dirty };
}

export interface Revision {
  commit: string;
  author: string;
  /** Author date, ISO 8601 in UTC ("2026-01-05T09:30:00Z"). */
  date: string;
  message: string;
}

/** Commits that touched `file` (relative to `cwd`), newest first, following renames. */
export function fileRevisions(cwd: string, file: string): Revision[] | undefined {
  const r = git(cwd, ['log', '--follow', '--format=%H%x1f%an%x1f%at%x1f%s%x1e', '--', file]);
  if (!r.ok) return undefined;
  return r.out
    .split('\x1e')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [commit, author, at, message] = s.split('\x1f');
      return { commit: commit!, author: author!, date: new Date(Number(at) * 1000).toISOString().replace('.000Z', 'Z'), message: message ?? '' };
    });
}

/**
 * The last commit date (UTC day, YYYY-MM-DD) of every committed file under `cwd`, keyed by
 * its path relative to `cwd`: one `git log` for a whole build, and the same answer on every
 * machine for the same commit. Undefined outside a git checkout.
 */
export function lastCommitDates(cwd: string): Map<string, string> | undefined {
  const r = git(cwd, ['log', '--relative', '--name-only', '--no-renames', '--format=%x1e%ct', '--', '.']);
  if (!r.ok) return undefined;
  const dates = new Map<string, string>();
  // Newest commit first: the first date seen for a file is its last change.
  for (const block of r.out.split('\x1e')) {
    const [time, ...files] = block.trim().split('\n');
    if (!time) continue;
    const day = new Date(Number(time) * 1000).toISOString().slice(0, 10);
    for (const f of files) if (f && !dates.has(f)) dates.set(f, day);
  }
  return dates;
}

/** The top folder of the git work tree holding `dir`, or undefined outside one. */
export function workTreeRoot(dir: string): string | undefined {
  const r = git(dir, ['rev-parse', '--show-toplevel']);
  return r.ok ? r.out.trim() || undefined : undefined;
}

/** Path of `cwd` inside its repository ("content/" or ""), for links to files on a forge. */
export function repoPrefix(cwd: string): string | undefined {
  const r = git(cwd, ['rev-parse', '--show-prefix']);
  return r.ok ? r.out.trim() : undefined;
}
