import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { siteModel } from '../site/model.ts';
import { contentRoot } from '../site/env.ts';

/** Copies every artifact of the model's evidence into <out>/artifacts/, keeping its content-relative path. */
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
