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
    return fixPdfDates(Buffer.from(pdf), ctx.view.asOf);
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
