import type { AuditReport } from '../types.ts';
import type { FormatOptions } from './common.ts';
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import { formatText } from './text.ts';

export const FORMATS = { text: formatText, json: formatJson, junit: formatJunit, markdown: formatMarkdown, github: formatGithub } as const satisfies Record<string, (r: AuditReport, o?: FormatOptions) => string>;
export type FormatName = keyof typeof FORMATS;
export type { FormatOptions };
