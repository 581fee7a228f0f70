import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import { withPngText } from './png.ts';

/**
 * Social (Open Graph) images and status badges, drawn at build time with satori (layout to
 * SVG) and resvg (SVG to PNG), with Inter from the @fontsource/inter npm package: no network.
 * Satori reads TTF, OTF and WOFF (not WOFF2); fontsource ships WOFF for every subset.
 */

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

type Weight = 400 | 600 | 700;
let fonts: Font[] | undefined;

function fontFile(file: string): string {
  const id = `@fontsource/inter/files/${file}`;
  for (const base of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(base).resolve(id);
    } catch {
      // try the next base: Astro runs this module from a bundle outside the package tree
    }
  }
  throw new Error(`Font ${id} not found: is @fontsource/inter installed (npm ci)?`);
}

/** Inter regular, semibold and bold, Latin and Latin Extended subsets. */
export function loadFonts(): Font[] {
  return (fonts ??= ([400, 600, 700] as Weight[]).flatMap((weight) =>
    ['latin', 'latin-ext'].map((subset) => ({ name: 'Inter', weight, style: 'normal' as const, data: readFileSync(fontFile(`inter-${subset}-${weight}-normal.woff`)) })),
  ));
}

/** A satori element: a plain object tree like React's, without React. */
interface El {
  type: string;
  props: Record<string, unknown> & { style?: Record<string, unknown>; children?: unknown };
}
const h = (type: string, style: Record<string, unknown>, ...children: Array<El | string | false | undefined>): El => ({
  type,
  props: { style: { display: 'flex', ...style }, children: children.filter((c) => c !== false && c !== undefined) },
});

export type Tone = 'good' | 'warn' | 'bad' | 'info';
const TONE: Record<Tone, string> = { good: '#17663a', warn: '#8a4b00', bad: '#b42318', info: '#1d4ed8' };

export interface OgCard {
  /** Organisation name. */
  org: string;
  /** Small label above the title, e.g. "Trust Center". */
  kicker: string;
  title: string;
  description: string;
  /** Status chips along the bottom, e.g. "SOC 2 Type II · Current". */
  chips: Array<{ label: string; tone: Tone }>;
  /** Footer text, e.g. "Status as of 2026-11-25". */
  footer: string;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);

const shield = (size: number): El => ({
  type: 'svg',
  props: {
    width: size,
    height: size,
    viewBox: '0 0 24 24',
    children: [
      { type: 'path', props: { d: 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z', fill: '#7ab8ff' } },
      { type: 'path', props: { d: 'm8.5 12.2 2.4 2.4 4.8-5', fill: 'none', stroke: '#0b1f33', 'stroke-width': 2.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' } },
    ],
  },
});

/** The SVG of a 1200×630 social card. */
export async function ogSvg(card: OgCard): Promise<string> {
  // About 28 characters of the bold title fit on a line: a two-line title leaves room for two lines of description.
  const longTitle = card.title.length > 28;
  const tree = h(
    'div',
    { width: '100%', height: '100%', flexDirection: 'column', justifyContent: 'space-between', padding: '60px 72px', backgroundColor: '#0b1f33', backgroundImage: 'linear-gradient(135deg, #0b1f33 0%, #123a63 100%)', color: '#ffffff', fontFamily: 'Inter' },
    h(
      'div',
      { flexDirection: 'column' },
      h(
        'div',
        { alignItems: 'center', justifyContent: 'space-between' },
        h('div', { alignItems: 'center', gap: '16px' }, shield(48), h('div', { fontSize: 30, fontWeight: 600, color: '#dbe8f7' }, clip(card.org, 44))),
        h('div', { fontSize: 20, color: '#9fb3cc' }, card.footer),
      ),
      h('div', { marginTop: '40px', fontSize: 24, fontWeight: 600, color: '#7ab8ff', letterSpacing: '0.08em', textTransform: 'uppercase' }, clip(card.kicker, 60)),
      h('div', { marginTop: '12px', fontSize: longTitle ? 56 : 64, fontWeight: 700, lineHeight: 1.12, color: '#ffffff' }, clip(card.title, 80)),
      h('div', { marginTop: '20px', fontSize: 26, fontWeight: 400, lineHeight: 1.4, color: '#c3d3e6', maxWidth: '1000px' }, clip(card.description, longTitle ? 120 : 170)),
    ),
    h(
      'div',
      { gap: '12px' },
      ...card.chips.slice(0, 3).map((c) =>
        h('div', { alignItems: 'center', gap: '10px', padding: '9px 16px', borderRadius: '999px', backgroundColor: 'rgba(255,255,255,0.1)', border: '1px solid rgba(255,255,255,0.25)', fontSize: 20, fontWeight: 600 },
          h('div', { width: '12px', height: '12px', borderRadius: '6px', backgroundColor: c.tone === 'good' ? '#5fd38d' : c.tone === 'warn' ? '#f3c074' : c.tone === 'bad' ? '#ff9b90' : '#7ab8ff' }),
          clip(c.label, 34)),
      ),
    ),
  );
  return satori(tree as never, { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
}

/** A 1200×630 PNG social card; its text is also written into iTXt chunks (Title, Description). */
export async function ogPng(card: OgCard): Promise<Buffer> {
  const svg = await ogSvg(card);
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return withPngText(png, {
    Title: `${card.title} · ${card.org}`,
    Description: [card.kicker, card.description, ...card.chips.map((c) => c.label), card.footer].join(' | '),
    Software: 'Proofbook',
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A status badge as SVG ("SOC 2 Type II | current"), text drawn as paths plus an accessible <title>. */
/** Width in px of one line of badge text, laid out by satori with the badge's font (Inter 600, 13 px). */
async function textWidth(text: string): Promise<number> {
  const svg = await satori(h('div', { display: 'flex', fontFamily: 'Inter', fontSize: 13, fontWeight: 600 }, text) as never, { height: 24, fonts: loadFonts() });
  return Math.ceil(Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? text.length * 8));
}

const PAD = 9;

/**
 * A status badge as a few hundred bytes of SVG: live text (selectable, read by screen readers)
 * instead of satori's glyph outlines, which made each badge 10-15 KB. Satori still measures the
 * text with Inter so the layout is exact, and textLength keeps it exact where another font is used.
 */
export async function badgeSvg(label: string, message: string, tone: Tone): Promise<string> {
  const [lw, mw] = await Promise.all([textWidth(label), textWidth(message)]);
  const left = lw + 2 * PAD;
  const width = left + mw + 2 * PAD;
  const text = escapeXml(`${label}: ${message}`);
  return (
    `<svg role="img" aria-label="${text}" width="${width}" height="24" viewBox="0 0 ${width} 24" xmlns="http://www.w3.org/2000/svg"><title>${text}</title>` +
    `<clipPath id="r"><rect width="${width}" height="24" rx="4"/></clipPath><g clip-path="url(#r)"><rect width="${left}" height="24" fill="#3b4452"/><rect x="${left}" width="${width - left}" height="24" fill="${TONE[tone]}"/></g>` +
    `<g fill="#fff" font-family="Inter,'Segoe UI',Verdana,sans-serif" font-size="13" font-weight="600">` +
    `<text x="${PAD}" y="16.5" textLength="${lw}" lengthAdjust="spacingAndGlyphs">${escapeXml(label)}</text><text x="${left + PAD}" y="16.5" textLength="${mw}" lengthAdjust="spacingAndGlyphs">${escapeXml(message)}</text></g></svg>`
  );
}
