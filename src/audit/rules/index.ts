import type { Rule } from '../types.ts';
import { artifactIntegrity } from './artifact-integrity.ts';
import { backupStaleness } from './backup-staleness.ts';
import { contentValid } from './content-valid.ts';
import { evidenceCurrent } from './evidence-current.ts';
import { evidenceRetention } from './evidence-retention.ts';
import { orphans } from './orphans.ts';
import { periodCoverage } from './period-coverage.ts';
import { policyLifecycle } from './policy-lifecycle.ts';
import { recoveryTargets } from './recovery-targets.ts';
import { releaseLedger } from './release-ledger.ts';
import { restoreTests } from './restore-tests.ts';
import { secrets } from './secrets.ts';
import { statedFigures } from './stated-figures.ts';
import { traceability } from './traceability.ts';

/** Every audit rule, in the order reports list them (the waiver check runs after these). */
export const RULES: readonly Rule[] = [
  traceability,
  evidenceCurrent,
  periodCoverage,
  recoveryTargets,
  backupStaleness,
  restoreTests,
  statedFigures,
  policyLifecycle,
  artifactIntegrity,
  orphans,
  evidenceRetention,
  secrets,
  contentValid,
  releaseLedger,
];
