import type { SnapshotInfo } from '../site/handoff.ts';
import { siteBuild } from '../site/model.ts';

export type { SnapshotInfo };

/**
 * Snapshot mode: on while `proofbook release` builds the auditor edition for a bundle. The
 * pages then carry a "frozen snapshot" banner and leave out everything that points beyond
 * the bundle (the releases pages, the version switcher), so the bundle is complete offline.
 */
export function snapshotInfo(): SnapshotInfo | undefined {
  return siteBuild().snapshot;
}
