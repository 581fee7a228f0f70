import { UsageError, type Command } from '../command.ts';
import { BUILT_IN_CATALOGS } from '../../catalogs/index.ts';

export const controls: Command = {
  name: 'controls',
  summary: 'List the ids and titles of a built-in framework catalog (soc2 or iso27001), or the catalogs when none is named.',
  usage: 'controls [soc2|iso27001]',
  help: [],
  options: {},
  positionals: true,
  async run(_values, positionals) {
    const [id] = positionals;
    if (!id) {
      for (const c of BUILT_IN_CATALOGS) process.stdout.write(`${c.id}\t${c.name}, ${c.edition} (${c.controls.length} ${c.itemLabel === 'criterion' ? 'criteria' : 'controls'})\n`);
      return 0;
    }
    const catalog = BUILT_IN_CATALOGS.find((c) => c.id === id);
    if (!catalog) throw new UsageError(`unknown framework "${id}": use ${BUILT_IN_CATALOGS.map((c) => c.id).join(' or ')}`);
    for (const c of catalog.controls) process.stdout.write(`${c.id}\t${c.title}\n`);
    return 0;
  },
};
