import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent } from '../helpers/content.ts';
import { FIXTURES } from '../helpers/paths.ts';
import { listing } from './listing.ts';

/** `proofbook import` end to end through the real CLI, into a temp copy of the minimal program. */
const MINIMAL = path.join(FIXTURES, 'minimal');
const DIR = path.join(FIXTURES, 'backup-tools');
const SNAPSHOTS = path.join(DIR, 'restic-snapshots.json');

describe('proofbook import', () => {
  it('--dry-run --format json prints exactly the figures and writes nothing', async () => {
    const content = copyContent(MINIMAL, 'import-dry');
    const before = listing(content);
    const r = await runCliAsync(['import', 'restic', SNAPSHOTS, '--measure', 'msr-nightly', '--dry-run', '--format', 'json', '--content', content]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      tool: 'restic',
      shape: 'restic snapshots --json',
      sources: [
        { source: 'db-01', jobs: 9, succeeded: 9, failed: 0, firstSuccess: '2026-03-01T02:00:00Z', lastSuccess: '2026-03-10T02:09:00Z', longestGap: { from: '2026-03-04T02:03:00Z', to: '2026-03-06T02:05:00Z', hours: 48.03 } },
      ],
      restores: [],
    });
    expect(listing(content)).toEqual(before);
  });

  it('stores the bytes verbatim, writes a record that check accepts, and writes nothing the second time', async () => {
    const content = copyContent(MINIMAL, 'import');
    const r = await runCliAsync(['import', 'restic', SNAPSHOTS, '--measure', 'msr-nightly', '--content', content]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sha = createHash('sha256').update(readFileSync(SNAPSHOTS)).digest('hex');
    const artifact = `evidence/files/imports/restic/2026-03-10-${sha.slice(0, 12)}.json`;
    const record = `evidence/ev-import-restic-2026-03-10-${sha.slice(0, 8)}.md`;
    expect(r.stdout).toContain(`Wrote ${content}/${record} and ${content}/${artifact}`);
    expect(readFileSync(path.join(content, artifact)).equals(readFileSync(SNAPSHOTS))).toBe(true);
    const text = readFileSync(path.join(content, record), 'utf8');
    expect(text).toContain(`sha256: ${sha}`);
    expect(text).toMatch(/tool: restic\n/);
    expect(text).toMatch(/kind: log\n/);
    expect(text).toMatch(/collected: 2026-03-10\n/);
    expect(text).toMatch(/period:\n  start: 2026-03-01\n  end: 2026-03-10\n/);
    expect(text).toContain('collectedBy: proofbook import');
    expect(text).toMatch(/measures:\n    - msr-nightly\n/);
    expect(text).not.toMatch(/backupJobs|restoreTest/);
    expect(text).toContain('| `db-01` | 9 | 9 | 0 | 2026-03-01T02:00:00Z | 2026-03-10T02:09:00Z | 48.03 h, 2026-03-04T02:03:00Z to 2026-03-06T02:05:00Z |');

    const [check, again] = await Promise.all([
      runCliAsync(['check', '--content', content, '--as-of', '2026-03-15']),
      runCliAsync(['import', 'restic', '-', '--measure', 'msr-nightly', '--content', content], { input: readFileSync(SNAPSHOTS, 'utf8') }),
    ]);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('2 evidence records: no problems');
    const before = listing(content);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Already imported: .*pinned by ev-import-restic-2026-03-10-.*Nothing written\./);
    expect(listing(content)).toEqual(before);
  });

  it('reads standard input, names sources itself, and escapes tool text in the body', async () => {
    const content = copyContent(MINIMAL, 'import-stdin');
    const list = readFileSync(path.join(DIR, 'borg-list.json'), 'utf8').replace('/srv/borg-repo', '/srv/<b>repo</b>|`x`');
    const r = await runCliAsync(['import', 'borg', '-', '--measure', 'msr-nightly', '--zone', 'Z', '--content', content], { input: list });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const record = readdirSync(path.join(content, 'evidence')).find((f) => f.startsWith('ev-import-borg-2026-03-10-'))!;
    const text = readFileSync(path.join(content, 'evidence', record), 'utf8');
    expect(text).toContain('| `` /srv/<b>repo</b>\\|`x` `` | 9 | 9 | 0 |');
    // The zone it was read with is recorded beside the tool, so the build can read the bytes again.
    expect(text).toMatch(/    tool: borg\n    importedWith:\n      zone: Z\n/);
    const check = await runCliAsync(['check', '--content', content, '--as-of', '2026-03-15']);
    expect(check.code).toBe(0);
  });

  it('checks its arguments: unknown tool or measure, with suggestions', async () => {
    const content = copyContent(MINIMAL, 'import-args');
    const [tool, measure] = await Promise.all([
      runCliAsync(['import', 'restik', SNAPSHOTS, '--measure', 'msr-nightly', '--content', content]),
      runCliAsync(['import', 'restic', SNAPSHOTS, '--measure', 'msr-nightli', '--content', content]),
    ]);
    expect(tool.code).toBe(2);
    expect(tool.stderr).toContain('no importer for "restik"');
    expect(tool.stderr).toContain('Did you mean "restic"?');
    expect(measure.code).toBe(1);
    expect(measure.stderr).toContain('unknown measure "msr-nightli"');
    expect(measure.stderr).toContain('Did you mean "msr-nightly"?');
  });
});
