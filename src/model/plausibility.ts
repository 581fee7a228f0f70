import { todayUtc } from '../time/dates.ts';
import type { Problem } from '../validation/problem.ts';
import type { ParsedEntries } from './parse-entries.ts';

/**
 * Dates that cannot have happened yet: evidence collected, a sign-off, a review or a policy
 * taking effect after the as-of date (or after the build date, when --as-of looks back at an
 * earlier day: the program then legitimately holds later records) is a typo (2062 for 2026) or
 * evidence written in advance.
 * A policy version approved ahead of its start may have a future `effective` when it says so
 * (`notYetInForce: true`). Runs after validation, once the as-of date is known.
 */
export function checkFutureDates(entries: ParsedEntries, asOf: string, problems: Problem[]): void {
  const today = todayUtc();
  const limit = asOf > today ? asOf : today;
  // The line is looked up only for a late date: a lookup parses the file again (see lineOf).
  const late = (date: string | undefined, what: string, file: string, line: () => number | undefined, field: string, fix: string) => {
    if (date && date > limit) problems.push({ code: 'schema', file, line: line(), field, message: `${what} ${date}, after ${limit === asOf ? `the as-of date ${asOf}` : `today (${today})`}: it cannot have happened yet.`, fix });
  };
  const typo = 'correct the date (a typo in the year?), or check the program as of a later day with --as-of';
  for (const { data, source } of entries.evidence) {
    late(data.collected, 'The evidence was collected on', source.file, () => source.lineOf(['collected']), 'collected', typo);
  }
  for (const { data, source } of entries.policies) {
    data.approvals.forEach((a, i) => late(a.date, 'The approval is dated', source.file, () => source.lineOf(['approvals', i, 'date']), `approvals[${i}].date`, typo));
    late(data.lastReviewed, 'The last review is dated', source.file, () => source.lineOf(['lastReviewed']), 'lastReviewed', typo);
    if (!data.notYetInForce) {
      late(data.effective, 'The policy takes effect on', source.file, () => source.lineOf(['effective']), 'effective', `${typo}; for a version approved ahead of its start, add "notYetInForce: true"`);
    }
  }
}
