import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/run.ts';
import { produceExports } from '../../src/export/produce.ts';
import type { ExportFile } from '../../src/export/kinds.ts';
import { buildModel } from '../../src/model/build.ts';
import { SITE_EXPORT_LINKS, siteExportList } from '../../src/integration/exports.ts';
import { internalLinks, resolves } from '../helpers/links.ts';
import { EXAMPLE_AS_OF, EXAMPLE_CONTENT, EXAMPLE_DIST, EXAMPLE_PUBLIC } from '../helpers/paths.ts';
import { readXlsx } from './helpers.ts';

/**
 * The internal portal built by global-setup offers every export on its Exports page: the files
 * are in exports/, linked from the page and the nav, byte-identical to an export made from the
 * same content outside the build, and the workbook's links open the portal's control pages.
 * The public trust center has neither the page nor the files.
 */
const EXPORTS = path.join(EXAMPLE_DIST, 'exports');
let fresh: Map<string, ExportFile>;

beforeAll(async () => {
  const result = buildModel({ contentDir: EXAMPLE_CONTENT, asOf: EXAMPLE_AS_OF });
  const audit = runAudit(result, { contentDir: EXAMPLE_CONTENT });
  const { files } = await produceExports(result.model!, 'internal', { audit, link: SITE_EXPORT_LINKS, contentDir: EXAMPLE_CONTENT });
  fresh = new Map(files.map((f) => [f.name, f]));
});

describe('the Exports page', () => {
  it('links every export file, and each is in the site', () => {
    const page = readFileSync(path.join(EXPORTS, 'index.html'), 'utf8');
    const links = internalLinks(page, 'exports/index.html');
    for (const k of siteExportList()) {
      for (const f of k.files) {
        expect(links, f.name).toContain(`/exports/${f.name}`);
        expect(existsSync(path.join(EXPORTS, f.name)), f.name).toBe(true);
      }
    }
    for (const l of links) expect(resolves(EXAMPLE_DIST, l), l).toBe(true);
  });

  it('is in the portal nav', () => {
    const home = readFileSync(path.join(EXAMPLE_DIST, 'index.html'), 'utf8');
    // Portal links name index.html so the site works from disk.
    expect(internalLinks(home, 'index.html').map((l) => l.replace(/index\.html$/, ''))).toContain('/exports/');
  });

  it('offers the same bytes as an export made outside the build', () => {
    for (const [name, f] of fresh) expect(readFileSync(path.join(EXPORTS, name)).equals(f.data), name).toBe(true);
  });

  it("the workbook's links open the portal's control pages", async () => {
    const wb = await readXlsx(readFileSync(path.join(EXPORTS, 'control-matrix.xlsx')));
    let checked = 0;
    for (const ws of wb.worksheets.slice(1)) {
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const link = (row.getCell(1).value as { hyperlink?: string }).hyperlink!;
        expect(existsSync(path.resolve(EXPORTS, link)), link).toBe(true);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('is not part of the public trust center', () => {
    expect(existsSync(path.join(EXAMPLE_PUBLIC, 'exports'))).toBe(false);
  });
});
