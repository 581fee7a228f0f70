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
  superseded: 'Superseded',
  expired: 'Expired',
};

export { KIND_LABEL } from '../model/labels.ts';

export { plural } from '../util/text.ts';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
