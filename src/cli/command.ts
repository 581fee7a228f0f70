import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Thrown for bad command-line usage: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** One CLI command: a name, its help text, its options and what it does. Returns the exit code. */
export interface Command<O extends Options = Options> {
  name: string;
  summary: string;
  /** Usage line after "proofbook", e.g. "check [--content DIR]". */
  usage: string;
  /** Help lines for each option, in order. */
  help: string[];
  options: O;
  /** Whether positional arguments are accepted. */
  positionals?: boolean;
  run(values: Record<string, string | boolean | string[] | boolean[] | undefined>, positionals: string[]): Promise<number>;
}

/** Options most commands share. */
export const CONTENT_OPTIONS = {
  content: { type: 'string', default: 'content' },
  'as-of': { type: 'string' },
} as const satisfies Options;
export const CONTENT_HELP = [
  '--content DIR    content folder to read (default: ./content)',
  '--as-of DATE     date for freshness and coverage, YYYY-MM-DD (default: config asOf, else today)',
];

export function parse(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^.*?: /, ''));
  }
}

export function helpText(command: Command): string {
  return [`proofbook ${command.usage}`, '', command.summary, '', ...(command.help.length ? ['Options:', ...command.help.map((h) => `  ${h}`), '  -h, --help       show this help'] : ['  -h, --help       show this help'])].join('\n');
}
