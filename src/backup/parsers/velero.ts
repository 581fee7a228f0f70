import { ShapeError } from '../errors.ts';
import type { Outcome } from '../types.ts';
import { isObject, object, optInstant, optNum, optStr, type Json } from './fields.ts';
import type { ParseContext, ToolParser } from './parser.ts';

/**
 * Velero Backup and Restore objects as JSON (`velero backup get -o json`, `kubectl get backups -o json`):
 * one object, a List of them, or only an object's `.status`. Completed is a success,
 * PartiallyFailed partial, Failed / FailedValidation a failure; a run still in progress has no
 * outcome yet and is not counted. A backup's source is its schedule (label velero.io/schedule-name),
 * else its name; a restore's is the backup or schedule it restored from.
 */

const BACKUP = 'velero Backup';
const RESTORE = 'velero Restore';
const LIST = 'velero List';

const PHASES: Record<string, Outcome | null> = {
  Completed: 'success',
  PartiallyFailed: 'partial',
  Failed: 'failure',
  FailedValidation: 'failure',
  New: null,
  InProgress: null,
  WaitingForPluginOperations: null,
  WaitingForPluginOperationsPartiallyFailed: null,
  Finalizing: null,
  FinalizingPartiallyFailed: null,
  Deleting: null,
};

const isVelero = (v: unknown): boolean => isObject(v) && typeof v.apiVersion === 'string' && v.apiVersion.startsWith('velero.io/');
const isStatus = (v: unknown): v is Json => isObject(v) && typeof v.phase === 'string' && (isObject(v.progress) || 'startTimestamp' in v || 'expiration' in v);

export const velero: ToolParser = {
  tool: 'velero',
  parser: 'proofbook-velero/1',
  shapes: [BACKUP, RESTORE, LIST, `${BACKUP} .status`, `${RESTORE} .status`],
  streamKeys: ['items'],
  recognises: (v, key) => isVelero(v) || (key === null && isStatus(v)) || (isObject(v) && (v.kind === 'BackupList' || v.kind === 'RestoreList')),
  begin(ctx: ParseContext) {
    let shape: string | undefined;
    let count = 0;
    const object1 = (o: Json, path: string, statusOnly = false) => {
      const kind = statusOnly ? (isObject(o.progress) && 'itemsRestored' in o.progress ? 'Restore' : 'Backup') : o.kind;
      if (kind !== 'Backup' && kind !== 'Restore') throw new ShapeError(`expected kind Backup or Restore, found ${JSON.stringify(kind)}`, statusOnly ? path : `${path}.kind`);
      const meta = statusOnly ? {} : object(o.metadata, `${path}.metadata`);
      const status = statusOnly ? o : object(o.status, `${path}.status`);
      const sp = statusOnly ? path : `${path}.status`;
      const phase = optStr(status, 'phase', sp);
      if (!phase || !(phase in PHASES)) throw new ShapeError(`expected a phase (${Object.keys(PHASES).join(', ')}), found ${JSON.stringify(status.phase)}`, `${sp}.phase`.replace(/^\./, ''));
      count++;
      const outcome = PHASES[phase];
      if (!outcome) return;
      const started = optInstant(status, 'startTimestamp', sp) ?? optInstant(meta, 'creationTimestamp', `${path}.metadata`);
      const finished = optInstant(status, 'completionTimestamp', sp) ?? started;
      if (!started || !finished) throw new ShapeError('expected status.startTimestamp or metadata.creationTimestamp', `${sp}.startTimestamp`.replace(/^\./, ''));
      const errors = optNum(status, 'errors', sp) ?? 0;
      const warnings = optNum(status, 'warnings', sp) ?? 0;
      const message = `${phase}${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
      const name = optStr(meta, 'name', `${path}.metadata`);
      const labels = isObject(meta.labels) ? meta.labels : {};
      const spec = isObject(o.spec) ? o.spec : {};
      if (kind === 'Backup') {
        const schedule = typeof labels['velero.io/schedule-name'] === 'string' ? labels['velero.io/schedule-name'] : undefined;
        ctx.job({ source: schedule ?? name ?? ctx.defaultSource, ...(name ? { id: name } : {}), started, finished, outcome, message });
      } else {
        const from = optStr(spec, 'scheduleName', `${path}.spec`) ?? optStr(spec, 'backupName', `${path}.spec`);
        const progress = isObject(status.progress) ? status.progress : {};
        const verified = typeof progress.itemsRestored === 'number' ? `${progress.itemsRestored} of ${String(progress.totalItems ?? '?')} items restored` : undefined;
        ctx.restore({ source: from ?? name ?? ctx.defaultSource, ...(name ? { id: name } : {}), started, finished, outcome, ...(verified ? { verified } : {}), message });
      }
    };
    return {
      element(key, index, value) {
        const path = key === null ? `[${index}]` : `${key}[${index}]`;
        shape = LIST;
        object1(object(value, path), path);
      },
      document(value, streamed) {
        if (Array.isArray(value)) {
          if (!streamed['']) throw new ShapeError('the list is empty: there is nothing to compute figures from', '', 'export a period in which Velero ran backups');
          return;
        }
        const o = object(value, '');
        if ('items' in o) {
          if (!streamed.items) throw new ShapeError('the List has no items: there is nothing to compute figures from', 'items', 'export a period in which Velero ran backups');
          return;
        }
        if (!isVelero(o) && isStatus(o)) {
          const progress = isObject(o.progress) ? o.progress : {};
          shape ??= 'itemsRestored' in progress ? `${RESTORE} .status` : `${BACKUP} .status`;
          return object1(o, '', true);
        }
        if (!isVelero(o)) throw new ShapeError('expected a Velero object (apiVersion velero.io/v1, kind Backup or Restore) or a List of them', 'apiVersion');
        shape ??= o.kind === 'Restore' ? RESTORE : BACKUP;
        object1(o, '');
      },
      end() {
        if (!shape || !count) throw new ShapeError('found no Velero Backup or Restore', '');
        return shape;
      },
    };
  },
};
