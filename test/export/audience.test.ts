import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.ts';
import { exportContext } from '../../src/export/build.ts';
import { guardExports } from '../../src/export/guard.ts';
import { renderExports } from '../../src/export/kinds.ts';
import { hasChromium } from '../helpers/browser.ts';
import { runCliAsync, runCliInProcess } from '../helpers/cli.ts';
import { AUDIENCE_AS_OF, AUDIENCE_FIXTURE, TMP } from '../helpers/paths.ts';
import { readXlsx } from './helpers.ts';

/**
 * Exports for customers, made by the real CLI from the canary program (test/fixtures/audience):
 * every file read back (CSV and JSON as text, each workbook cell through exceljs, the PDF
 * binder through pdftotext) holds the customer canaries and none of the internal-only ones.
 * The leak guard itself is shown to catch internal content in a workbook and in a CSV.
 */
const INTERNAL_ONLY = [
  'pol-internal-access',
  'msr-internal-alerting',
  'ev-internal-jobs',
  'msr-auditor-special',
  'CANARY-INTERNAL-POLICY-TITLE-W2',
  'CANARY-INTERNAL-MEASURE-TITLE-L5',
  'CANARY-INTERNAL-EVIDENCE-TITLE-J1',
  'CANARY-AUDITOR-MEASURE-TITLE-A1',
  'CANARY-INTERNAL-NA-REASON-QX81',
  'CANARY-INTERNAL-POLICY-OWNER-K1',
  'CANARY-INTERNAL-APPROVER-M3',
  'CANARY-INTERNAL-MEASURE-OWNER-H6',
  'CANARY-INTERNAL-POLICY-BODY-W4',
  'CANARY-INTERNAL-FIELD-BODY-K4P2',
  'canary-artifact-name-f00d',
  '8488342b4e40fbc9050c68ee86ca05820995a8b03d2f594c71ea0147db2d19d1',
  '958d79e7157a4eb035722d37f1cabdfdc3491bc22b8411643151abf0f20f5224',
];
const CUSTOMER = ['pol-customer-dr', 'CANARY-CUSTOMER-POLICY-TITLE-T9'];

let out: string;
let texts: Map<string, string>;
let exportRun: { code: number; stdout: string; stderr: string };
let pdfRun: { code: number; stdout: string; stderr: string } | undefined;

async function fileText(file: string): Promise<string> {
  const data = readFileSync(file);
  if (file.endsWith('.xlsx')) {
    const wb = await readXlsx(data);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(typeof c.value === 'object' && c.value && 'text' in c.value ? `${c.value.text} ${String((c.value as { hyperlink?: string }).hyperlink ?? '')}` : String(c.value)))));
    return cells.join('\n');
  }
  if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return data.toString('utf8');
}

beforeAll(async () => {
  out = mkdtempSync(path.join(TMP, 'export-customer-'));
  const common = ['--content', AUDIENCE_FIXTURE, '--audience', 'customer', '--as-of', AUDIENCE_AS_OF];
  [exportRun, pdfRun] = await Promise.all([
    runCliAsync(['export', 'all', ...common, '--out', out]),
    hasChromium ? runCliAsync(['pdf', ...common, '--out', path.join(out, 'binder.pdf')]) : Promise.resolve(undefined),
  ]);
  texts = new Map();
  for (const f of readdirSync(out).filter((f) => !f.includes('.tmp-'))) texts.set(f, await fileText(path.join(out, f)));
});

describe('exports for customers', () => {
  it('writes every export of every kind', () => {
    expect(exportRun.code, exportRun.stderr).toBe(0);
    expect([...texts.keys()].filter((f) => f !== 'binder.pdf').sort()).toEqual(
      ['control-matrix', 'crosswalk', 'evidence-requests'].flatMap((k) => ['csv', 'json', 'xlsx'].map((x) => `${k}.${x}`)).concat(['oscal-assessment-results.json', 'oscal-component-definition.json', 'oscal-ssp.json']).sort(),
    );
  });

  it('hold what customers may see and no internal-only canary', () => {
    for (const [file, text] of texts) {
      for (const canary of INTERNAL_ONLY) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
    }
    for (const file of ['control-matrix.csv', 'control-matrix.xlsx', 'control-matrix.json']) {
      for (const canary of CUSTOMER) expect(texts.get(file), `${canary} in ${file}`).toContain(canary);
    }
  });

  it.skipIf(!hasChromium)('the customer PDF binder holds customer policies and no internal-only canary', () => {
    expect(pdfRun!.code, pdfRun!.stderr).toBe(0);
    const text = texts.get('binder.pdf')!;
    expect(text).toContain('CANARY-CUSTOMER-POLICY-TITLE-T9');
    for (const canary of INTERNAL_ONLY) expect(text.includes(canary), canary).toBe(false);
  });
});

describe('the leak guard on exports', () => {
  it('finds internal content in a workbook (unzipped) and in a CSV made for the wrong audience', async () => {
    const { model } = buildModel({ contentDir: AUDIENCE_FIXTURE, asOf: AUDIENCE_AS_OF });
    const wrong = await renderExports(exportContext(model!, 'internal'), ['control-matrix'], ['xlsx', 'csv']);
    const leaks = await guardExports(wrong, model!, 'customer', AUDIENCE_FIXTURE);
    for (const name of ['control-matrix.xlsx', 'control-matrix.csv']) {
      const mine = leaks.filter((l) => l.file === name).map((l) => l.marker.text);
      expect(mine, name).toEqual(expect.arrayContaining(['pol-internal-access', 'msr-internal-alerting']));
    }
    const right = await renderExports(exportContext(model!, 'customer'), ['control-matrix'], ['xlsx', 'csv']);
    expect(await guardExports(right, model!, 'customer', AUDIENCE_FIXTURE)).toEqual([]);
  });
});

describe('proofbook export usage', () => {
  /** Runs the CLI in this process (usage errors happen before any work), capturing what it prints. */
  const cli = (args: string[]) => runCliInProcess(args, { usageError: true });

  it('--help lists every kind; an unknown kind or format is a usage error with a suggestion', async () => {
    const help = await cli(['export', '--help']);
    expect(help.code).toBe(0);
    for (const k of ['control-matrix', 'evidence-requests', 'crosswalk', 'oscal-component-definition', 'oscal-ssp', 'oscal-assessment-results']) expect(help.stdout).toContain(k);
    const kind = await cli(['export', 'control-matrx']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('Did you mean "control-matrix"');
    const format = await cli(['export', 'oscal-ssp', '--format', 'csv']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('oscal-ssp is written as json');
    const all = await cli(['--help']);
    expect(all.stdout).toMatch(/\n  export +Write auditor exports/);
    expect(all.stdout).toMatch(/\n  pdf +Print the PDF binder/);
  });
});
