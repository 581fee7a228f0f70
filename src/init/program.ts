import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BACKUP_AREAS, type BackupArea, type BackupAreaId } from '../catalogs/backup-areas.ts';

/**
 * The files of a new program (`proofbook init`): the templates in ./template/, filled in, plus
 * one measure per backup area generated from the reference mapping of src/catalogs/backup-areas.ts
 * (so the starting mapping is the article's, never a second copy of it).
 */
export const TEMPLATE_DIR = fileURLToPath(new URL('./template/', import.meta.url));

/** Which of the five policies each area's measure implements. */
export const AREA_POLICY: Record<BackupAreaId, string> = {
  'policy-planning': 'pol-ict-continuity',
  'backup-security': 'pol-backup-cryptography',
  'access-control': 'pol-backup-access',
  'running-backups': 'pol-backup',
  isolation: 'pol-backup',
  'restore-testing': 'pol-ict-continuity',
  'data-integrity': 'pol-backup',
  'retention-deletion': 'pol-retention-disposal',
};

/** Evidence records of the template, by the measure they support (linked from the measure too). */
const EXAMPLE_EVIDENCE: Partial<Record<BackupAreaId, string>> = { 'running-backups': 'ev-example-backup-jobs', 'restore-testing': 'ev-example-restore-test' };

const FREQUENCY: Record<BackupAreaId, string> = {
  'policy-planning': 'yearly',
  'backup-security': 'continuous',
  'access-control': 'quarterly',
  'running-backups': 'daily',
  isolation: 'continuous',
  'restore-testing': 'quarterly',
  'data-integrity': 'quarterly',
  'retention-deletion': 'monthly',
};

const yamlRefs = (refs: BackupArea['reference']['soc2']) => `[${refs.map((r) => (r.implied ? `{ id: ${r.id}, implied: true }` : r.id)).join(', ')}]`;

/** The YAML `controls:` block of a set of areas: the union of their reference mappings (explicit wins over implied). */
function controlsYaml(areas: readonly BackupArea[]): string {
  const lines = ['controls:'];
  for (const fw of ['soc2', 'iso27001'] as const) {
    const ids = new Map<string, boolean>();
    for (const a of areas) for (const r of a.reference[fw]) ids.set(r.id, (ids.get(r.id) ?? true) && r.implied);
    // Policies state what they address; an implied mapping stays implied.
    if (ids.size) lines.push(`  ${fw}: ${yamlRefs([...ids].map(([id, implied]) => ({ id, implied })))}`);
  }
  return lines.join('\n');
}

function measureFile(area: BackupArea): string {
  const evidence = EXAMPLE_EVIDENCE[area.id];
  return [
    '---',
    `id: msr-${area.id}`,
    `area: ${area.id}`,
    `title: ${JSON.stringify(`${area.title}: describe what is done`)}`,
    'owner: Head of Infrastructure',
    `frequency: ${FREQUENCY[area.id]}`,
    'automation: automated',
    '# The reference mapping of this backup area (Proofbook README, "How it works").',
    'controls:',
    `  soc2: ${yamlRefs(area.reference.soc2)}`,
    `  iso27001: ${yamlRefs(area.reference.iso27001)}`,
    `policies: [${AREA_POLICY[area.id]}]`,
    ...(evidence ? [`evidence: [${evidence}]`] : []),
    'visibility: public',
    `summary: ${JSON.stringify(area.summary)}`,
    'fields:',
    '  body: internal',
    '---',
    '',
    `What is done for "${area.title}", by whom, with which tools, and how it is proven.`,
    `An auditor expects: ${area.summary}`,
    '',
  ].join('\n');
}

function walk(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel))
    .sort()
    .flatMap((name) => {
      const r = rel ? `${rel}/${name}` : name;
      return statSync(path.join(dir, r)).isDirectory() ? walk(dir, r) : [r];
    });
}

export interface InitOptions {
  organisation: string;
  /** Day written as effective and collected dates (YYYY-MM-DD). */
  today: string;
}

/** Every file of the new program: path relative to DIR → content. */
export function programFiles(options: InitOptions): Map<string, string | Buffer> {
  const policyControls = (id: string) => controlsYaml(BACKUP_AREAS.filter((a) => AREA_POLICY[a.id] === id));
  const files = new Map<string, string | Buffer>();
  for (const rel of walk(TEMPLATE_DIR)) {
    const raw = readFileSync(path.join(TEMPLATE_DIR, rel));
    if (!/\.(?:ya?ml|mdx?)$/.test(rel)) {
      files.set(rel, raw);
      continue;
    }
    const policyId = /^id: (\S+)$/m.exec(raw.toString('utf8'))?.[1];
    const values: Record<string, string> = {
      organisation: JSON.stringify(options.organisation),
      today: options.today,
      year: options.today.slice(0, 4),
      contentDir: '.',
      controls: rel.startsWith('policies/') && policyId ? policyControls(policyId) : '',
    };
    // Only these names: GitHub's own ${{ … }} expressions in the workflows stay as they are.
    files.set(rel, raw.toString('utf8').replace(/\{\{(organisation|today|year|contentDir|controls)\}\}/g, (_, k: string) => values[k]!));
  }
  for (const area of BACKUP_AREAS) files.set(`measures/${area.id}.mdx`, measureFile(area));
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}
