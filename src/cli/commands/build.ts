import { buildSite } from '../../site/build-site.ts';
import { CONTENT_HELP, CONTENT_OPTIONS, type Command } from '../command.ts';
import { modelFor } from '../shared.ts';
import { describeBuildError } from '../../site/build-error.ts';

export const build: Command = {
  name: 'build',
  summary: 'Validate the content, then build the internal policy portal as a static site. A failed build leaves the previous output untouched.',
  usage: 'build [--content DIR] [--out DIR] [--as-of DATE]',
  help: [...CONTENT_HELP, '--out DIR        output folder (default: ./dist)', '--verbose        show Astro\'s build log'],
  options: { ...CONTENT_OPTIONS, out: { type: 'string', default: 'dist' }, verbose: { type: 'boolean', default: false } },
  async run(values) {
    const { model } = modelFor(values);
    if (!model) return 1;
    const started = performance.now();
    try {
      await buildSite({ contentDir: String(values.content), outDir: String(values.out), asOf: model.asOf, logLevel: values.verbose ? 'info' : 'warn' });
    } catch (error) {
      process.stderr.write(`${describeBuildError(error, String(values.content))}\nThe previous ${String(values.out)}/ was left untouched.\n`);
      return 1;
    }
    const pages = model.policies.length + model.measures.length + model.evidence.length + model.controls.size;
    process.stdout.write(`✓ Built the portal for ${model.config.organisation.name} as of ${model.asOf} into ${String(values.out)}/ (${pages}+ pages) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  },
};
