import type { Model } from '../model/types.ts';
import { attestationViews, lastRestoreTest, NOT_AUDITED, overallCoverage, type AttestationStatus, type AuditStanding } from './derive.ts';
import type { OgCard, Tone } from './og.ts';
import { trustTitle, type TrustPage } from './pages.ts';

/** One SVG status badge (/badges/<id>.svg) for READMEs, sales decks and the trust center itself. */
export interface BadgeDef {
  id: string;
  label: string;
  message: string;
  tone: Tone;
}

const STATUS_TONE: Record<AttestationStatus, Tone> = { current: 'good', expiring: 'warn', expired: 'bad', 'in-progress': 'info', planned: 'info' };
const STATUS_WORD: Record<AttestationStatus, string> = { current: 'current', expiring: 'renewal due', expired: 'expired', 'in-progress': 'in progress', planned: 'planned' };

export function badges(model: Model, audit: AuditStanding = NOT_AUDITED): BadgeDef[] {
  const out: BadgeDef[] = [];
  const seen = new Set<string>();
  for (const a of attestationViews(model)) {
    if (seen.has(a.slug)) continue;
    seen.add(a.slug);
    out.push({ id: a.slug, label: a.name, message: STATUS_WORD[a.status], tone: STATUS_TONE[a.status] });
  }
  const c = overallCoverage(model, audit);
  if (c.inScope) out.push({ id: 'backup-controls', label: 'Backup controls', message: c.message, tone: c.openErrors ? 'bad' : c.percent === 100 ? 'good' : c.percent >= 80 ? 'warn' : 'bad' });
  const restore = lastRestoreTest(model);
  if (restore) out.push({ id: 'restore-test', label: 'Restore test', message: `passed ${restore.date}`, tone: 'good' });
  return out;
}

/** The social card of a trust-center page: its title and description, with the headline statuses. */
export function ogCard(model: Model, page: TrustPage, audit: AuditStanding = NOT_AUDITED): OgCard {
  const chips = badges(model, audit)
    .filter((b) => b.id !== 'restore-test')
    .map((b) => ({ label: b.id === 'backup-controls' ? `${b.label} ${b.message}` : `${b.label} · ${b.message}`, tone: b.tone }));
  return {
    org: model.config.organisation.name,
    kicker: page.id === 'home' ? 'Trust Center' : trustTitle(model),
    title: page.id === 'home' ? trustTitle(model) : page.title,
    description: page.description,
    chips,
    footer: `Status as of ${model.asOf}`,
  };
}
