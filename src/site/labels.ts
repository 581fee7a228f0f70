import type { CoverageStatus, Freshness } from '../model/types.ts';

/** Display wording for the model's enums, kept in one place so every page says the same. */
export const COVERAGE_LABEL: Record<CoverageStatus, string> = {
  covered: 'Covered',
  partial: 'Partial',
  gap: 'Gap',
  'not-applicable': 'Not applicable',
};

export const FRESHNESS_LABEL: Record<Freshness, string> = {
  current: 'Current',
  expiring: 'Expiring soon',
  'past-period': 'Past period',
  superseded: 'Superseded',
  expired: 'Expired',
};

export { KIND_LABEL } from '../model/labels.ts';

/**
 * The one wording for a mapping the control only implies (a dashed chip): the same words on
 * every page and in every tooltip, never "implied" in one place and something else in another.
 */
export const IMPLIED_LABEL = 'not stated explicitly';

export { plural } from '../util/text.ts';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
