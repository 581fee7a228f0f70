import type { CoverageStatus } from '../../model/types.ts';
import type { ExportContext } from '../context.ts';
import { implementationText } from './component-definition.ts';
import { applicable, backMatter, componentUuid, controlId, documentUuid, frameworkResource, inScopeFrameworks, metadata, prop, uuidV5 } from './common.ts';

/**
 * OSCAL system-security-plan: the program as the system, the in-scope controls and how each is
 * implemented (by the program's component), with the implementation state coverage implies.
 */
const STATE: Record<CoverageStatus, string> = { covered: 'implemented', partial: 'partial', gap: 'planned', 'not-applicable': 'not-applicable' };

export function systemSecurityPlan(ctx: ExportContext) {
  const { view } = ctx;
  const org = view.config.organisation.name;
  const frameworks = inScopeFrameworks(view);
  const component = componentUuid(view);
  const controls = frameworks.flatMap((f) => f.controls.filter(applicable));
  const first = frameworks[0];
  return {
    'system-security-plan': {
      uuid: documentUuid('system-security-plan', ctx),
      metadata: metadata(`${org}: ${view.config.title} (system security plan)`, ctx),
      'import-profile': { href: first ? `#${frameworkResource(first.id)}` : '#', remarks: `Frameworks in scope: ${frameworks.map((f) => f.id).join(', ') || 'none'}.` },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: component }],
        'system-name': `${org} backup and disaster recovery`,
        description: view.config.organisation.description || view.config.title,
        'system-information': {
          'information-types': [{ title: 'Backups of production data', description: 'Copies of the data the organisation processes, kept to restore service and data after loss.' }],
        },
        status: { state: 'operational' },
        'authorization-boundary': { description: `The backup and disaster-recovery program of ${org}: the measures, policies and evidence kept in its Proofbook content.` },
      },
      'system-implementation': {
        users: [{ uuid: uuidV5(`user|${org}|owners`), title: 'Control owners', description: 'The owners named on policies and measures.' }],
        components: [{ uuid: component, type: 'this-system', title: view.config.title, description: `${org}'s backup and disaster-recovery program.`, status: { state: 'operational' } }],
      },
      'control-implementation': {
        description: `Every in-scope, applicable control of ${frameworks.map((f) => f.catalog.name).join(' and ') || 'no framework'}, as of ${view.asOf}.`,
        'implemented-requirements': controls.map((c) => ({
          uuid: uuidV5(`ssp-requirement|${c.key}`),
          'control-id': controlId(c),
          props: [prop('framework', c.framework.id), prop('coverage', c.coverage.status)],
          'by-components': [
            {
              'component-uuid': component,
              uuid: uuidV5(`ssp-by-component|${c.key}`),
              description: implementationText(c) || 'No measure implements this control yet.',
              'implementation-status': { state: STATE[c.coverage.status], ...(c.coverage.missing.length ? { remarks: `Missing: ${c.coverage.missing.join('; ')}.` } : {}) },
            },
          ],
        })),
      },
      'back-matter': backMatter(view),
    },
  };
}
