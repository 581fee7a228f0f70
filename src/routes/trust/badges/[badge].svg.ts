import type { APIRoute, GetStaticPaths } from 'astro';
import { siteModel } from '../../../site/model.ts';
import { trustStanding } from '../../../site/trust-status.ts';
import { badges, type BadgeDef } from '../../../trust/badges.ts';
import { badgeSvg } from '../../../trust/og.ts';

/** /badges/<id>.svg: status badges ("SOC 2 Type II · current", "Backup controls · 100% covered"). */
export const getStaticPaths = (() => badges(siteModel(), trustStanding()).map((badge) => ({ params: { badge: badge.id }, props: { badge } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ badge: BadgeDef }> = async ({ props }) =>
  new Response(await badgeSvg(props.badge.label, props.badge.message, props.badge.tone), { headers: { 'Content-Type': 'image/svg+xml' } });
