import { iso27001 } from './iso27001.ts';
import { soc2 } from './soc2.ts';
import type { FrameworkCatalog } from './types.ts';

/** Catalogs shipped with Proofbook, pinned to one edition each. */
export const BUILT_IN_CATALOGS: readonly FrameworkCatalog[] = [soc2, iso27001];

/** URL-safe slug of a control id: "CC6.1" → "cc6-1", "A.8.13" → "a-8-13". */
export function controlSlug(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export { soc2, iso27001 };
export type { FrameworkCatalog };
