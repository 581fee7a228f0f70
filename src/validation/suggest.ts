import { distance } from 'fastest-levenshtein';

/** Up to `max` candidates closest to `input` (case-insensitive edit distance), best first. */
export function nearest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const c of candidates) scored.push([c, distance(needle, c.toLowerCase())]);
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const limit = Math.max(2, Math.ceil(needle.length / 2));
  return scored.filter(([, d]) => d <= limit).slice(0, max).map(([c]) => c);
}

/** "Did you mean X, Y?" or "" when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const near = nearest(input, candidates);
  return near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}
