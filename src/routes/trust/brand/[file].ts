import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteBuild, siteModel } from '../../../site/model.ts';
import { logoFile } from '../../../trust/brand.ts';

/** /brand/<file>: the organisation's logo from trust.yaml (validated to lie inside the content root when loaded). */
export const getStaticPaths = (() => {
  const brand = siteModel().trust?.brand;
  const file = logoFile(brand);
  return file && brand?.logo ? [{ params: { file }, props: { rel: brand.logo } }] : [];
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.webp': 'image/webp' };

export const GET: APIRoute<{ rel: string }> = ({ props }) =>
  new Response(readFileSync(path.join(siteBuild().contentDir, props.rel)), { headers: { 'Content-Type': TYPES[path.extname(props.rel).toLowerCase()] ?? 'application/octet-stream' } });
