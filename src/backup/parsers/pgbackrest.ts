import { ShapeError } from '../errors.ts';
import { formatInstant, parseInstant } from '../instant.ts';
import { array, instant, isObject, num, object, optStr, str, type Json } from './fields.ts';
import type { ParseContext, ToolParser } from './parser.ts';

/**
 * pgBackRest `info --output=json`: a list of stanzas, each with its backup sets and a status.
 * A backup set is a successful backup of its stanza at `timestamp.stop` (the point it restores
 * to); one flagged `error: true` (page checksum errors) is partial. The stanza's status is kept as
 * a check: code 0 is ok, any other code (missing stanza, no valid backups, different across
 * repos, other) is a failure with pgBackRest's own message.
 *
 * `info` lists only the sets a backup completed: a failed backup leaves none. Its evidence is the
 * log of the run (/var/log/pgbackrest/STANZA-backup.log, or the console at log-level-console=info):
 * one job per "backup command begin … --stanza=S" to "backup command end: …", a success when the end
 * says "completed successfully", else a failure with the ERROR line as its message. The log prints
 * local time without a zone, so --zone is required.
 */

const INFO = 'pgbackrest info --output=json';
const LOG = 'pgbackrest backup log';
const LOG_LINE = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.\d+)? P\d+\s+([A-Z]+): (.*)$/;

const isStanza = (v: unknown): v is Json => isObject(v) && typeof v.name === 'string' && Array.isArray(v.backup) && isObject(v.status);

export const pgbackrest: ToolParser = {
  tool: 'pgbackrest',
  parser: 'proofbook-pgbackrest/1',
  shapes: [INFO, LOG],
  streamKeys: [],
  recognises: (v) => isStanza(v),
  begin(ctx: ParseContext) {
    let stanzas = 0;
    let logJobs = 0;
    return {
      element(_key, index, value) {
        const path = `[${index}]`;
        if (!isStanza(value)) throw new ShapeError('expected a stanza (name, backup, status)', path);
        stanzas++;
        const stanza = str(value, 'name', path);
        array(value.backup, `${path}.backup`).forEach((b, i) => {
          const bp = `${path}.backup[${i}]`;
          const set = object(b, bp);
          const ts = object(set.timestamp, `${bp}.timestamp`);
          ctx.job({
            source: stanza,
            id: str(set, 'label', bp),
            started: instant(ts, 'start', `${bp}.timestamp`),
            finished: instant(ts, 'stop', `${bp}.timestamp`),
            outcome: set.error === true ? 'partial' : 'success',
            message: `${optStr(set, 'type', bp) ?? 'backup'}${set.error === true ? ', with errors' : ''}`,
          });
        });
        const status = object(value.status, `${path}.status`);
        const code = num(status, 'code', `${path}.status`);
        const repoMessages = Array.isArray(value.repo) ? value.repo.flatMap((r) => (isObject(r) && isObject(r.status) && r.status.code !== 0 && typeof r.status.message === 'string' ? [r.status.message.split('\n')[0]!] : [])) : [];
        ctx.check({
          source: stanza,
          outcome: code === 0 ? 'success' : 'failure',
          errors: code === 0 ? 0 : 1,
          message: [`status ${code}: ${optStr(status, 'message', `${path}.status`) ?? ''}`, ...repoMessages].join('; '),
        });
      },
      document(value) {
        if (!Array.isArray(value)) throw new ShapeError('expected the list of stanzas that `pgbackrest info --output=json` prints', '');
        if (!stanzas) throw new ShapeError('the list of stanzas is empty: there is nothing to compute figures from', '', 'run `pgbackrest info --output=json` on a host where a stanza exists');
      },
      text(text) {
        let run: { started: string; stanza: string; type?: string; error?: string } | undefined;
        text.split('\n').forEach((raw, i) => {
          const m = LOG_LINE.exec(raw.trimEnd());
          if (!m) return;
          const [, time, level, message] = m as unknown as [string, string, string, string];
          const at = () => {
            const ms = parseInstant(time, ctx.zone);
            if (ms === 'no-zone') throw new ShapeError(`the time "${time}" has no time zone, so it cannot be placed on the timeline`, `line ${i + 1}`, 'say which zone pgBackRest logged in with --zone (e.g. --zone Z when the host runs in UTC)');
            if (ms === 'not-a-time') throw new ShapeError(`"${time}" is not a time`, `line ${i + 1}`);
            return formatInstant(ms);
          };
          const begin = /^backup command begin \S+: (.*)$/.exec(message);
          if (begin) {
            const stanza = /--stanza=(\S+)/.exec(begin[1]!)?.[1];
            if (!stanza) throw new ShapeError('the backup command names no --stanza', `line ${i + 1}`);
            run = { started: at(), stanza, ...(/--type=(\S+)/.exec(begin[1]!) ? { type: /--type=(\S+)/.exec(begin[1]!)![1]! } : {}) };
            return;
          }
          if (!run) return;
          if (level === 'ERROR' && run.error === undefined) run.error = message;
          const end = /^backup command end: (.*)$/.exec(message);
          if (end) {
            const ok = /^completed successfully/.test(end[1]!);
            ctx.job({ source: run.stanza, started: run.started, finished: at(), outcome: ok ? 'success' : 'failure', message: ok ? `${run.type ?? 'backup'}` : `${run.type ? `${run.type}: ` : ''}${run.error ?? end[1]!}` });
            logJobs++;
            run = undefined;
          }
        });
        if (!logJobs) throw new ShapeError('expected `pgbackrest info --output=json` or the log of `pgbackrest backup` ("backup command begin" … "backup command end")', '');
      },
      end() {
        if (logJobs) return LOG;
        if (!stanzas) throw new ShapeError('found no stanzas', '');
        return INFO;
      },
    };
  },
};
