import type { BackupTool } from '../types.ts';
import { awsBackup } from './aws-backup.ts';
import { borg } from './borg.ts';
import type { ToolParser } from './parser.ts';
import { pgbackrest } from './pgbackrest.ts';
import { restic } from './restic.ts';
import { velero } from './velero.ts';

/** The importer for each tool. */
export const PARSERS: Record<BackupTool, ToolParser> = { restic, borg, pgbackrest, velero, 'aws-backup': awsBackup };
