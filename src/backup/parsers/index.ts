import type { BackupTool } from '../types.ts';
import type { ToolParser } from './parser.ts';
import { borg } from './borg.ts';
import { restic } from './restic.ts';

/** The importer for each tool. */
export const PARSERS: Partial<Record<BackupTool, ToolParser>> = { restic, borg };
