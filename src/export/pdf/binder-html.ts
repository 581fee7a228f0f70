import type { PolicyNode } from '../../model/types.ts';
import type { ExportContext } from '../context.ts';
import { matrixSummary } from '../matrix.ts';
import { esc, markdownToHtml } from './markdown.ts';

/**
 * The PDF binder as one print HTML document, made from the audience's view: a cover
 * (organisation, release or as-of date, manifest digest when released), a table of contents,
 * every policy in order with its header (version, status, approvals, next review) and text,
 * the control matrix summary and the evidence index. Running headers and page numbers are
 * added by Chromium (render.ts). With `policy`, one policy prints alone.
 */
export interface BinderOptions {
  /** Print this policy alone. */
  policy?: string;
}

const STYLE = `
  @page { size: A4; margin: 22mm 16mm 20mm 16mm; }
  body { font: 10.5pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
  h1 { font-size: 22pt; margin: 0 0 8pt; } h2 { font-size: 15pt; margin: 0 0 8pt; } h3 { font-size: 12pt; }
  section.part { break-before: page; }
  .cover { padding-top: 60mm; } .cover p { font-size: 12pt; margin: 4pt 0; } .digest { font-family: monospace; font-size: 9pt; word-break: break-all; }
  table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; font-size: 9pt; }
  th, td { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  th { background: #eee; } tr { break-inside: avoid; }
  .id { white-space: nowrap; font-size: 8pt; font-weight: bold; }
  table.evidence { table-layout: fixed; }
  .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 6pt; word-break: break-all; }
  .toc a { color: inherit; text-decoration: none; } .toc li { margin: 2pt 0; }
  .muted { color: #555; }
`;

function policyHeader(p: PolicyNode): string {
  const approvals = p.data.approvals.length ? p.data.approvals.map((a) => `${esc(a.name)}, ${esc(a.role)}, ${esc(a.date)}`).join('<br>') : '<span class="muted">none recorded</span>';
  const rows: Array<[string, string]> = [
    ['Policy', esc(p.id)],
    ['Version', esc(p.data.version)],
    ['Status', esc(p.data.status)],
    ...(p.data.owner ? ([['Owner', esc(p.data.owner)]] as Array<[string, string]>) : []),
    ['Effective', esc(p.data.effective)],
    ['Approvals', approvals],
    ['Last reviewed', esc(p.data.lastReviewed ?? 'not yet')],
    ['Next review', esc(p.nextReview)],
  ];
  return `<table class="policy-header">${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function policySection(p: PolicyNode): string {
  const text = p.body.trim() ? markdownToHtml(p.body) : p.data.summary ? `<p>${esc(p.data.summary)}</p>` : '<p class="muted">The text of this policy is not shown to this audience.</p>';
  return `<section class="part policy" id="policy-${esc(p.slug)}"><h2>${esc(p.data.title)}</h2>${policyHeader(p)}${text}</section>`;
}

function matrixSection(ctx: ExportContext): string {
  const summary = matrixSummary(ctx);
  const head = `<tr>${summary.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr>`;
  const body = summary.rows.map((r) => `<tr>${r.map((v) => `<td>${esc(v)}</td>`).join('')}</tr>`).join('');
  const frameworks = ctx.view.frameworks.filter((f) => f.inScope).map((f) => {
    const rows = f.controls.filter((c) => c.coverage.status !== 'not-applicable');
    return `<h3>${esc(f.catalog.name)}</h3><table><tr><th>Control</th><th>Title</th><th>Status</th><th>Missing</th></tr>${rows
      .map((c) => `<tr><td><span class="id">${esc(c.id)}</span></td><td>${esc(c.title)}</td><td>${esc(c.coverage.status)}</td><td>${esc(c.coverage.missing.join('; '))}</td></tr>`)
      .join('')}</table>`;
  });
  return `<section class="part" id="control-matrix"><h2>Control matrix summary</h2><table>${head}${body}</table>${frameworks.join('')}</section>`;
}

function evidenceSection(ctx: ExportContext): string {
  const rows = ctx.view.evidence.map((e) => {
    const period = e.data.period ? `<br>period ${esc(e.data.period.start)} to ${esc(e.data.period.end)}` : '';
    const files = e.artifacts.map((a) => `${esc(a.path)}<br><span class="hash">${esc(a.sha256)}</span>`).join('<br>') || '<span class="muted">no file</span>';
    return `<tr><td><span class="id">${esc(e.id)}</span><br>${esc(e.data.title)} <span class="muted">(${esc(e.data.kind)})</span></td><td>collected ${esc(e.data.collected)}${period}<br>${esc(e.freshness)} until ${esc(e.validUntil)}</td><td>${files}</td></tr>`;
  });
  return `<section class="part" id="evidence-index"><h2>Evidence index</h2><table class="evidence"><colgroup><col style="width:31%"><col style="width:18%"><col style="width:51%"></colgroup><tr><th>Evidence</th><th>Dates</th><th>Files (sha256)</th></tr>${rows.join('')}</table></section>`;
}

function cover(ctx: ExportContext, title: string): string {
  const { view, release } = ctx;
  const when = release ? `Release ${esc(release.version)}, as of ${esc(view.asOf)}` : `As of ${esc(view.asOf)}`;
  return `<section class="cover"><h1>${esc(view.config.organisation.name)}</h1><p>${esc(title)}</p><p>${when}</p>${
    release?.digest ? `<p>Manifest digest</p><p class="digest">${esc(release.digest)}</p>` : ''
  }<p class="muted">Edition: ${esc(ctx.audience)}. Generated by Proofbook from the program's source files.</p></section>`;
}

/** The binder (or one policy) as a complete HTML document; throws when `policy` names no visible policy. */
export function binderHtml(ctx: ExportContext, options: BinderOptions = {}): { html: string; title: string } {
  const { view } = ctx;
  const org = view.config.organisation.name;
  if (options.policy !== undefined) {
    const p = view.policies.find((x) => x.id === options.policy);
    if (!p) throw new Error(`no policy "${options.policy}"`);
    const title = `${p.data.title} (version ${p.data.version})`;
    return { title, html: page(`${org}: ${title}`, policySection(p).replace('class="part policy"', 'class="policy"')) };
  }
  const title = `${view.config.title}: policy binder`;
  const toc = [
    ...view.policies.map((p) => `<li><a href="#policy-${esc(p.slug)}">${esc(p.data.title)}</a> <span class="muted">(${esc(p.id)}, version ${esc(p.data.version)})</span></li>`),
    '<li><a href="#control-matrix">Control matrix summary</a></li>',
    '<li><a href="#evidence-index">Evidence index</a></li>',
  ];
  const body = [cover(ctx, title), `<section class="part toc"><h2>Contents</h2><ol>${toc.join('')}</ol></section>`, ...view.policies.map(policySection), matrixSection(ctx), evidenceSection(ctx)];
  return { title, html: page(`${org}: ${title}`, body.join('\n')) };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}
