import { readFileSync } from 'node:fs';
import { renderError } from './errors.ts';
import { UsageError, helpText, parse, type Command } from './command.ts';
import { build } from './commands/build.ts';
import { check } from './commands/check.ts';
import { controls } from './commands/controls.ts';
import { hash } from './commands/hash.ts';
import { audit } from './commands/audit.ts';
import { release } from './commands/release.ts';
import { verify } from './commands/verify.ts';
import { keygen } from './commands/keygen.ts';
import { exportCommand } from './commands/export.ts';
import { pdf } from './commands/pdf.ts';
import { importCommand } from './commands/import.ts';
import { init } from './commands/init.ts';
import { endQuietlyOnClosedPipe } from './pipes.ts';
import { didYouMean } from '../validation/suggest.ts';

/** Every command, in the order `proofbook --help` lists them. */
export const COMMANDS: Command[] = [init, check, build, audit, importCommand, exportCommand, pdf, release, verify, keygen, controls, hash];

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `proofbook ${version()}: backup and DR compliance evidence as a site, an audit and a snapshot`,
    '',
    'Usage: proofbook <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary.split('. ')[0]}`),
    '',
    'Run "proofbook <command> --help" for its options.',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. User errors print a message, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' && rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    process.stdout.write(`${target ? helpText(target) : mainHelp()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`proofbook: unknown command "${name}".${didYouMean(name, COMMANDS.map((c) => c.name))}\n\n${mainHelp()}\n`);
    return 2;
  }
  // The options read so far, for the error renderer (which names the content folder).
  let values: ReturnType<typeof parse>['values'] = {};
  try {
    const parsed = parse(command, rest);
    values = parsed.values;
    const { positionals } = parsed;
    if (values.help) {
      process.stdout.write(`${helpText(command)}\n`);
      return 0;
    }
    if (positionals.length && !command.positionals) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return await command.run(values, positionals);
  } catch (error) {
    const rendered = renderError(error, command, values);
    if (!rendered) throw error;
    process.stderr.write(`${rendered.text}\n`);
    return rendered.code;
  }
}
