import type { TrustData } from '../schemas/trust.ts';

/**
 * The organisation's colours as CSS custom properties for the trust center. A colour is only
 * used where it keeps text readable (WCAG AA, 4.5:1): the primary colour as the hero background
 * behind white text, the accent for links and highlights on white (light scheme; the dark
 * scheme keeps its own tuned colours). A colour that fails is left out, never shown unreadable.
 */
type Brand = TrustData['brand'];

function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.slice(1).split('').map((c) => c + c).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two #rgb/#rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

export const READABLE = 4.5;

/** CSS for the brand colours, or undefined when there are none to apply. */
export function brandCss(brand: Brand | undefined): string | undefined {
  const rules: string[] = [];
  if (brand?.primary && contrast(brand.primary, '#ffffff') >= READABLE) rules.push(`--hero-from:${brand.primary};--hero-to:${brand.primary}`);
  const accent = brand?.accent ?? brand?.primary;
  const light = accent && contrast(accent, '#ffffff') >= READABLE ? `@media (prefers-color-scheme: light){:root{--accent:${accent}}}` : '';
  if (!rules.length && !light) return undefined;
  return `${rules.length ? `:root{${rules.join(';')}}` : ''}${light}`;
}

/** The logo's file name as published under /brand/. */
export function logoFile(brand: Brand | undefined): string | undefined {
  return brand?.logo?.split('/').pop();
}
