import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_KINDS, exportFileName } from '../../src/export/kinds.ts';
import { hasChromium } from '../helpers/browser.ts';
import { TMP } from '../helpers/paths.ts';
import { gitRepo, readEntries, runCliAsync } from '../release/helpers.ts';

/**
 * A release carries every export: the auditor edition's exports/ folder, and with --pdf the
 * PDF binder, all listed in MANIFEST.json with their sha256 (so the signature covers them),
 * and `proofbook verify` accepts the bundle. One release (one site build, one PDF).
 */
if (!hasChromium) console.warn('[skip] binder in the bundle: /usr/bin/chromium is absent (apt-get install -y chromium).');

let files: Map<string, Buffer>;
let run: { code: number; stdout: string; stderr: string };
let verify: { code: number; stdout: string; stderr: string };
let bundle: string;

beforeAll(async () => {
  const repo = gitRepo('export-release');
  run = await runCliAsync(['release', '2026.1', '--content', repo.content, '--allow-findings', 'test fixture', ...(hasChromium ? ['--pdf'] : [])]);
  if (run.code !== 0) return;
  bundle = path.join(repo.root, 'releases', 'proofbook-2026.1.zip');
  files = (await readEntries(bundle)).files;
  verify = await runCliAsync(['verify', bundle, '--content', repo.content]);
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('exports in a release bundle', () => {
  it('every export is in the bundle and in MANIFEST.json with its sha256', () => {
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(files.get('MANIFEST.json')!.toString('utf8')) as { files: Array<{ path: string; sha256: string }> };
    const listed = new Map(manifest.files.map((f) => [f.path, f.sha256]));
    const names = EXPORT_KINDS.flatMap((k) => k.formats.map((f) => `exports/${exportFileName(k.id, f)}`));
    if (hasChromium) names.push('exports/binder.pdf');
    for (const name of names) {
      expect(files.has(name), name).toBe(true);
      expect(listed.get(name), name).toBe(sha(files.get(name)!));
    }
    const matrix = JSON.parse(files.get('exports/control-matrix.json')!.toString('utf8'));
    expect(matrix.audience).toBe('auditor');
  });

  it('verifies', () => {
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });

  it.skipIf(!hasChromium)("the bundle's binder names the release on its cover", () => {
    const file = path.join(mkdtempSync(path.join(TMP, 'export-release-pdf-')), 'binder.pdf');
    writeFileSync(file, files.get('exports/binder.pdf')!);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Release 2026.1');
  });
});
