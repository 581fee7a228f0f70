import { existsSync, statSync } from 'node:fs';
import { sha256File } from '../../model/artifacts.ts';
import { UsageError, type Command } from '../command.ts';

export const hash: Command = {
  name: 'hash',
  summary: 'Print the sha256 of each file, to pin an evidence artifact in its frontmatter.',
  usage: 'hash FILE...',
  help: [],
  options: {},
  positionals: true,
  async run(_values, files) {
    if (!files.length) throw new UsageError('name at least one file');
    const missing = files.filter((f) => !existsSync(f) || !statSync(f).isFile());
    if (missing.length) throw new UsageError(`not a file: ${missing.join(', ')}`);
    for (const f of files) process.stdout.write(`${sha256File(f)}  ${f}\n`);
    return 0;
  },
};
