import { viewFor } from '../audience/filter.ts';
import { isOutsideAudience } from '../audience/visibility.ts';
import type { AuditReport } from '../audit/types.ts';
import type { Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';
import type { ExportContext, PortalLinks } from './context.ts';
import { exportFindings } from './findings.ts';

/** The export context for one audience: the model cut down with viewFor and the findings it may carry. */
export function exportContext(model: Model, audience: Audience, options: { audit?: AuditReport; link?: PortalLinks; release?: ExportContext['release'] } = {}): ExportContext {
  const view = viewFor(model, audience);
  const findings = exportFindings(options.audit, view);
  return {
    view,
    audience,
    findings,
    // Audit counts and period are internal detail, like the findings themselves.
    ...(options.audit && !isOutsideAudience(audience) ? { audit: options.audit } : {}),
    ...(options.link ? { link: options.link } : {}),
    ...(options.release ? { release: options.release } : {}),
  };
}
