import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import type { Model } from '../../src/model/types.ts';
import { hasChromium } from '../helpers/browser.ts';
import { runCliAsync, runCliInProcess } from '../helpers/cli.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, TMP } from '../helpers/paths.ts';

/** One policy printed alone (`proofbook pdf --policy ID`), read back with pdftotext. */
if (!hasChromium) console.warn('[skip] PDF of one policy: /usr/bin/chromium is absent (apt-get install -y chromium).');

let model: Model;
let text = '';
let run: { code: number; stdout: string; stderr: string };
const ID = 'pol-ict-continuity';

beforeAll(async () => {
  model = buildModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF }).model!;
  if (!hasChromium) return;
  const file = path.join(mkdtempSync(path.join(TMP, 'pdf-policy-')), `${ID}.pdf`);
  run = await runCliAsync(['pdf', '--policy', ID, '--as-of', EXAMPLE_AS_OF, '--out', file]);
  if (run.code === 0) text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
});

describe.skipIf(!hasChromium)('one policy alone', () => {
  it('holds that policy with its header and text, and nothing of the binder', () => {
    expect(run.code, run.stderr).toBe(0);
    const p = model.policies.find((x) => x.id === ID)!;
    expect(text).toContain(p.data.title);
    expect(text).toContain(`Version ${p.data.version}`);
    expect(text).toContain(`Next review ${p.nextReview}`);
    expect(text).toContain('Purpose');
    for (const other of model.policies.filter((x) => x.id !== ID)) expect(text).not.toContain(`Policy ${other.id} Version`);
    expect(text).not.toContain('Evidence index');
    expect(text).toMatch(/Page 1 of \d+/);
  });
});

describe('pdf usage', () => {
  it('an unknown policy is a usage error that suggests the nearest id', async () => {
    // In this process: the policy is checked before anything is printed (Chromium present or not).
    const { code, stderr } = await runCliInProcess(['pdf', '--policy', 'pol-backpu', '--as-of', EXAMPLE_AS_OF, '--content', EXAMPLE_CONTENT], { usageError: true });
    if (!hasChromium) return expect(code).toBe(1);
    expect(code).toBe(2);
    expect(stderr).toContain('Did you mean "pol-backup"');
  });
});
