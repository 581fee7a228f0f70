import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../site/model.ts';
import { trustStanding } from '../../../site/trust-status.ts';
import { ogCard } from '../../../trust/badges.ts';
import { ogPng } from '../../../trust/og.ts';
import { trustPages, type TrustPage } from '../../../trust/pages.ts';

/** /og/<page>.png: a 1200×630 social image for every trust-center page. */
export const getStaticPaths = (() => trustPages(siteModel(), trustStanding()).map((page) => ({ params: { page: page.id }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: TrustPage }> = async ({ props }) =>
  new Response(new Uint8Array(await ogPng(ogCard(siteModel(), props.page, trustStanding()))), { headers: { 'Content-Type': 'image/png' } });
