import { loadLedger, ledgerProblems } from '../../release/ledger.ts';
import type { Rule } from '../types.ts';

/**
 * The release ledger (content/releases/*.yaml) is an unbroken hash chain and every stored
 * bundle still matches the digest its record pinned: a release handed to an auditor must
 * never change after the fact.
 */
export const releaseLedger: Rule = {
  id: 'release-ledger',
  severity: 'error',
  title: 'Release records form an unbroken hash chain and stored bundles match their recorded digests',
  rationale:
    'An audit snapshot is only worth handing over if it cannot change afterwards (ISO 27001 A.5.33 protection of records, SOC 2 CC2.1 quality of information): an edited record or a replaced bundle must be caught before an auditor catches it.',
  controls: ['soc2:CC2.1', 'iso27001:A.5.33'],
  needsModel: false,
  // The chain itself is checked even when it is empty; then each release.
  subjects: (ctx) => ['ledger', ...loadLedger(ctx.contentDir).records.map((r) => `release:${r.version}`)],
  check: (ctx) =>
    ledgerProblems(ctx.contentDir, { bundleDir: ctx.bundleDir }).map((p) => ({
      subject: `${p.file}:${p.field ?? p.line ?? ''}`,
      file: p.file,
      line: p.line,
      field: p.field,
      message: p.message,
      fix: p.fix,
    })),
};
