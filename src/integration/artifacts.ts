import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteBuild } from '../site/handoff.ts';

/**
 * Copies the artifacts of the audience's view into <out>/artifacts/, keeping their content-relative
 * paths. The view holds only the files the audience may download (auditor, unless widened).
 */
export function copyArtifacts(outDir: string, build: SiteBuild): void {
  for (const e of build.view.evidence) {
    for (const a of e.artifacts) {
      const target = path.join(outDir, 'artifacts', ...a.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(build.contentDir, a.path), target);
    }
  }
}
