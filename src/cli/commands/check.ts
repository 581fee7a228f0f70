import { countCoverage } from '../../model/coverage.ts';
import { CONTENT_HELP, CONTENT_OPTIONS, type Command } from '../command.ts';
import { modelFor } from '../shared.ts';
import { plural } from '../../util/text.ts';

export const check: Command = {
  name: 'check',
  summary: 'Validate the content (schemas, references, artifact hashes) and print a coverage summary. Exit 1 on any problem.',
  usage: 'check [--content DIR] [--as-of DATE]',
  help: CONTENT_HELP,
  options: CONTENT_OPTIONS,
  async run(values) {
    const { model } = modelFor(values);
    if (!model) return 1;
    const out = [`✓ ${plural(model.policies.length, 'policy', 'policies')}, ${plural(model.measures.length, 'measure')}, ${plural(model.evidence.length, 'evidence record')}: no problems (as of ${model.asOf}).`];
    for (const f of model.frameworks.filter((x) => x.inScope)) {
      const c = countCoverage(f.controls);
      out.push(`  ${f.catalog.name}: ${c.covered} covered, ${c.partial} partial, ${c.gap} gap, ${c['not-applicable']} not applicable (${c.percent}% of in-scope covered)`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
