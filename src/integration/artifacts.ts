import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { siteModel } from '../site/model.ts';
import { contentRoot } from '../site/env.ts';

/**
 * Copies the artifacts of the audience's view into <out>/artifacts/, keeping their content-relative
 * paths. The view holds only the files the audience may download (auditor, unless widened).
 */
export function copyArtifacts(outDir: string): void {
  const root = contentRoot();
  for (const e of siteModel().evidence) {
    for (const a of e.artifacts) {
      const target = path.join(outDir, 'artifacts', ...a.path.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(path.join(root, a.path), target);
    }
  }
}
