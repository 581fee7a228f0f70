import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent } from '../helpers/content.ts';
import { FIXTURES, TMP } from '../helpers/paths.ts';
import { listing } from './listing.ts';

/** Bad input through the real `proofbook import`: one clear error each, nothing written. */
const MINIMAL = path.join(FIXTURES, 'minimal');
const DIR = path.join(FIXTURES, 'backup-tools');
const SNAPSHOTS = path.join(DIR, 'restic-snapshots.json');

describe('proofbook import, bad input', () => {
  it('refuses bad input with one clear error: tool, expected shape, where; exit 1, nothing written, no stack', async () => {
    const content = copyContent(MINIMAL, 'import-bad');
    const scratch = path.join(TMP, `import-bad-inputs-${process.pid}`);
    mkdirSync(scratch, { recursive: true });
    const snapshots = readFileSync(SNAPSHOTS, 'utf8');
    const file = (name: string, text: string) => {
      writeFileSync(path.join(scratch, name), text);
      return path.join(scratch, name);
    };
    const huge = path.join(scratch, 'huge.json');
    const fd = openSync(huge, 'w');
    ftruncateSync(fd, 600 * 1024 * 1024); // sparse: no disk used, no time spent
    closeSync(fd);
    const one = JSON.parse(snapshots)[0];
    const cases: Array<{ name: string; tool: string; input: string; expect: RegExp[] }> = [
      { name: 'truncated JSON', tool: 'restic', input: file('cut.json', snapshots.slice(0, 700)), expect: [/cut off/, /cut\.json:1\b/] },
      { name: "another tool's output", tool: 'restic', input: path.join(DIR, 'borg-list.json'), expect: [/not restic output: it looks like borg output \(borg list --json/, /proofbook import borg/] },
      { name: 'an empty list', tool: 'restic', input: file('empty.json', '[]\n'), expect: [/list of snapshots is empty/] },
      { name: 'a missing field', tool: 'restic', input: file('missing.json', JSON.stringify([{ ...one, hostname: undefined }], null, 2)), expect: [/\(\[0\]\.hostname\)/, /expected a text field "hostname", found missing/] },
      { name: 'a wrong type', tool: 'restic', input: file('type.json', JSON.stringify([one, { ...one, hostname: 42 }], null, 2)), expect: [/type\.json:\d+ \(\[1\]\.hostname\)/, /found number 42/] },
      { name: 'a timestamp without a zone', tool: 'restic', input: file('zone.json', JSON.stringify([{ ...one, time: '2026-03-01T02:00:00' }])), expect: [/\(\[0\]\.time\)/, /has no time zone/, /--zone/] },
      { name: 'a huge file', tool: 'restic', input: huge, expect: [/the output is 600 MiB, larger than the 512 MiB/] },
      { name: 'text where JSON is expected', tool: 'velero', input: file('text.txt', 'NAME STATUS\nnightly Completed\n'), expect: [/expected JSON, found text/] },
      { name: 'an empty file', tool: 'borg', input: file('nothing.json', ''), expect: [/output is empty/] },
      { name: 'a pgBackRest stanza with a bad timestamp', tool: 'pgbackrest', input: file('pg.json', JSON.stringify([{ name: 's', backup: [{ label: 'x', timestamp: { start: 'soon', stop: 1 } }], status: { code: 0 } }])), expect: [/\(\[0\]\.backup\[0\]\.timestamp\.start\)/, /not an ISO 8601 time/] },
    ];
    const before = listing(content);
    const results = await Promise.all(cases.map((c) => runCliAsync(['import', c.tool, c.input, '--measure', 'msr-nightly', '--content', content])));
    cases.forEach((c, i) => {
      const r = results[i]!;
      expect(r.code, c.name).toBe(1);
      expect(r.stdout, c.name).toBe('');
      expect(r.stderr, c.name).toContain(`expected ${c.tool} output:`);
      for (const re of c.expect) expect(r.stderr, c.name).toMatch(re);
      expect(r.stderr, c.name).toMatch(/Nothing was written\.\n$/);
      expect(r.stderr, c.name).not.toMatch(/\n\s+at .+:\d+:\d+/);
    });
    expect(listing(content)).toEqual(before);
    rmSync(scratch, { recursive: true, force: true });
  });

});
