import { describe, expect, it } from 'vitest';
import { sourceFacts } from '../../src/backup/facts.ts';
import { readToolOutput } from '../../src/backup/read.ts';

/** `pgbackrest info` lists only the sets a backup completed; a failed backup is evidenced by its log. */
const LOG = [
  '-------------------PROCESS START-------------------',
  '2026-03-18 07:00:06.940 P00   INFO: backup command begin 2.54.2: --exec-id=41745-5161f0cb --log-level-console=info --repo1-cipher-pass=<redacted> --stanza=ap-main --start-fast --type=incr',
  '2026-03-18 07:00:07.120 P00   INFO: execute non-exclusive backup start: backup begins after the requested immediate checkpoint completes',
  '2026-03-18 07:01:09.046 P00  ERROR: [039]: HTTP request failed with 503 (Slow Down) on repo1',
  '2026-03-18 07:01:09.086 P00   INFO: backup command end: aborted with exception [039]',
  '',
  '-------------------PROCESS START-------------------',
  '2026-03-18 08:22:09.301 P00   INFO: backup command begin 2.54.2: --exec-id=41802-0a1b2c3d --stanza=ap-main --type=incr',
  '2026-03-18 08:25:19.512 P00   INFO: backup command end: completed successfully (190211ms)',
  '',
].join('\n');

describe('pgBackRest backup log', () => {
  it('one job per begin/end pair: aborted with an exception is a failure with the ERROR line, completed successfully a success', () => {
    const r = readToolOutput('pgbackrest', Buffer.from(LOG), 'ap-main-backup.log', { zone: 'Z' });
    expect(r.shape).toBe('pgbackrest backup log');
    expect(r.jobs).toEqual([
      { source: 'ap-main', started: '2026-03-18T07:00:06Z', finished: '2026-03-18T07:01:09Z', outcome: 'failure', message: 'incr: [039]: HTTP request failed with 503 (Slow Down) on repo1' },
      { source: 'ap-main', started: '2026-03-18T08:22:09Z', finished: '2026-03-18T08:25:19Z', outcome: 'success', message: 'incr' },
    ]);
    expect(sourceFacts(r.jobs)).toEqual([{ source: 'ap-main', jobs: 2, succeeded: 1, failed: 1, firstSuccess: '2026-03-18T08:25:19Z', lastSuccess: '2026-03-18T08:25:19Z', longestGap: null }]);
  });

  it('local times: the zone is stated with --zone, never guessed', () => {
    expect(() => readToolOutput('pgbackrest', Buffer.from(LOG), 'ap-main-backup.log')).toThrow(/has no time zone/);
    const r = readToolOutput('pgbackrest', Buffer.from(LOG), 'ap-main-backup.log', { zone: '+01:00' });
    expect(r.jobs[0]!.finished).toBe('2026-03-18T06:01:09Z');
  });

  it('text that is not a backup log is refused', () => {
    expect(() => readToolOutput('pgbackrest', Buffer.from('stanza: ap-main\n    status: ok\n'), 'info.txt', { zone: 'Z' })).toThrow(/backup command begin/);
  });
});
