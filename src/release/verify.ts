import { createHash } from 'node:crypto';
import { mkdirSync, openSync, writeSync, closeSync, rmSync, renameSync } from 'node:fs';
import path from 'node:path';
import { manifestSchema, type Manifest, type ReleaseRecord } from '../schemas/release.ts';
import { BundleError, digestEntry, MANIFEST, openBundle, readSmallEntry, SIGNATURE, type Issue, type OpenedBundle } from './bundle.ts';
import { contentDigest, sha256FileSync } from './digest.ts';
import type { Ledger } from './ledger.ts';
import { keyId, publicKeyFromBase64, verifyBytes } from './sign.ts';
import type { KeyObject } from 'node:crypto';
import { tempSibling } from '../util/atomic.ts';

export type SignatureStatus =
  | { state: 'unsigned' }
  | { state: 'valid'; keyId: string; trusted: boolean }
  | { state: 'invalid'; message: string };

export interface VerifyReport {
  /** The bundle file as given. */
  file: string;
  ok: boolean;
  /** sha256 of the whole zip file (computed only when a ledger is checked: it costs a second read). */
  sha256?: string;
  /** Set when the bundle could not be checked at all (not a zip, no manifest, unreadable manifest). */
  fatal?: string;
  manifest?: Manifest;
  issues: Issue[];
  signature: SignatureStatus;
  /** Ledger outcome when a ledger was given. */
  ledger?: { checked: true; record?: ReleaseRecord; releases: number };
  files: number;
  bytes: number;
  /** What vouches for the release facts in MANIFEST.json: a trusted signature, a matching ledger record, or nothing. */
  authenticity: Authenticity;
  /** Facts in MANIFEST.json cross-checked against the bundle's own files (the audit counts against data/audit.json). */
  crossChecked: string[];
}

/**
 * Integrity (every listed file matches MANIFEST.json) says nothing about who wrote the
 * manifest: anyone can edit it, re-hash and re-zip. Only a signature by a key the reader trusts
 * or the release ledger the organisation keeps in git makes its facts authentic.
 */
export type Authenticity =
  | { by: 'signature'; keyId: string }
  | { by: 'ledger'; version: string }
  | { by: 'none'; reason: string };

export interface VerifyOptions {
  /** The key the signature must be made with. */
  publicKey?: KeyObject;
  /** The release ledger to check the bundle against (chain and recorded digest). */
  ledger?: Ledger;
}

/** Checks a bundle: every file against MANIFEST.json, no file added or missing, the signature, and the ledger when given. */
export async function verifyBundle(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = { file, ok: false, issues: [], signature: { state: 'unsigned' }, files: 0, bytes: 0, authenticity: { by: 'none', reason: 'not checked' }, crossChecked: [] };
  let bundle: OpenedBundle;
  try {
    bundle = await openBundle(file);
  } catch (error) {
    if (error instanceof BundleError) return { ...report, fatal: error.message, issues: error.issues };
    throw error;
  }
  try {
    report.issues.push(...bundle.issues);
    const manifestBytes = await readSmallEntry(bundle, bundle.manifest).catch((e: Error) => {
      throw new BundleError(`MANIFEST.json cannot be read (${e.message})`);
    });
    let json: unknown;
    try {
      json = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      return { ...report, fatal: 'MANIFEST.json is not valid JSON (it was damaged or edited)' };
    }
    const parsed = manifestSchema().safeParse(json);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      return { ...report, fatal: `MANIFEST.json is not a Proofbook manifest: ${i.path.join('.') || 'top level'}: ${i.message}` };
    }
    const manifest = parsed.data;
    report.manifest = manifest;
    if (manifest.root !== bundle.root) report.issues.push({ kind: 'manifest', path: MANIFEST, message: `the manifest names the bundle folder ${manifest.root}/, but it sits in ${bundle.root}/` });
    if (manifest.root !== `proofbook-${manifest.release.version}`) report.issues.push({ kind: 'manifest', path: MANIFEST, message: `the bundle folder ${manifest.root}/ does not match release ${manifest.release.version}` });

    // Signature first: it says whether the manifest itself can be trusted.
    report.signature = await checkSignature(bundle, manifest, manifestBytes, options.publicKey);
    if (report.signature.state === 'invalid') report.issues.push({ kind: 'signature', path: SIGNATURE, message: report.signature.message });

    const listed = new Map<string, Manifest['files'][number]>();
    for (const f of manifest.files) {
      if (listed.has(f.path)) report.issues.push({ kind: 'manifest', path: f.path, message: 'listed twice in MANIFEST.json' });
      listed.set(f.path, f);
    }
    if (contentDigest(manifest.files) !== manifest.contentDigest) {
      report.issues.push({ kind: 'manifest', path: MANIFEST, message: 'the content digest does not match the file list: MANIFEST.json was edited' });
    }
    const prefix = `${bundle.root}/`;
    for (const [name, be] of bundle.entries) {
      if (be.dir) continue;
      const rel = name.slice(prefix.length);
      if (rel === MANIFEST || rel === SIGNATURE) continue;
      const want = listed.get(rel);
      if (!want) {
        report.issues.push({ kind: 'added', path: rel, message: 'not listed in MANIFEST.json (a file was added)' });
        continue;
      }
      if (be.entry.uncompressedSize !== want.size) {
        report.issues.push({ kind: 'changed', path: rel, message: `its size is ${be.entry.uncompressedSize} bytes, MANIFEST.json says ${want.size}` });
        continue;
      }
      try {
        const got = await digestEntry(bundle, be);
        report.files++;
        report.bytes += got.size;
        if (got.sha256 !== want.sha256) report.issues.push({ kind: 'changed', path: rel, message: `its sha256 is ${got.sha256}, MANIFEST.json says ${want.sha256}` });
        else if (!got.crcOk) report.issues.push({ kind: 'changed', path: rel, message: 'its zip checksum (CRC-32) does not match its data: the zip was edited' });
      } catch (error) {
        report.issues.push({ kind: 'changed', path: rel, message: `its data cannot be read (${(error as Error).message})` });
      }
    }
    for (const f of manifest.files) {
      if (!bundle.entries.has(prefix + f.path)) report.issues.push({ kind: 'missing', path: f.path, message: 'listed in MANIFEST.json but not in the zip (a file was removed)' });
    }
    await crossCheckFacts(bundle, manifest, report);
    if (options.ledger) report.ledger = checkAgainstLedger(report, manifest, options.ledger);
  } catch (error) {
    if (error instanceof BundleError) return { ...report, fatal: error.message };
    throw error;
  } finally {
    bundle.close();
  }
  report.ok = !report.fatal && report.issues.length === 0;
  report.authenticity = authenticity(report);
  return report;
}

/** The bundled audit report and model the manifest's facts summarise (written by release.ts). */
export const BUNDLED_AUDIT = 'data/audit.json';
export const BUNDLED_MODEL = 'data/model.json';

/** A bundled JSON file, when it is listed and intact (a changed or missing one is already an issue of its own). */
async function bundledJson(bundle: OpenedBundle, manifest: Manifest, report: VerifyReport, rel: string): Promise<Record<string, unknown> | undefined> {
  const listed = manifest.files.find((f) => f.path === rel);
  const be = bundle.entries.get(`${bundle.root}/${rel}`);
  if (!listed || !be || report.issues.some((i) => i.path === rel)) return undefined;
  try {
    const data = await readSmallEntry(bundle, be, 256 * 1024 * 1024);
    if (createHash('sha256').update(data).digest('hex') !== listed.sha256) return undefined;
    return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  } catch {
    report.issues.push({ kind: 'manifest', path: rel, message: 'the bundled file cannot be read as JSON' });
    return undefined;
  }
}

/**
 * Facts MANIFEST.json states that the bundle can check against itself: the audit counts and the
 * as-of date against the bundled audit report, the organisation and as-of date against the
 * bundled model. An edited manifest ("0 errors") fails here, signed or not.
 */
async function crossCheckFacts(bundle: OpenedBundle, manifest: Manifest, report: VerifyReport): Promise<void> {
  const r = manifest.release;
  const mismatch = (what: string, claimed: string, rel: string, found: string) =>
    report.issues.push({ kind: 'manifest', path: MANIFEST, message: `MANIFEST.json claims ${what} ${claimed}, but the bundled ${rel} says ${found}: the release facts were edited` });
  const audit = await bundledJson(bundle, manifest, report, BUNDLED_AUDIT);
  if (audit) {
    const counts = (audit.counts ?? {}) as { error?: unknown; warning?: unknown };
    const before = report.issues.length;
    if (counts.error !== r.audit.errors || counts.warning !== r.audit.warnings) {
      mismatch('the audit found', `${count(r.audit.errors, 'error')} and ${count(r.audit.warnings, 'warning')}`, BUNDLED_AUDIT, `${count(Number(counts.error), 'error')} and ${count(Number(counts.warning), 'warning')}`);
    }
    if (audit.asOf !== undefined && audit.asOf !== r.asOf) mismatch('the as-of date', r.asOf, BUNDLED_AUDIT, String(audit.asOf));
    if (report.issues.length === before) report.crossChecked.push(`audit counts match ${BUNDLED_AUDIT}`);
  }
  const model = await bundledJson(bundle, manifest, report, BUNDLED_MODEL);
  if (model) {
    const before = report.issues.length;
    const org = ((model.config as { organisation?: { name?: unknown } } | undefined)?.organisation?.name);
    if (org !== undefined && org !== r.organisation) mismatch('the organisation', `"${r.organisation}"`, BUNDLED_MODEL, `"${String(org)}"`);
    if (model.asOf !== undefined && model.asOf !== r.asOf) mismatch('the as-of date', r.asOf, BUNDLED_MODEL, String(model.asOf));
    if (report.issues.length === before && org !== undefined && model.asOf !== undefined) report.crossChecked.push(`organisation and as-of date match ${BUNDLED_MODEL}`);
  }
}

function authenticity(report: VerifyReport): Authenticity {
  const s = report.signature;
  if (s.state === 'valid' && s.trusted) return { by: 'signature', keyId: s.keyId };
  if (report.ledger?.record && report.ok) return { by: 'ledger', version: report.ledger.record.version };
  if (s.state === 'valid') return { by: 'none', reason: 'the signature is valid for the key recorded in the bundle itself, which anyone re-packing it can replace; pass --public-key KEY.pem with the key you trust, or --content DIR to check the release ledger' };
  return { by: 'none', reason: 'the bundle is not signed and no release ledger was checked, so anyone could have written MANIFEST.json; pass --content DIR to check it against the release ledger' };
}

async function checkSignature(bundle: OpenedBundle, manifest: Manifest, manifestBytes: Buffer, trusted?: KeyObject): Promise<SignatureStatus> {
  const sigEntry = bundle.signature;
  if (!sigEntry && !manifest.signature) {
    return trusted ? { state: 'invalid', message: 'the bundle is not signed, but a public key was given' } : { state: 'unsigned' };
  }
  if (!sigEntry) return { state: 'invalid', message: 'MANIFEST.json says the bundle is signed, but MANIFEST.json.sig is missing' };
  let sig: Buffer;
  try {
    const text = (await readSmallEntry(bundle, sigEntry, 4096)).toString('ascii').trim();
    if (!/^[A-Za-z0-9+/]+=*$/.test(text)) return { state: 'invalid', message: 'MANIFEST.json.sig is not a base64 signature (it was changed)' };
    sig = Buffer.from(text, 'base64');
  } catch (error) {
    return { state: 'invalid', message: `MANIFEST.json.sig cannot be read (${(error as Error).message})` };
  }
  const embedded = manifest.signature ? publicKeyFromBase64(manifest.signature.publicKey) : undefined;
  if (manifest.signature && (!embedded || keyId(embedded) !== manifest.signature.keyId)) {
    return { state: 'invalid', message: 'the signing key recorded in MANIFEST.json is damaged' };
  }
  const key = trusted ?? embedded;
  if (!key) return { state: 'invalid', message: 'MANIFEST.json.sig is present but MANIFEST.json names no signing key; pass --public-key to check it' };
  if (trusted && manifest.signature && keyId(trusted) !== manifest.signature.keyId) {
    return { state: 'invalid', message: `the bundle was signed with key ${manifest.signature.keyId.slice(0, 16)}…, not with the given public key ${keyId(trusted).slice(0, 16)}…` };
  }
  if (sig.length !== 64 || !verifyBytes(key, manifestBytes, sig)) {
    return { state: 'invalid', message: 'the signature does not match MANIFEST.json: the manifest or its signature was changed' };
  }
  return { state: 'valid', keyId: keyId(key), trusted: !!trusted };
}

function checkAgainstLedger(report: VerifyReport, manifest: Manifest, ledger: Ledger): VerifyReport['ledger'] {
  for (const p of ledger.problems) report.issues.push({ kind: 'ledger', path: p.file, message: p.message });
  const v = manifest.release.version;
  const record = ledger.records.find((r) => r.version === v);
  report.sha256 = sha256FileSync(report.file).sha256;
  if (!record) {
    report.issues.push({ kind: 'ledger', message: `the ledger has no release ${v}` });
    return { checked: true, releases: ledger.records.length };
  }
  if (record.bundle.sha256 !== report.sha256) {
    report.issues.push({ kind: 'ledger', message: `the zip's sha256 is ${report.sha256}, but release ${v} recorded ${record.bundle.sha256}: this is not the bundle that was released` });
  }
  if (record.contentDigest !== manifest.contentDigest) report.issues.push({ kind: 'ledger', message: `the content digest differs from the one recorded for release ${v}` });
  const prev = ledger.records[ledger.records.indexOf(record) - 1];
  const linked = manifest.previous;
  if ((prev?.digest ?? null) !== (linked?.digest ?? null) || (prev && linked && prev.bundle.sha256 !== linked.bundleSha256)) {
    report.issues.push({ kind: 'ledger', message: `the bundle's link to the previous release (${linked ? linked.version : 'none'}) does not match the ledger (${prev ? prev.version : 'none'}): the chain is broken` });
  }
  return { checked: true, record, releases: ledger.records.length };
}

/** Renders a report as the CLI prints it. */
export function formatReport(report: VerifyReport, label = report.file): string {
  const lines: string[] = [];
  const m = report.manifest;
  if (report.ok && m) {
    const r = m.release;
    const a = report.authenticity;
    lines.push(`OK ${label}${a.by === 'none' ? ' (intact, but not authenticated)' : ''}`);
    lines.push(`  integrity: ${report.files} files, ${report.bytes} bytes, all match MANIFEST.json; content digest ${m.contentDigest}`);
    if (report.sha256) lines.push(`  zip sha256 ${report.sha256}`);
    lines.push(`  ${signatureLine(report.signature)}`);
    lines.push(`  ${report.ledger ? `ledger: matches release ${r.version}, chain of ${count(report.ledger.releases, 'release')} intact` : 'ledger: not checked (pass --content DIR to check it against the release ledger)'}`);
    lines.push(
      a.by === 'signature'
        ? `  authenticity: established by the signature of the key you gave (${a.keyId.slice(0, 16)}…)`
        : a.by === 'ledger'
          ? `  authenticity: established by the release ledger (the zip is the one recorded for release ${a.version})`
          : `  authenticity: NOT established: ${a.reason}`,
    );
    const facts = a.by === 'none' ? 'claimed, unauthenticated' : 'authenticated';
    lines.push(`  release facts (${facts}):`);
    lines.push(`    release ${r.version} (#${r.sequence}) of ${r.organisation}, ${r.date.slice(0, 10)}, commit ${r.commit.slice(0, 12)}, approved by ${r.approver}`);
    lines.push(`    audit: ${count(r.audit.errors, 'error')}, ${count(r.audit.warnings, 'warning')} (${r.audit.engine})${r.audit.allowedFindings ? `; released with findings: "${r.audit.allowedFindings}"` : ''}`);
    if (r.dirty) lines.push(`    built from a tree with ${count(r.dirty.files.length, 'uncommitted change')} (--allow-dirty): ${r.dirty.files.join(', ')}`);
    // Consistency with the bundle's own reports, not proof of origin: a re-packer can edit those too.
    if (report.crossChecked.length) lines.push(`  consistent with the bundle's own reports: ${report.crossChecked.join('; ')}`);
    return lines.join('\n');
  }
  lines.push(`FAILED ${label}`);
  if (report.fatal) lines.push(`  ${report.fatal}`);
  const order = ['unsafe', 'manifest', 'signature', 'changed', 'added', 'missing', 'ledger'];
  const issues = [...report.issues].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || (a.path ?? '').localeCompare(b.path ?? ''));
  for (const i of issues) lines.push(`  ${`${i.kind}:`.padEnd(10)} ${i.path ? `${i.path}: ` : ''}${i.message}`);
  if (report.fatal) return lines.join('\n');
  if (report.signature.state !== 'invalid') lines.push(`  ${signatureLine(report.signature)}`);
  const n = issues.length;
  lines.push(`${n} problem${n === 1 ? '' : 's'}: the bundle is not the one that was released.`);
  return lines.join('\n');
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function signatureLine(s: SignatureStatus): string {
  if (s.state === 'unsigned') return 'signature: none (the bundle is not signed)';
  if (s.state === 'invalid') return `signature: INVALID (${s.message})`;
  return s.trusted ? `signature: valid, ed25519 key ${s.keyId}` : `signature: valid for the key recorded in the manifest (${s.keyId}); pass --public-key to confirm who signed`;
}

/**
 * Extracts a bundle's files into `dest` (created; must not exist), checking each against
 * MANIFEST.json as it is written. Written to a temp folder first: on any mismatch nothing is left.
 */
export async function extractBundle(file: string, dest: string): Promise<Manifest> {
  const bundle = await openBundle(file);
  const tmp = tempSibling(dest, 'extract');
  try {
    if (bundle.issues.length) throw new BundleError(`${path.basename(file)}: ${bundle.issues[0]!.path}: ${bundle.issues[0]!.message}`);
    const manifestBytes = await readSmallEntry(bundle, bundle.manifest);
    const manifest = manifestSchema().parse(JSON.parse(manifestBytes.toString('utf8')));
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    const prefix = `${bundle.root}/`;
    mkdirSync(tmp, { recursive: true });
    for (const [name, be] of bundle.entries) {
      if (be.dir) continue;
      const rel = name.slice(prefix.length);
      const want = listed.get(rel);
      if (!want && rel !== MANIFEST && rel !== SIGNATURE) throw new BundleError(`${path.basename(file)}: ${rel} is not listed in MANIFEST.json`);
      const target = path.join(tmp, ...rel.split('/'));
      if (!target.startsWith(tmp + path.sep)) throw new BundleError(`${rel} escapes the folder`);
      mkdirSync(path.dirname(target), { recursive: true });
      const fd = openSync(target, 'wx', 0o644);
      try {
        const got = await digestEntry(bundle, be, (chunk) => void writeSync(fd, chunk));
        if (want && got.sha256 !== want.sha256) throw new BundleError(`${path.basename(file)}: ${rel} does not match MANIFEST.json`);
      } finally {
        closeSync(fd);
      }
    }
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(path.dirname(dest), { recursive: true });
    renameSync(tmp, dest);
    return manifest;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  } finally {
    bundle.close();
  }
}

/** Reads one file of a bundle (after checking it against the manifest), e.g. data/model.json. */
export async function readBundleFile(file: string, rel: string): Promise<Buffer | undefined> {
  const bundle = await openBundle(file);
  try {
    const be = bundle.entries.get(`${bundle.root}/${rel}`);
    if (!be) return undefined;
    const manifest = manifestSchema().parse(JSON.parse((await readSmallEntry(bundle, bundle.manifest)).toString('utf8')));
    const want = manifest.files.find((f) => f.path === rel);
    const data = await readSmallEntry(bundle, be);
    if (!want || createHash('sha256').update(data).digest('hex') !== want.sha256) throw new BundleError(`${path.basename(file)}: ${rel} does not match MANIFEST.json`);
    return data;
  } finally {
    bundle.close();
  }
}
