import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseYaml } from '../content/frontmatter.ts';
import { releaseRecordSchema, type ReleaseRecord } from '../schemas/release.ts';
import { parseWith } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import { canonicalJson, sha256, sha256FileSync } from './digest.ts';
import { isVersion, parseVersion } from './version.ts';

/**
 * The release ledger: one YAML record per release in content/releases/, committed with the
 * content. Records are hash-chained: each carries the digest of the one before, and its own
 * digest covers every recorded fact, so editing, removing or reordering a record shows.
 */
export const LEDGER_DIR = 'releases';

export const recordFile = (version: string) => `${LEDGER_DIR}/${version}.yaml`;
export const bundleFileName = (version: string) => `proofbook-${version}.zip`;

/** The digest of a record: sha256 of its canonical JSON without `digest` and the `bundle.path` location hint. */
export function recordDigest(record: Omit<ReleaseRecord, 'digest'> & { digest?: string }): string {
  const { digest: _digest, bundle, ...rest } = record;
  const { path: _path, ...bundleFacts } = bundle;
  return sha256(canonicalJson({ ...rest, bundle: bundleFacts }));
}

export interface Ledger {
  /** Valid records in chain order (sequence 1, 2, …). */
  records: ReleaseRecord[];
  /** Everything wrong with the ledger: unreadable records, broken links, edited records. */
  problems: Problem[];
}

/** Reads and checks the ledger under a content root. A missing releases/ folder is an empty ledger. */
export function loadLedger(contentRoot: string): Ledger {
  const dir = path.join(contentRoot, LEDGER_DIR);
  const problems: Problem[] = [];
  const records: ReleaseRecord[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { records, problems };
  const names = readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_') && !n.startsWith('.'))
    .sort();
  for (const name of names) {
    const file = `${LEDGER_DIR}/${name}`;
    const src = parseYaml(readFileSync(path.join(dir, name), 'utf8'), file);
    if (src.problems.length) {
      problems.push(...src.problems);
      continue;
    }
    const parsed = parseWith(releaseRecordSchema(), src.data ?? {}, file, src.lineOf);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => ({ ...p, fix: p.fix ?? 'release records are written by `proofbook release` and must not be edited; restore the file from git' })));
      continue;
    }
    const r = parsed.value;
    const v = parseVersion(r.version);
    if (!isVersion(v)) problems.push({ file, field: 'version', line: src.lineOf(['version']), message: `Invalid version: ${v.error}.` });
    if (name.replace(/\.ya?ml$/, '') !== r.version) {
      problems.push({ file, field: 'version', line: src.lineOf(['version']), message: `The record is for version "${r.version}" but its file is named ${name}.`, fix: `rename it to ${r.version}.yaml, or restore it from git` });
    }
    if (recordDigest(r) !== r.digest) {
      problems.push({
        file,
        field: 'digest',
        line: src.lineOf(['digest']),
        message: `Release record ${r.version} was edited after the release: its digest does not match its contents (the ledger chain is broken here).`,
        fix: 'restore the record from git; a release record is never edited',
      });
    }
    records.push(r);
  }
  records.sort((a, b) => a.sequence - b.sequence);
  const seen = new Map<string, ReleaseRecord>();
  records.forEach((r, i) => {
    const file = recordFile(r.version);
    if (seen.has(r.version)) problems.push({ file, message: `Version ${r.version} is recorded twice.`, fix: 'remove the duplicate record (restore the ledger from git)' });
    seen.set(r.version, r);
    if (r.sequence !== i + 1) {
      problems.push({ file, field: 'sequence', message: `Release ${r.version} has sequence ${r.sequence}, but it is release ${i + 1} of the ledger: a record is missing or duplicated (the ledger chain is broken here).`, fix: 'restore the missing release record from git' });
    }
    const prev = records[i - 1];
    const expected = prev ? prev.digest : null;
    if (r.previous !== expected) {
      problems.push({
        file,
        field: 'previous',
        message: prev
          ? `Release ${r.version} does not link to release ${prev.version}: its "previous" digest is not ${prev.version}'s digest (the ledger chain is broken here).`
          : `Release ${r.version} is the first in the ledger but links to a previous release (the ledger chain is broken here: an earlier record is missing).`,
        fix: 'restore the ledger from git; records are never edited or removed',
      });
    }
  });
  return { records, problems };
}

/** Where a record's bundle is kept: `bundleDir` when given, else the record's location hint, else <repo root>/releases. */
export function bundleLocation(contentRoot: string, record: ReleaseRecord, bundleDir?: string): string {
  if (bundleDir) return path.resolve(bundleDir, record.bundle.file);
  if (record.bundle.path) return path.resolve(contentRoot, record.bundle.path);
  return path.resolve(contentRoot, '..', LEDGER_DIR, record.bundle.file);
}

export interface BundleCheck {
  record: ReleaseRecord;
  /** Absolute path where the bundle was looked for. */
  file: string;
  status: 'ok' | 'missing' | 'mismatch';
  /** sha256 found (for mismatch). */
  actual?: string;
}

const hashCache = new Map<string, { key: string; sha256: string }>();

/** Checks that each record's bundle exists and still has its recorded sha256. */
export function checkBundles(contentRoot: string, records: ReleaseRecord[], bundleDir?: string): BundleCheck[] {
  return records.map((record) => {
    const file = bundleLocation(contentRoot, record, bundleDir);
    if (!existsSync(file) || !statSync(file).isFile()) return { record, file, status: 'missing' };
    const st = statSync(file);
    const key = `${st.size}:${st.mtimeMs}:${st.ino}`;
    let cached = hashCache.get(file);
    if (cached?.key !== key) {
      cached = { key, sha256: sha256FileSync(file).sha256 };
      hashCache.set(file, cached);
    }
    return cached.sha256 === record.bundle.sha256 ? { record, file, status: 'ok' } : { record, file, status: 'mismatch', actual: cached.sha256 };
  });
}

/** Problems for bundles that no longer match their recorded digest (missing bundles are reported only when `requirePresent`). */
export function bundleProblems(checks: BundleCheck[], requirePresent = false): Problem[] {
  const out: Problem[] = [];
  for (const c of checks) {
    const file = recordFile(c.record.version);
    if (c.status === 'mismatch') {
      out.push({
        file,
        field: 'bundle.sha256',
        message: `The stored bundle of release ${c.record.version} (${c.record.bundle.file}) does not match its recorded sha256: recorded ${c.record.bundle.sha256}, file has ${c.actual}. The snapshot was changed after the release.`,
        fix: 'restore the bundle from git or your archive; a released bundle never changes (run `npx proofbook verify` on it to see which files differ)',
      });
    } else if (c.status === 'missing' && requirePresent) {
      out.push({ file, field: 'bundle', message: `The bundle of release ${c.record.version} (${c.record.bundle.file}) is not where its record says (${c.record.bundle.path ?? 'releases/'}).`, fix: 'restore it, or pass --bundle-dir with the folder that holds it' });
    }
  }
  return out;
}

/** The ledger checks the self-audit runs: a sound chain and stored bundles that still match. */
export function ledgerProblems(contentRoot: string, options: { bundleDir?: string; requireBundles?: boolean } = {}): Problem[] {
  const ledger = loadLedger(contentRoot);
  return [...ledger.problems, ...bundleProblems(checkBundles(contentRoot, ledger.records, options.bundleDir), options.requireBundles)];
}

/** The record as YAML, every string quoted so "2026.1" stays text. */
export function recordYaml(record: ReleaseRecord): string {
  const header = [
    `# Release ${record.version}: written by \`proofbook release\`. Do not edit this file.`,
    '# Its digest covers every field except bundle.path, and the next release links to that digest,',
    '# so any change breaks the ledger chain (npx proofbook verify --all reports it).',
  ].join('\n');
  return `${header}\n${stringify(record, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 })}`;
}
