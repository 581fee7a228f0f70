import type { ExportContext } from '../context.ts';
import { binderHtml, type BinderOptions } from './binder-html.ts';
import { esc } from './markdown.ts';
import { launchChromium } from './chromium.ts';

/**
 * Prints the binder with headless Chromium: A4, backgrounds on, a running header (organisation
 * and document title) and a footer with page numbers. The PDF's creation and modification
 * dates are set to the as-of day, so they say when the content is from, not when it was printed.
 */
export async function renderBinderPdf(ctx: ExportContext, options: BinderOptions = {}): Promise<Buffer> {
  const { html, title } = binderHtml(ctx, options);
  const org = esc(ctx.view.config.organisation.name);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      preferCSSPageSize: true,
      headerTemplate: `<div style="font-size:8px;width:100%;margin:0 16mm;display:flex;justify-content:space-between;color:#555"><span>${org}</span><span>${esc(title)}</span></div>`,
      footerTemplate: `<div style="font-size:8px;width:100%;margin:0 16mm;display:flex;justify-content:space-between;color:#555"><span>As of ${esc(ctx.view.asOf)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      tagged: true,
      outline: true,
    });
    return renumberStructureIds(fixPdfDates(Buffer.from(pdf), ctx.view.asOf));
  } finally {
    await browser.close();
  }
}

/** Replaces the PDF's CreationDate/ModDate with the as-of day, keeping every byte offset (same length). */
export function fixPdfDates(pdf: Buffer, day: string): Buffer {
  const text = pdf.toString('latin1');
  const stamp = `D:${day.replace(/-/g, '')}000000`;
  const out = text.replace(/\/(CreationDate|ModDate) ?\((D:\d{14})/g, (m, _key: string, d: string) => m.slice(0, m.length - d.length) + stamp.slice(0, d.length));
  return Buffer.from(out, 'latin1');
}

/**
 * A structure element's ID in a tagged PDF, as Chromium writes it: `/ID (node00000032)`, and
 * in arrays (the /IDTree's /Names and /Limits, a table cell's /Headers). A title or alt text
 * that happens to read "node00000032" follows its key (`/Title (`), so it is not matched.
 */
const STRUCTURE_ID = /(?<=\/ID |\[|\) |\d R )\(node(\d{8})\)/g;

/**
 * Chromium names each structure element of a tagged PDF after its DOM node's id, a counter
 * of the renderer process: under load it can start one or two higher, and the same binder
 * printed twice differed in those digits alone (a release would no longer be byte-reproducible).
 * The ids are renumbered 1, 2, 3… in their own order, at the same width: the /IDTree stays
 * sorted and every byte offset (the xref table) stays valid.
 */
export function renumberStructureIds(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const ids = [...new Set([...text.matchAll(STRUCTURE_ID)].map((m) => m[1]!))].sort((a, b) => Number(a) - Number(b));
  const renamed = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return Buffer.from(text.replace(STRUCTURE_ID, (_m, id: string) => `(node${renamed.get(id)})`), 'latin1');
}
