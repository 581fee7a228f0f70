import { ShapeError } from '../errors.ts';
import { epochSecondsInstant } from '../instant.ts';
import { instant, isObject, num, object, optInstant, optStr, str, type Json } from './fields.ts';
import type { ParseContext, ToolParser } from './parser.ts';

/**
 * Borg (1.x and 2.x):
 * - `borg list --json` / `borg info --json --last N` (borg 2: `repo-list`, `info`): { archives, repository }.
 *   Each archive is a successful backup of the repository at its `start` (`create --timestamp` sets it).
 *   The archives come before "repository" in the output, so jobs are filed under a placeholder
 *   source and renamed to the repository's location when the document ends.
 * - `borg create --json`: { archive, repository }, one job.
 * - `borg check --log-json`: JSON log lines on stderr; ERROR or CRITICAL lines are errors.
 * Borg 1.x prints local times without a zone: the user states it (--zone), it is never guessed.
 */

const LIST = 'borg list --json';
const INFO = 'borg info --json';
const CREATE = 'borg create --json';
const CHECK = 'borg check --log-json';

/** Placeholder source until the repository's location is read. */
const PENDING = '\u0000borg-repository';

const isArchive = (v: unknown): v is Json => isObject(v) && typeof v.name === 'string' && typeof v.id === 'string' && ('start' in v || 'time' in v);
const isLog = (v: unknown): v is Json => isObject(v) && typeof v.type === 'string' && ['log_message', 'archive_progress', 'progress_message', 'progress_percent', 'file_status', 'question_prompt'].includes(v.type);

export const borg: ToolParser = {
  tool: 'borg',
  parser: 'proofbook-borg/1',
  shapes: [LIST, INFO, CREATE, CHECK],
  streamKeys: ['archives'],
  recognises: (v, key) => (key === 'archives' && isArchive(v)) || isLog(v) || (isObject(v) && isObject(v.repository) && typeof v.repository.location === 'string' && ('archives' in v || 'archive' in v || 'cache' in v)),
  begin(ctx: ParseContext) {
    let shape: string | undefined;
    let detailed = false;
    let log: { errors: number; lines: number; last?: string; finished: boolean; message?: string } | undefined;
    const source = (doc: Json) => str(object(doc.repository, 'repository'), 'location', 'repository');
    const archive = (a: Json, path: string, repository: string) => {
      const start = instant(a, 'start' in a ? 'start' : 'time', path, ctx.zone);
      const end = optInstant(a, 'end', path, ctx.zone);
      if (end) detailed = true;
      ctx.job({ source: repository, id: str(a, 'name', path), started: start, finished: start, outcome: 'success', ...(optStr(a, 'comment', path) ? { message: optStr(a, 'comment', path) } : {}) });
    };
    return {
      element(key, index, value) {
        const path = `${key}[${index}]`;
        if (!isObject(value)) throw new ShapeError(`expected an archive (name, id, start), found ${JSON.stringify(value)?.slice(0, 80)}`, path);
        archive(value, path, PENDING);
      },
      document(value, streamed) {
        if (isLog(value)) {
          shape ??= CHECK;
          log ??= { errors: 0, lines: 0, finished: false };
          log.lines++;
          if (value.type !== 'log_message') return;
          const level = optStr(value, 'levelname', '');
          const message = optStr(value, 'message', '') ?? '';
          if (level === 'ERROR' || level === 'CRITICAL') {
            log.errors++;
            log.message ??= message;
          }
          if (/^(Finished|Archive consistency check complete)/i.test(message)) log.finished = true;
          if (typeof value.time === 'number') log.last = epochSecondsInstant(num(value, 'time', ''));
          return;
        }
        const doc = object(value, '');
        if (isObject(doc.archive)) {
          shape ??= CREATE;
          archive(doc.archive, 'archive', source(doc));
          return;
        }
        if (!isObject(doc.repository)) throw new ShapeError('expected borg JSON with a "repository" (list, info, create) or a log line with "type"', 'repository');
        if (!streamed.archives) {
          throw new ShapeError('the output lists no archives (it is the repository summary, or the repository is empty): there is nothing to compute figures from', 'archives', 'export the archives with `borg list --json REPO` or `borg info --json --last 1000 REPO`');
        }
        ctx.rename(PENDING, source(doc));
        shape ??= detailed || isObject(doc.cache) ? INFO : LIST;
      },
      end() {
        if (shape === CHECK && log) {
          if (!log.finished && !log.errors) throw new ShapeError('the log has no check result ("Finished … check" or an error): it is not the log of a finished `borg check`', '', 'run `borg check --log-json --info REPO 2> check.jsonl` and import check.jsonl');
          const outcome = log.errors ? 'failure' : 'success';
          ctx.check({ source: ctx.defaultSource, ...(log.last ? { at: log.last } : {}), outcome, errors: log.errors, ...(log.message ? { message: log.message } : {}) });
        }
        if (!shape) throw new ShapeError('found no archives, created archive or check log', '');
        return shape;
      },
    };
  },
};
