/**
 * What Proofbook reads from a backup tool's own output, and the figures it derives from it.
 * Parsers (src/backup/parsers/) turn one tool's output into jobs, restores and checks;
 * src/backup/facts.ts derives per-source figures from them. The model, the audit, the pages
 * and `proofbook import` all use these shapes, so a figure means the same everywhere.
 *
 * Times are ISO 8601 instants in UTC with a "Z" ("2026-03-01T02:00:04Z"); a tool's offset or
 * nanoseconds are normalised by the parser. Durations are whole seconds.
 */

/** Tools Proofbook has an importer for. */
export const BACKUP_TOOLS = ['restic', 'borg', 'pgbackrest', 'velero', 'aws-backup'] as const;
export type BackupTool = (typeof BACKUP_TOOLS)[number];

export type Outcome = 'success' | 'failure' | 'partial';

/** One backup run as the tool reported it. */
export interface BackupJob {
  /** What was backed up, as the tool names it: host, repository, stanza, schedule or resource. */
  source: string;
  /** The tool's id for the run (snapshot id, archive name, backup label, job id). */
  id?: string;
  started?: string;
  /** When the backup point was taken / the run finished; what RPO is measured between. */
  finished: string;
  /** A partial run (Velero PartiallyFailed, AWS Backup COMPLETED with errors) is not a success. */
  outcome: Outcome;
  /** The tool's own status text, shown escaped, never as markup. */
  message?: string;
}

/** One restore (or restore test) as the tool reported it. */
export interface RestoreJob {
  source: string;
  id?: string;
  started: string;
  finished?: string;
  outcome: Outcome;
  /** finished − started: the observed time to restore (RTO). */
  durationSeconds?: number;
  /** What was verified after the restore, in the tool's words (validation status, checks). */
  verified?: string;
  message?: string;
}

/** One repository integrity check (restic check, borg check). */
export interface IntegrityCheck {
  source: string;
  at?: string;
  outcome: 'success' | 'failure';
  errors: number;
  message?: string;
}

/** The gap between two successful backups of one source. */
export interface Gap {
  from: string;
  to: string;
  hours: number;
}

/** Figures for one source over a period, computed from its jobs (`--dry-run --format json` prints these). */
export interface SourceFacts {
  source: string;
  jobs: number;
  succeeded: number;
  failed: number;
  firstSuccess: string | null;
  lastSuccess: string | null;
  /** Longest interval between two consecutive successful backups: the observed RPO. */
  longestGap: Gap | null;
}

/** Figures for one restore test: the restore as reported, less the tool's free text. */
export type RestoreFacts = Omit<RestoreJob, 'message'>;

/** Where a figure came from: computed from an artifact by a parser, or stated (typed by hand). */
export type Provenance =
  | { kind: 'computed'; artifact: string; tool: BackupTool; parser: string }
  | { kind: 'stated'; file: string };
