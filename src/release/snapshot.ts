/**
 * Snapshot mode: set while `proofbook release` builds the auditor edition for a bundle. The
 * pages then carry a "frozen snapshot" banner and leave out everything that points beyond
 * the bundle (the releases pages, the version switcher), so the bundle is complete offline.
 */
export const SNAPSHOT_ENV = 'PROOFBOOK_SNAPSHOT';

export interface SnapshotInfo {
  version: string;
  commit: string;
  /** Release time, ISO 8601 UTC. */
  date: string;
}

/** The release being built, when this build is a snapshot. */
export function snapshotInfo(): SnapshotInfo | undefined {
  const raw = process.env[SNAPSHOT_ENV];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<SnapshotInfo>;
    return typeof v.version === 'string' && typeof v.commit === 'string' && typeof v.date === 'string' ? { version: v.version, commit: v.commit, date: v.date } : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `fn` with snapshot mode on, restoring the environment afterwards. */
export async function withSnapshot<T>(info: SnapshotInfo, fn: () => Promise<T>): Promise<T> {
  const before = process.env[SNAPSHOT_ENV];
  process.env[SNAPSHOT_ENV] = JSON.stringify(info);
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env[SNAPSHOT_ENV];
    else process.env[SNAPSHOT_ENV] = before;
  }
}
