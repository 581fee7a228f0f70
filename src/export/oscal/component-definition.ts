import type { ControlNode } from '../../model/types.ts';
import type { ExportContext } from '../context.ts';
import { applicable, backMatter, componentUuid, controlId, documentUuid, frameworkResource, inScopeFrameworks, metadata, prop, uuidV5 } from './common.ts';

/**
 * OSCAL component-definition: the backup and DR program as one component, with the
 * requirements it implements per framework (controls a measure implements), each described
 * by its measures.
 */
export function implementationText(c: ControlNode): string {
  return c.measures.map((m) => `${m.data.title} (${m.id}).`).join(' ');
}

export function componentDefinition(ctx: ExportContext) {
  const { view } = ctx;
  const org = view.config.organisation.name;
  const frameworks = inScopeFrameworks(view)
    .map((f) => ({ f, controls: f.controls.filter((c) => applicable(c) && c.measures.length) }))
    .filter((x) => x.controls.length);
  return {
    'component-definition': {
      uuid: documentUuid('component-definition', ctx),
      metadata: metadata(`${org}: ${view.config.title} (component definition)`, ctx),
      components: [
        {
          uuid: componentUuid(view),
          type: 'service',
          title: view.config.title,
          description: view.config.organisation.description || `${org}'s backup and disaster-recovery program.`,
          ...(frameworks.length
            ? {
                'control-implementations': frameworks.map(({ f, controls }) => ({
                  uuid: uuidV5(`control-implementation|${f.id}`),
                  source: `#${frameworkResource(f.id)}`,
                  description: `How the program implements ${f.catalog.name}.`,
                  'implemented-requirements': controls.map((c) => ({
                    uuid: uuidV5(`implemented-requirement|${c.key}`),
                    'control-id': controlId(c),
                    description: implementationText(c),
                    props: [prop('framework', f.id), prop('coverage', c.coverage.status), ...c.measures.map((m) => prop('measure', m.id))],
                  })),
                })),
              }
            : {}),
        },
      ],
      'back-matter': backMatter(view),
    },
  };
}
