import path from 'node:path';
import type { Leak } from '../site/leak-guard.ts';
import { isOutsideAudience } from '../audience/visibility.ts';
import type { AuditReport } from '../audit/types.ts';
import type { Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';
import { writeFileAtomic } from '../util/atomic.ts';
import { exportContext } from './build.ts';
import type { ExportContext, PortalLinks } from './context.ts';
import { guardExports } from './guard.ts';
import { renderExports, type ExportFile, type ExportFormat } from './kinds.ts';

/**
 * Making exports for one audience, as the CLI, the site build and a release do: cut the model
 * down to the audience, render, and (below internal) run the leak guard on the bytes before
 * anything is written. Nothing is written when the guard finds a leak.
 */
export interface ProduceOptions {
  /** Content root, so the guard also allows text of files the audience may download. */
  contentDir?: string;
  audit?: AuditReport;
  link?: PortalLinks;
  release?: ExportContext['release'];
  kinds?: string[];
  formats?: ExportFormat[];
}

export async function produceExports(model: Model, audience: Audience, o: ProduceOptions = {}): Promise<{ files: ExportFile[]; leaks: Leak[] }> {
  const ctx = exportContext(model, audience, { ...(o.audit ? { audit: o.audit } : {}), ...(o.link ? { link: o.link } : {}), ...(o.release ? { release: o.release } : {}) });
  const files = await renderExports(ctx, o.kinds, o.formats);
  const leaks = isOutsideAudience(audience) ? await guardExports(files, model, audience, o.contentDir) : [];
  return { files, leaks };
}

/** Writes each file into `dir` atomically (temp file, then rename). */
export function writeExports(dir: string, files: Array<{ name: string; data: Uint8Array }>): void {
  for (const f of files) writeFileAtomic(path.join(dir, f.name), f.data);
}
