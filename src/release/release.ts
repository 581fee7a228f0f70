import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { viewFor } from '../audience/filter.ts';
import type { AuditReport } from '../audit/types.ts';
import { FORMATS } from '../audit/format/index.ts';
import { modelJsonText } from '../model/serialize.ts';
import type { ReleaseInfo, ReleaseRecord } from '../schemas/release.ts';
import { buildSite, PACKAGE_ROOT } from '../site/build-site.ts';
import { MANIFEST, SIGNATURE } from './bundle.ts';
import { allPolicyHistories } from './history.ts';
import { recordDigest, recordFile, recordYaml } from './ledger.ts';
import { listFiles } from '../site/offline.ts';
import { binderInput } from './binder.ts';
import { packBundle } from './pack.ts';
import { auditedModel, newVersionInLedger, releaseCommit, requireCleanTree, signingKey } from './preflight.ts';
import { ReleaseRefused, displayPath, type ReleaseOptions } from './options.ts';
import type { ZipInput } from './zip.ts';
import { resolveInside } from '../content/paths.ts';

export { ReleaseRefused, displayPath, type ReleaseOptions } from './options.ts';

export interface ReleaseResult {
  record: ReleaseRecord;
  bundlePath: string;
  recordPath: string;
  files: number;
  audit: AuditReport;
}

export function proofbookVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

const BUNDLE_DATA = 'data';

/**
 * Makes a release: checks (git, ledger, content, self-audit), builds the auditor edition in a
 * temp folder, packs it with the evidence and data into a reproducible bundle, then renames the
 * bundle and its ledger record into place. A failure at any step leaves nothing behind.
 */
export async function createRelease(o: ReleaseOptions): Promise<ReleaseResult> {
  const log = o.log ?? (() => {});
  const contentRoot = path.resolve(o.contentDir);
  if (!existsSync(contentRoot) || !statSync(contentRoot).isDirectory()) throw new ReleaseRefused(`The content folder ${o.contentDir} does not exist.`);

  const git = releaseCommit(contentRoot);
  const date = new Date(git.commitTime * 1000);
  const isoDate = date.toISOString().replace('.000Z', 'Z');
  const { ledger, bundleDir, bundlePath } = newVersionInLedger(contentRoot, o, git);
  requireCleanTree(git, o);
  const { model, audit } = auditedModel(contentRoot, o, isoDate, log);
  const key = signingKey(o);

  const previous = ledger.records.at(-1);
  const info: ReleaseInfo = {
    version: o.version,
    sequence: ledger.records.length + 1,
    date: isoDate,
    commit: git.commit,
    approver: o.approver?.trim() || git.author,
    organisation: model.config.organisation.name,
    asOf: model.asOf,
    proofbook: proofbookVersion(),
    audit: {
      engine: 'self-audit',
      errors: audit.counts.error,
      warnings: audit.counts.warning,
      ...(audit.counts.error > 0 && o.allowFindings ? { allowedFindings: o.allowFindings } : {}),
    },
    ...(git.dirty.length ? { dirty: { files: git.dirty } } : {}),
  };

  // 5. Build and pack in temp space; only finished files are renamed into place.
  const madeBundleDir = !existsSync(bundleDir);
  let released = false;
  const stage = mkdtempSync(path.join(os.tmpdir(), `proofbook-release-${o.version}-`));
  const tmpZip = `${bundlePath}.tmp-${process.pid}`;
  const recordPath = path.join(contentRoot, recordFile(o.version));
  const tmpRecord = `${recordPath}.tmp-${process.pid}`;
  try {
    const site = path.join(stage, 'site');
    log('Building the auditor edition…');
    // The model and audit made above are the ones the snapshot shows: nothing is rebuilt, and
    // buildSite already made the auditor edition's links relative.
    const auditorView = viewFor(model, 'auditor');
    await buildSite({
      contentDir: contentRoot,
      outDir: site,
      model,
      view: auditorView,
      shared: { audit },
      audience: 'auditor',
      snapshot: { version: o.version, commit: git.commit, date: isoDate },
      ...(o.bundleDir ? { bundleDir: o.bundleDir } : {}),
      logLevel: o.logLevel ?? 'warn',
    });

    const inputs: ZipInput[] = listFiles(site).map((rel) => ({ path: rel, file: path.join(site, ...rel.split('/')), size: statSync(path.join(site, ...rel.split('/'))).size }));
    const present = new Set(inputs.map((i) => i.path));
    // Every evidence artifact, even those the auditor edition does not link.
    for (const e of model.evidence) {
      for (const a of e.artifacts) {
        const rel = `artifacts/${a.path}`;
        const where = resolveInside(contentRoot, a.path);
        if (present.has(rel) || 'error' in where || !existsSync(where.abs)) continue;
        inputs.push({ path: rel, file: where.abs, size: statSync(where.abs).size });
        present.add(rel);
      }
    }
    const data: Array<[string, string]> = [
      ['model.json', modelJsonText(auditorView)],
      // The self-audit in its own formats: JSON for tools, Markdown to read, JUnit for CI dashboards.
      ['audit.json', FORMATS.json(audit, { prefix: '' })],
      ['audit.md', FORMATS.markdown(audit, { prefix: '' })],
      ['audit.junit.xml', FORMATS.junit(audit, { prefix: '' })],
      ['history.json', `${JSON.stringify(allPolicyHistories(contentRoot, model.policies), null, 2)}\n`],
    ];
    for (const [name, text] of data) {
      const rel = `${BUNDLE_DATA}/${name}`;
      if (present.has(rel)) throw new Error(`the site has a page at /${rel}, which collides with the bundle's data folder`);
      const bytes = Buffer.from(text, 'utf8');
      inputs.push({ path: rel, data: bytes, size: bytes.length });
    }
    if (o.pdf) inputs.push(await binderInput(model, o.version));
    for (const reserved of [MANIFEST, SIGNATURE]) if (present.has(reserved)) throw new Error(`the site has a file named ${reserved} at its root, which collides with the bundle manifest`);

    log(`Packing ${inputs.length} files…`);
    mkdirSync(bundleDir, { recursive: true });
    const packed = await packBundle({
      out: tmpZip,
      info,
      previous: previous ? { version: previous.version, digest: previous.digest, bundleSha256: previous.bundle.sha256 } : null,
      inputs,
      mtime: date,
      key,
    });
    const manifest = packed.manifest;

    const base: Omit<ReleaseRecord, 'digest'> = {
      ...info,
      contentDigest: manifest.contentDigest,
      bundle: { file: path.basename(bundlePath), sha256: packed.sha256, size: packed.size, path: path.relative(contentRoot, bundlePath).split(path.sep).join('/') },
      ...(manifest.signature ? { signature: { algorithm: 'ed25519' as const, keyId: manifest.signature.keyId } } : {}),
      previous: previous ? previous.digest : null,
    };
    const record: ReleaseRecord = { ...base, digest: recordDigest(base) };
    mkdirSync(path.dirname(recordPath), { recursive: true });
    writeFileSync(tmpRecord, recordYaml(record));

    // Into place: link() refuses to replace an existing file, so a concurrent release cannot be overwritten.
    linkOrFail(tmpZip, bundlePath);
    try {
      linkOrFail(tmpRecord, recordPath);
    } catch (error) {
      unlinkSync(bundlePath);
      throw error;
    }
    released = true;
    return { record, bundlePath, recordPath, files: manifest.files.length, audit };
  } finally {
    rmSync(stage, { recursive: true, force: true });
    rmSync(tmpZip, { force: true });
    rmSync(tmpRecord, { force: true });
    // Only the empty folder this release created: never anything another process put there.
    if (!released && madeBundleDir) {
      try {
        rmdirSync(bundleDir);
      } catch {
        // Not empty or already gone.
      }
    }
  }
}

/** Hard-links `from` to `to` (failing if `to` exists), then removes `from`; falls back to rename where links are not supported. */
function linkOrFail(from: string, to: string): void {
  try {
    linkSync(from, to);
    unlinkSync(from);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ReleaseRefused(`${displayPath(to)} appeared while the release was being made (another release of the same version?). Nothing was overwritten.`);
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
      if (existsSync(to)) throw new ReleaseRefused(`${displayPath(to)} already exists. Nothing was overwritten.`);
      renameSync(from, to);
      return;
    }
    throw error;
  }
}
