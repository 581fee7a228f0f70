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
    // Hash what can be hashed; name each file that cannot be, like sha256sum does.
    let failed = 0;
    for (const f of files) {
      if (existsSync(f) && statSync(f).isFile()) process.stdout.write(`${sha256File(f)}  ${f}\n`);
      else {
        failed++;
        process.stderr.write(`proofbook hash: ${f}: ${existsSync(f) ? 'not a file (a folder?)' : 'no such file'}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
