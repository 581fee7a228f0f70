import type { AuditReport, Finding } from '../audit/types.ts';
import type { ControlNode, EntryNode, Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';

/**
 * What every export is made from: the model as one audience may see it (viewFor), the
 * self-audit findings that view may carry, and how to link to the portal's pages. Exports
 * never see the unfiltered model, so they cannot leak what the view does not hold.
 */
export interface ExportContext {
  view: Model;
  audience: Audience;
  /** Findings this view may carry (exportFindings). */
  findings: Finding[];
  /** The self-audit report, for its counts and period (internal and auditor only). */
  audit?: AuditReport;
  /** Link to a control's or entry's portal page; absent when the export is read without the portal. */
  link?: PortalLinks;
  /** Release this export belongs to, when it is part of one. */
  release?: { version: string; digest?: string };
}

export interface PortalLinks {
  control(c: ControlNode): string;
  entry(e: EntryNode): string;
}
