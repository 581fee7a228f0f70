/**
 * Makes the example program's Velero evidence: `kubectl get backups.velero.io -n velero -o json`
 * on eks-prod-euw1 as it prints on the evening of 24 November 2026, derived from the job exports
 * of October and November 2026 (content/evidence/files/backup-jobs-2026-1{0,1}.log).
 *
 *   node --import tsx scripts/example/velero-eks-prod-euw1.ts [--month YYYY-MM] OUT.json
 *
 * Any other month (December 2025 to October 2026) is printed the same way on the evening of its
 * last day (19:40 UTC), or at --at, from that month's export and the one before it (December 2025, the first
 * export, lists only its own backups). A PartiallyFailed backup counts the export's failed volumes
 * ("1 of 14 pod volume backups failed") as failed item operations and errors.
 *
 * kubectl prints a v1 List of the Backup objects the cluster still holds, keys sorted, indented
 * by four spaces. The schedule hvl-eks-12h keeps each backup 720 hours (its ttl), so the list
 * starts with the backups of 25/26 October that have not expired yet. Names, times, phases and item
 * counts are the export's; Velero 1.14 with CSI snapshot data movement (snapshotMoveData) moves
 * the export's volumes as backup item operations. Object metadata that the export does not record
 * (uid, resourceVersion, generation) is made up the same way on every run.
 */
import { writeFileSync } from 'node:fs';
import { monthArg, ms, previousMonth, readJobLog, seconds, stableInt, stableUuid } from './job-log.ts';

const { month, at, rest } = monthArg(process.argv.slice(2));
const out = rest[0];
if (!out) {
  process.stderr.write('usage: node --import tsx scripts/example/velero-eks-prod-euw1.ts [--month YYYY-MM [--at YYYY-MM-DDTHH:MM:SSZ]] OUT.json\n');
  process.exit(2);
}
const TAKEN_AT = at;

const SCHEDULE = 'hvl-eks-12h';
const TTL_HOURS = 720;
const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

const before = previousMonth(month);
const backups = [...(before ? readJobLog(before) : []), ...readJobLog(month)]
  .filter((j) => j.tool === 'velero' && j.type === 'BACKUP' && j.end <= TAKEN_AT)
  .map((j) => ({ j, expiration: ms(j.start) + TTL_HOURS * 3_600_000 }))
  .filter((b) => b.expiration > ms(TAKEN_AT))
  // The API server lists objects by name; a schedule's backup names end in their time.
  .sort((a, b) => (a.j.id < b.j.id ? -1 : 1));

const items = backups.map(({ j, expiration }) => {
  // A partial run's note says how many of its volumes failed: "1 of 14 pod volume backups failed".
  const partial = /(\d+) of (\d+) pod volume backups failed/.exec(j.note);
  const volumes = partial ? Number(partial[2]) : Number(j.fields.volumes ?? 0);
  const failedVolumes = partial ? Number(partial[1]) : 0;
  const items = Number(j.fields.items ?? 0);
  const phase = { COMPLETED: 'Completed', FAILED: 'Failed', PARTIAL: 'PartiallyFailed' }[j.state] ?? j.state;
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      annotations: {
        'velero.io/resource-timeout': '10m0s',
        'velero.io/source-cluster-k8s-gitversion': 'v1.31.2-eks-7f9249a',
        'velero.io/source-cluster-k8s-major-version': '1',
        'velero.io/source-cluster-k8s-minor-version': '31+',
      },
      creationTimestamp: j.start,
      generation: 7 + stableInt(`${j.id} generation`, 4),
      labels: { 'velero.io/schedule-name': SCHEDULE, 'velero.io/storage-location': 'default' },
      name: j.id,
      namespace: 'velero',
      resourceVersion: String(481_000_000 + (seconds(j.end) - seconds('2026-10-01T00:00:00Z')) * 3),
      uid: stableUuid(`velero backup ${j.id}`),
    },
    spec: {
      csiSnapshotTimeout: '10m0s',
      defaultVolumesToFsBackup: false,
      hooks: {},
      includedNamespaces: ['*'],
      itemOperationTimeout: '4h0m0s',
      metadata: {},
      snapshotMoveData: true,
      storageLocation: 'default',
      ttl: `${TTL_HOURS}h0m0s`,
    },
    status: {
      backupItemOperationsAttempted: volumes,
      backupItemOperationsCompleted: volumes - failedVolumes,
      ...(failedVolumes ? { backupItemOperationsFailed: failedVolumes } : {}),
      completionTimestamp: j.end,
      csiVolumeSnapshotsAttempted: volumes,
      csiVolumeSnapshotsCompleted: volumes,
      ...(failedVolumes ? { errors: failedVolumes } : {}),
      expiration: iso(expiration),
      formatVersion: '1.1.0',
      phase,
      progress: { itemsBackedUp: items, totalItems: items },
      startTimestamp: j.start,
      version: 1,
    },
  };
});

/** Go's encoding/json of an unstructured object: map keys sorted. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}

writeFileSync(out, `${JSON.stringify(sortKeys({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }), null, 4)}\n`);
