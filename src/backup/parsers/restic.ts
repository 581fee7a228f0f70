import { ShapeError } from '../errors.ts';
import type { Outcome } from '../types.ts';
import { array, join, instant, isObject, num, object, optInstant, optStr, str, type Json } from './fields.ts';
import type { ParseContext, ToolParser } from './parser.ts';

/**
 * restic (0.9 to 0.18):
 * - `restic snapshots --json`: a flat list of snapshots, or with `--group-by` a list of
 *   { group_key, snapshots }. Each snapshot is a successful backup of its host at `time` (the
 *   point the data represents; `backup --time` sets it). Times carry nanoseconds and an offset.
 * - `restic backup --json`: status lines, error lines, then one summary line (success) or an
 *   exit_error line (failure, 0.17+). The summary only has backup_start/backup_end since 0.17.
 * - `restic check`: the text report, or with `--json` (0.18+) one summary line with num_errors.
 */

const SNAPSHOTS = 'restic snapshots --json';
const GROUPED = 'restic snapshots --json --group-by';
const BACKUP = 'restic backup --json';
const CHECK_JSON = 'restic check --json';
const CHECK_TEXT = 'restic check';

const isSnapshot = (v: unknown): v is Json => isObject(v) && typeof v.time === 'string' && ('tree' in v || 'hostname' in v) && 'paths' in v;
const isGroup = (v: unknown): v is Json => isObject(v) && 'group_key' in v && Array.isArray(v.snapshots);
const isMessage = (v: unknown): v is Json => isObject(v) && typeof v.message_type === 'string';

export const restic: ToolParser = {
  tool: 'restic',
  parser: 'proofbook-restic/1',
  shapes: [SNAPSHOTS, GROUPED, BACKUP, CHECK_JSON, CHECK_TEXT],
  streamKeys: [],
  recognises: (v) => isSnapshot(v) || isGroup(v) || (isMessage(v) && ['status', 'summary', 'error', 'exit_error', 'verbose_status'].includes(v.message_type as string)),
  begin(ctx: ParseContext) {
    let shape: string | undefined;
    const set = (s: string, path: string) => {
      if (shape && shape !== s && !(shape === BACKUP && s === CHECK_JSON)) throw new ShapeError(`expected more of "${shape}" output, found "${s}" output mixed in`, path);
      shape ??= s;
    };
    const snapshot = (s: Json, path: string) => {
      const time = instant(s, 'time', path);
      const summary = isObject(s.summary) ? s.summary : undefined;
      ctx.job({
        source: str(s, 'hostname', path),
        id: optStr(s, 'id', path) ?? optStr(s, 'short_id', path),
        ...(summary && optInstant(summary, 'backup_start', join(path, "summary")) ? { started: optInstant(summary, 'backup_start', join(path, "summary")) } : {}),
        finished: time,
        outcome: 'success',
      });
    };
    // A backup stream: the run's outcome is only known at its last line.
    let run: { outcome: Outcome; id?: string; started?: string; finished?: string; message?: string; errors: number } | undefined;
    const message = (m: Json, path: string) => {
      const type = m.message_type as string;
      if (type === 'summary' && ('num_errors' in m || 'broken_packs' in m)) {
        set(CHECK_JSON, path);
        const errors = num(m, 'num_errors', path);
        ctx.check({ source: ctx.defaultSource, ...(ctx.at ? { at: ctx.at } : {}), outcome: errors === 0 ? 'success' : 'failure', errors });
        return;
      }
      set(BACKUP, path);
      run ??= { outcome: 'failure', errors: 0, message: 'the output has no summary line: the backup did not finish' };
      if (type === 'error') run.errors++;
      if (type === 'summary') {
        const started = optInstant(m, 'backup_start', path);
        const finished = optInstant(m, 'backup_end', path) ?? ctx.at;
        if (!finished) {
          throw new ShapeError('this summary has no backup_end (restic before 0.17 prints no times), so the run cannot be placed on the timeline', join(path, "backup_end"), 'give the time of the run with --at 2026-03-01T02:00:00Z, or import `restic snapshots --json`, which has the time of every snapshot');
        }
        run = { ...run, outcome: run.errors ? 'partial' : 'success', id: optStr(m, 'snapshot_id', path), started, finished, message: run.errors ? `${run.errors} error(s) while reading files` : undefined };
      }
      if (type === 'exit_error') run = { ...run, outcome: 'failure', message: optStr(m, 'message', path) ?? 'restic exited with an error' };
    };
    return {
      element(_key, index, value) {
        const path = `[${index}]`;
        if (isGroup(value)) {
          set(GROUPED, path);
          array(value.snapshots, `${path}.snapshots`).forEach((s, i) => snapshot(object(s, `${path}.snapshots[${i}]`), `${path}.snapshots[${i}]`));
        } else if (isObject(value) && 'time' in value) {
          set(SNAPSHOTS, path);
          snapshot(value, path);
        } else throw new ShapeError(`expected a snapshot (time, hostname, paths) or a host group (group_key, snapshots), found ${JSON.stringify(value)?.slice(0, 80)}`, path);
      },
      document(value, streamed) {
        if (Array.isArray(value)) {
          if (!streamed['']) throw new ShapeError('the list of snapshots is empty: there is nothing to compute figures from', '', 'export a period in which the repository has snapshots');
          return;
        }
        if (isMessage(value)) return message(value, '');
        if (isSnapshot(value)) {
          set(SNAPSHOTS, '');
          return snapshot(value, '');
        }
        throw new ShapeError('expected a restic JSON message (message_type) or snapshot', '');
      },
      text(text) {
        // `restic backup` that failed before writing any JSON (before 0.17 the failure goes to stderr only).
        const fatal = /^Fatal: (.*)$/m.exec(text);
        if (fatal && !/\bcheck snapshots\b|load indexes|no errors were found|repository contains errors/i.test(text)) {
          set(BACKUP, '');
          run = { outcome: 'failure', errors: 0, message: fatal[1]!.trim() };
          if (!ctx.at) throw new ShapeError('restic printed a failure ("Fatal: …") but no time: the failed run cannot be placed on the timeline', '', 'give the time of the run with --at 2026-03-01T02:00:00Z');
          return;
        }
        set(CHECK_TEXT, '');
        if (!/no errors were found|contains errors|check (all )?packs|check snapshots/i.test(text)) {
          throw new ShapeError('expected the report of `restic check` ("no errors were found" or the errors), a failed `restic backup` ("Fatal: …"), or JSON output', '');
        }
        const ok = /no errors were found/i.test(text) && !/Fatal:|contains errors/i.test(text);
        const errors = ok ? 0 : Math.max(1, text.split('\n').filter((l) => /^\s*(error|Fatal)\b|: error/i.test(l)).length);
        ctx.check({ source: ctx.defaultSource, ...(ctx.at ? { at: ctx.at } : {}), outcome: ok ? 'success' : 'failure', errors, ...(ok ? { message: 'no errors were found' } : { message: text.split('\n').find((l) => /Fatal|error/i.test(l))?.trim() ?? 'errors were found' }) });
      },
      end() {
        if (shape === BACKUP && run) ctx.job({ source: ctx.defaultSource, ...(run.id ? { id: run.id } : {}), ...(run.started ? { started: run.started } : {}), finished: run.finished ?? ctx.at ?? fail(), outcome: run.outcome, ...(run.message ? { message: run.message } : {}) });
        if (!shape) throw new ShapeError('found no snapshots, backup summary or check result', '');
        return shape;
      },
    };
  },
};

function fail(): never {
  throw new ShapeError('the backup stream has no summary line and no time: the run cannot be placed on the timeline', '', 'give the time of the run with --at 2026-03-01T02:00:00Z');
}
