import { ShapeError } from '../errors.ts';
import { array, instant, isObject, num, object, optStr, str, type Json } from './fields.ts';
import type { ParseContext, ToolParser } from './parser.ts';

/**
 * pgBackRest `info --output=json`: a list of stanzas, each with its backup sets and a status.
 * A backup set is a successful backup of its stanza at `timestamp.stop` (the point it restores
 * to); one flagged `error: true` (page checksum errors) is partial. The stanza's status is kept as
 * a check: code 0 is ok, any other code (missing stanza, no valid backups, different across
 * repos, other) is a failure with pgBackRest's own message.
 */

const INFO = 'pgbackrest info --output=json';

const isStanza = (v: unknown): v is Json => isObject(v) && typeof v.name === 'string' && Array.isArray(v.backup) && isObject(v.status);

export const pgbackrest: ToolParser = {
  tool: 'pgbackrest',
  parser: 'proofbook-pgbackrest/1',
  shapes: [INFO],
  streamKeys: [],
  recognises: (v) => isStanza(v),
  begin(ctx: ParseContext) {
    let stanzas = 0;
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
      end() {
        if (!stanzas) throw new ShapeError('found no stanzas', '');
        return INFO;
      },
    };
  },
};
