import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { viewFor } from '../../src/audience/filter.ts';
import { exportContext } from '../../src/export/build.ts';
import { neutraliseCell } from '../../src/export/cells.ts';
import { renderExports, type ExportFile } from '../../src/export/kinds.ts';
import { sheetName } from '../../src/export/xlsx.ts';
import type { AuditReport } from '../../src/audit/types.ts';
import type { Model } from '../../src/model/types.ts';
import { INJECTION, injectedExample, readCsv, readXlsx } from './helpers.ts';

/**
 * The tabular exports of the example program (plus a custom control whose title is a formula
 * payload), read back with independent readers: csv-parse for CSV, exceljs loading the
 * workbook, JSON.parse; rows checked against the model. Exported twice: byte-identical.
 */
/** The auditor's view: what these exports are made from (every entry; files as the auditor may download them). */
let model: Model;
let files: Map<string, ExportFile>;
let audit: AuditReport;
let again: ExportFile[];
const links = { control: (c: { framework: { id: string }; slug: string }) => `../controls/${c.framework.id}/${c.slug}/index.html`, entry: () => '' };

beforeAll(async () => {
  const fx = injectedExample();
  model = viewFor(fx.model, 'auditor');
  audit = fx.audit;
  const ctx = () => exportContext(fx.model, 'auditor', { audit: fx.audit, link: links });
  const kinds = ['control-matrix', 'evidence-requests', 'crosswalk'];
  files = new Map((await renderExports(ctx(), kinds)).map((f) => [f.name, f]));
  again = await renderExports(ctx(), kinds);
});

const file = (name: string) => files.get(name)!.data;
const inScope = () => model.frameworks.filter((f) => f.inScope).flatMap((f) => f.controls);

describe('neutraliseCell', () => {
  it('prefixes every formula start with a quote and leaves other text alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
    for (const s of ['A.8.13', 'plain = text', '', '1-2']) expect(neutraliseCell(s)).toBe(s);
  });
});

describe('control matrix', () => {
  it('CSV: RFC 4180 with CRLF, UTF-8 BOM, one record per in-scope control, matching the model', () => {
    const raw = file('control-matrix.csv');
    expect(raw.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(raw.toString('utf8').endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(raw);
    expect(header!.slice(0, 3)).toEqual(['Framework', 'Control', 'Title']);
    expect(rows.length).toBe(inScope().length);
    const col = (name: string) => header!.indexOf(name);
    for (const row of rows) {
      const c = model.controls.get(`${row[0]}:${row[1]}`)!;
      expect(c, `${row[0]}:${row[1]}`).toBeDefined();
      expect(row[col('Status')]).toBe(c.coverage.status);
      expect(row[col('Applicable')]).toBe(c.coverage.status === 'not-applicable' ? 'no' : 'yes');
      const hashes = row[col('Evidence sha256')]!.split('\n').filter(Boolean);
      expect(hashes.length).toBe(c.evidence.flatMap((e) => e.artifacts).length);
      for (const e of c.evidence) expect(row[col('Evidence (period, freshness)')]).toContain(`${e.id}: `);
      for (const m of c.measures) expect(row[col('Measures')]).toContain(m.id);
      for (const p of c.policies) expect(row[col('Policies (version, approved)')]).toContain(`${p.id}: ${p.data.title} (v${p.data.version}, ${p.data.status}`);
    }
    // Covered, gap (the Acme control) and not-applicable rows all occur, so each kind of row was compared.
    expect([...new Set(rows.map((r) => r[col('Status')]))].sort()).toEqual(['covered', 'gap', 'not-applicable']);
  });

  it('keeps a formula payload in a title inert: quoted in CSV, text in XLSX', async () => {
    const row = readCsv(file('control-matrix.csv')).find((r) => r[1] === 'BK-1')!;
    expect(row[2]).toBe(`'${INJECTION}`);
    const wb = await readXlsx(file('control-matrix.xlsx'));
    const sheet = wb.getWorksheet('Acme internal control set')!;
    const cell = sheet.getRow(2).getCell(3);
    expect(cell.formula).toBeUndefined();
    expect(String(cell.value)).toBe(`'${INJECTION}`);
  });

  it('XLSX: a summary sheet and one per framework, frozen header, auto-filter, widths, status colours, links', async () => {
    const wb = await readXlsx(file('control-matrix.xlsx'));
    const frameworks = model.frameworks.filter((f) => f.inScope);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'SOC 2 Trust Services Criteria', 'ISO-IEC 27001-2022 Annex A', 'Acme internal control set']);
    expect(frameworks.map((f) => sheetName(f.catalog.name))).toEqual(wb.worksheets.slice(1).map((w) => w.name));
    const summary = wb.getWorksheet('Summary')!;
    for (const [i, f] of frameworks.entries()) {
      const r = summary.getRow(i + 2);
      expect(r.getCell(2).value).toBe(f.controls.length);
      expect(r.getCell(3).value).toBe(f.controls.filter((c) => c.coverage.status === 'covered').length);
    }
    for (const f of frameworks) {
      const ws = wb.getWorksheet(sheetName(f.catalog.name))!;
      expect(ws.rowCount).toBe(f.controls.length + 1);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(3).width).toBeGreaterThan(20);
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const c = f.controls[n - 2]!;
        expect(row.getCell(2).value).toBe(c.id);
        expect(row.getCell(6).value).toBe(c.coverage.status);
        const fill = row.getCell(6).fill as ExcelJS.FillPattern | undefined;
        const argb = fill?.fgColor?.argb;
        expect(argb, `${c.key} ${c.coverage.status}`).toBe({ covered: 'FFC6EFCE', partial: 'FFFFEB9C', gap: 'FFFFC7CE', 'not-applicable': undefined }[c.coverage.status]);
        const link = row.getCell(1).value as { hyperlink?: string };
        expect(link.hyperlink).toBe(`../controls/${f.id}/${c.slug}/index.html`);
      });
    }
  });

  it('JSON: every row with its evidence hashes and the findings at stake', () => {
    const json = JSON.parse(file('control-matrix.json').toString('utf8'));
    expect(json).toMatchObject({ format: 'proofbook-control-matrix/1', asOf: model.asOf, audience: 'auditor', organisation: model.config.organisation.name });
    expect(json.rows.length).toBe(inScope().length);
    for (const r of json.rows) {
      const c = model.controls.get(`${r.framework}:${r.control}`)!;
      expect(r.evidence.map((e: { id: string }) => e.id)).toEqual(c.evidence.map((e) => e.id));
      expect(r.evidence.flatMap((e: { artifacts: Array<{ sha256: string }> }) => e.artifacts.map((a) => a.sha256))).toEqual(c.evidence.flatMap((e) => e.artifacts.map((a) => a.sha256)));
    }
    // The self-audit's findings, each on the rows of the controls at stake.
    for (const r of json.rows) {
      const key = `${r.framework}:${r.control}`;
      const expected = audit.findings.filter((f) => f.controls.includes(key) && (!f.ref || model.entries.has(f.ref) || model.controls.has(f.ref)));
      expect(r.findings.map((f: { rule: string; subject: string }) => `${f.rule}/${f.subject}`), key).toEqual(expected.map((f) => `${f.rule}/${f.subject}`));
    }
    expect(json.rows.filter((r: { findings: unknown[] }) => r.findings.length).length).toBeGreaterThan(0);
  });
});

describe('evidence requests and crosswalk', () => {
  it('PBC list: requests for every applicable control, answered with current evidence and hashes', () => {
    const [header, ...rows] = readCsv(file('evidence-requests.csv'));
    const col = (name: string) => header!.indexOf(name);
    const applicable = inScope().filter((c) => c.coverage.status !== 'not-applicable');
    expect(new Set(rows.map((r) => `${r[col('Framework')]}:${r[col('Control')]}`))).toEqual(new Set(applicable.map((c) => c.key)));
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => `PBC-${String(i + 1).padStart(3, '0')}`));
    for (const r of rows) {
      const ids = r[col('Answered by')]!.split('\n').filter(Boolean);
      const status = r[col('Status')];
      expect(['provided', 'expiring', 'missing']).toContain(status);
      // Missing: nothing current answers it; provided or expiring: something does.
      expect(ids.length === 0, `${r[0]} ${status}`).toBe(status === 'missing');
      for (const id of ids) {
        const e = model.entries.get(id)!;
        if (e.type === 'evidence') for (const a of e.artifacts) expect(r[col('Files (sha256  path)')]).toContain(`${a.sha256}  ${a.path}`);
      }
    }
    expect(new Set(rows.map((r) => r[col('Status')]))).toContain('provided');
  });

  it('crosswalk: one row per SOC 2 / ISO 27001 pair the mapping implies', async () => {
    const [, ...rows] = readCsv(file('crosswalk.csv'));
    expect(rows.length).toBeGreaterThan(10);
    for (const [soc2, , iso] of rows) {
      const a = model.controls.get(`soc2:${soc2}`)!;
      const b = model.controls.get(`iso27001:${iso}`)!;
      expect(a.areas.some((x) => b.areas.includes(x)), `${soc2} ↔ ${iso}`).toBe(true);
    }
    const wb = await readXlsx(file('crosswalk.xlsx'));
    expect(wb.getWorksheet('Crosswalk')!.rowCount).toBe(rows.length + 1);
  });
});

describe('determinism', () => {
  it('the same content exported twice gives byte-identical files', () => {
    expect(again.map((f) => f.name)).toEqual([...files.keys()]);
    for (const f of again) expect(f.data.equals(files.get(f.name)!.data), f.name).toBe(true);
  });
});
