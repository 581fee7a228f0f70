import path from 'node:path';
import { formatLeaks, LeakError } from '../../site/leak-guard.ts';
import { isAudience, isOutsideAudience } from '../../audience/visibility.ts';
import { runAudit } from '../../audit/run.ts';
import { displayPath } from '../../release/options.ts';
import { EXPORT_KINDS, EXPORT_KIND_IDS, type ExportFormat } from '../../export/kinds.ts';
import type { PortalLinks } from '../../export/context.ts';
import { AUDIENCES, type Audience } from '../../schemas/common.ts';
import { href } from '../../site/urls.ts';
import { didYouMean } from '../../validation/suggest.ts';
import { CONTENT_HELP, CONTENT_OPTIONS, UsageError, type Command } from '../command.ts';
import { modelFor } from '../shared.ts';

const FORMATS: ExportFormat[] = ['xlsx', 'csv', 'json'];

function kindsOption(positionals: string[]): string[] {
  if (!positionals.length) throw new UsageError(`name what to export: ${[...EXPORT_KIND_IDS, 'all'].join(', ')}`);
  if (positionals.includes('all')) return [...EXPORT_KIND_IDS];
  for (const k of positionals) if (!EXPORT_KIND_IDS.includes(k)) throw new UsageError(`unknown export "${k}".${didYouMean(k, [...EXPORT_KIND_IDS, 'all'])} Exports: ${EXPORT_KIND_IDS.join(', ')}, all`);
  return positionals;
}

function formatsOption(value: unknown, kinds: string[]): ExportFormat[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(FORMATS as string[]).includes(f)) throw new UsageError(`unknown --format "${f}".${didYouMean(f, FORMATS)} Use one of: ${FORMATS.join(', ')}`);
  for (const k of kinds) {
    const kind = EXPORT_KINDS.find((x) => x.id === k)!;
    if (!kind.formats.some((f) => list.includes(f))) throw new UsageError(`${k} is written as ${kind.formats.join(', ')}, not ${list.join(', ')}`);
  }
  return list as ExportFormat[];
}

/** --audience for one audience (default internal). */
export function audienceOption(value: unknown): Audience {
  const a = String(value ?? 'internal');
  if (!isAudience(a)) throw new UsageError(`unknown audience "${a}".${didYouMean(a, [...AUDIENCES])} Use one of: ${AUDIENCES.join(', ')}`);
  return a;
}

/** Absolute links to a published portal (--portal-url), for spreadsheets read away from the site. */
export function absoluteLinks(base: string): PortalLinks {
  const root = base.replace(/\/+$/, '');
  return { control: (c) => `${root}${href.control(c)}`, entry: (e) => `${root}${href.entry(e)}` };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write auditor exports from the model: the control matrix, the evidence request (PBC) list and the SOC 2 ↔ ISO 27001 crosswalk as XLSX, CSV and JSON, and OSCAL 1.1.2 JSON. Below internal, exports hold only what the audience may see and must pass the leak guard.',
  usage: `export <${[...EXPORT_KIND_IDS, 'all'].join('|')}>... [--format xlsx|csv|json] [--audience internal|auditor|customer|public] [--as-of DATE] [--out DIR] [--content DIR] [--portal-url URL]`,
  help: [
    'KIND               what to export (several allowed), or all:',
    ...EXPORT_KINDS.map((k) => `  ${k.id.padEnd(28)} ${k.summary} (${k.formats.join(', ')})`),
    '--format F         only these formats: xlsx, csv, json (repeat or use commas; default: every format of the kind)',
    '--audience NAME    who the export is for: internal (default), auditor, customer or public',
    ...CONTENT_HELP,
    '--out DIR          folder to write the files into (default: ./exports); files are <kind>.<format>',
    '--portal-url URL   link controls to the portal published at URL (default: no links)',
  ],
  options: { ...CONTENT_OPTIONS, format: { type: 'string', multiple: true }, audience: { type: 'string' }, out: { type: 'string', default: 'exports' }, 'portal-url': { type: 'string' } },
  positionals: true,
  async run(values, positionals) {
    const kinds = kindsOption(positionals);
    const formats = formatsOption(values.format, kinds);
    const audience = audienceOption(values.audience);
    const portal = values['portal-url'];
    if (portal !== undefined && !/^https?:\/\/\S+$/.test(String(portal))) throw new UsageError(`--portal-url must be an http(s) URL, got "${String(portal)}"`);
    const result = modelFor(values);
    const { model } = result;
    if (!model) return 1;
    const contentDir = String(values.content);
    const audit = isOutsideAudience(audience) ? undefined : runAudit(result, { contentDir });
    // Loaded when used: the spreadsheet and PDF writers are the heaviest modules of the CLI.
    const { produceExports, writeExports } = await import('../../export/produce.ts');
    const { files, leaks } = await produceExports(model, audience, {
      contentDir,
      ...(audit ? { audit } : {}),
      ...(portal !== undefined ? { link: absoluteLinks(String(portal)) } : {}),
      kinds,
      ...(formats ? { formats } : {}),
    });
    if (leaks.length) {
      process.stderr.write(`${formatLeaks(new LeakError(audience, leaks))}\nNothing was written.\n`);
      return 1;
    }
    const out = String(values.out);
    writeExports(out, files);
    process.stdout.write(`✓ Exported for ${audience} as of ${model.asOf} into ${displayPath(path.resolve(out)) || '.'}/: ${files.map((f) => f.name).join(', ')}\n`);
    return 0;
  },
};
