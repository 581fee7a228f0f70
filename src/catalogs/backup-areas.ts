/**
 * The eight backup areas and the reference mapping Proofbook implements (from the source
 * article). `implied: true` marks a mapping the article gives as "not stated explicitly":
 * the control implies it rather than naming it. The source prints the last processing
 * integrity criterion as "P1.5", which is no criterion; PI1.5 is meant and used here.
 */
export const BACKUP_AREA_IDS = [
  'policy-planning',
  'backup-security',
  'access-control',
  'running-backups',
  'isolation',
  'restore-testing',
  'data-integrity',
  'retention-deletion',
] as const;
export type BackupAreaId = (typeof BACKUP_AREA_IDS)[number];

export interface AreaMappingRef {
  id: string;
  implied: boolean;
}

export interface BackupArea {
  id: BackupAreaId;
  title: string;
  /** What an auditor expects to see in this area, in one sentence. */
  summary: string;
  /** Reference mapping per framework id. */
  reference: Record<'soc2' | 'iso27001', AreaMappingRef[]>;
}

const ref = (ids: string): AreaMappingRef[] =>
  ids.split(/\s*,\s*/).map((id) => (id.endsWith('*') ? { id: id.slice(0, -1), implied: true } : { id, implied: false }));

// `*` marks "not stated explicitly".
export const BACKUP_AREAS: readonly BackupArea[] = [
  {
    id: 'policy-planning',
    title: 'Policy and planning',
    summary: 'Approved backup and continuity policies define scope, objectives and responsibilities.',
    reference: { soc2: ref('A1.1, A1.2, CC7.1'), iso27001: ref('A.5.1, A.5.30') },
  },
  {
    id: 'backup-security',
    title: 'Security of backups',
    summary: 'Backups are encrypted in transit and at rest, with keys managed apart from the data.',
    reference: { soc2: ref('CC6.6, CC6.7, C1.1'), iso27001: ref('A.8.24') },
  },
  {
    id: 'access-control',
    title: 'Access control',
    summary: 'Only named, reviewed roles can read, restore or delete backups, with strong authentication.',
    reference: { soc2: ref('CC6.1, CC6.2, CC6.3'), iso27001: ref('A.8.3, A.8.5') },
  },
  {
    id: 'running-backups',
    title: 'Running backups',
    summary: 'Backups run on schedule for every in-scope system, and failures are detected and handled.',
    reference: { soc2: ref('A1.2, CC7.1'), iso27001: ref('A.8.13') },
  },
  {
    id: 'isolation',
    title: 'Isolation (against ransomware)',
    summary: 'At least one copy is isolated or immutable so an attacker with production access cannot destroy it.',
    reference: { soc2: ref('CC6.4, CC6.6, A1.2'), iso27001: ref('A.8.13, A.5.30*') },
  },
  {
    id: 'restore-testing',
    title: 'Testing restore',
    summary: 'Restores are tested on a schedule and the measured recovery time is compared with the target.',
    reference: { soc2: ref('A1.3'), iso27001: ref('A.8.13, A.5.30') },
  },
  {
    id: 'data-integrity',
    title: 'Data integrity',
    summary: 'Backup contents are verified (checksums, repository checks) so a restore returns complete, correct data.',
    reference: { soc2: ref('PI1.4, PI1.5'), iso27001: ref('A.8.13*') },
  },
  {
    id: 'retention-deletion',
    title: 'Retention and deletion',
    summary: 'Backups are kept as long as required and no longer, and expired copies are deleted verifiably.',
    reference: { soc2: ref('C1.2, P4.2'), iso27001: ref('A.8.10') },
  },
];
