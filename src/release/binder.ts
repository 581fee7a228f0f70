import { exportContext } from '../export/build.ts';
import { renderBinderPdf } from '../export/pdf/render.ts';
import type { Model } from '../model/types.ts';
import type { ZipInput } from './zip.ts';

/**
 * The PDF binder of a release (`proofbook release --pdf`), printed for auditors with the
 * release's version on its cover and packed as exports/binder.pdf beside the other exports
 * the auditor edition carries, so MANIFEST.json and its signature cover it too. Its cover
 * cannot name the manifest digest it is part of: `proofbook pdf --release VERSION` prints that.
 */
export const BINDER_PATH = 'exports/binder.pdf';

export async function binderInput(model: Model, version: string): Promise<ZipInput> {
  const data = await renderBinderPdf(exportContext(model, 'auditor', { release: { version } }));
  return { path: BINDER_PATH, data, size: data.length };
}
