import { existsSync } from 'node:fs';
import path from 'node:path';
import { programFiles } from '../../init/program.ts';
import { todayUtc } from '../../time/dates.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import type { Command } from '../command.ts';

export const init: Command = {
  name: 'init',
  summary: 'Start a program of your own: proofbook.yaml, the five backup-program policies, a measure per backup area, example evidence, trust.yaml and GitHub workflows. Never overwrites a file.',
  usage: 'init [DIR] [--organisation NAME]',
  help: [
    'DIR                  folder of the new program (default: the current folder); it is the content root',
    '--organisation NAME  organisation name written into proofbook.yaml (default "Example Ltd")',
    '',
    'Then: npx proofbook check --content DIR, and fill in the templates (README.md, "Authoring guide").',
  ],
  options: { organisation: { type: 'string' } },
  positionals: true,
  async run(values, positionals) {
    const dir = path.resolve(positionals[0] ?? '.');
    const shown = path.relative(process.cwd(), dir) || '.';
    const files = programFiles({ organisation: String(values.organisation ?? 'Example Ltd'), today: todayUtc() });
    const existing = [...files.keys()].filter((rel) => existsSync(path.join(dir, rel)));
    if (existing.length) {
      process.stderr.write(`proofbook init: ${existing.length} file${existing.length === 1 ? '' : 's'} already exist${existing.length === 1 ? 's' : ''} in ${shown}; nothing was written:\n${existing.map((f) => `  ${f}`).join('\n')}\nChoose an empty folder, or move those files away first.\n`);
      return 1;
    }
    for (const [rel, data] of files) writeFileAtomic(path.join(dir, rel), data);
    process.stdout.write(
      [
        `✓ Wrote a new program into ${shown}/ (${files.size} files).`,
        `  Next: npx proofbook check --content ${shown}`,
        '  Fill in the policies, measures and evidence; the workflows in .github/workflows/ belong at the root of your repository.',
        '',
      ].join('\n'),
    );
    return 0;
  },
};
