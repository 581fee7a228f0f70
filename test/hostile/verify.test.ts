import { createPrivateKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordDigest, recordYaml } from '../../src/release/ledger.ts';
import { packBundle, type Packed } from '../../src/release/pack.ts';
import { generateKeyPair } from '../../src/release/sign.ts';
import type { ReleaseInfo } from '../../src/schemas/release.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { TMP } from '../helpers/paths.ts';
import { readEntries, writeRawZip } from '../release/helpers.ts';

/**
 * What `verify` may claim. Integrity (files match MANIFEST.json) is always checked; the release
 * facts in MANIFEST.json are authentic only with a trusted signature or a matching ledger record,
 * and are printed as "claimed, unauthenticated" otherwise. Facts the bundle can check against
 * itself (the audit counts against data/audit.json) are cross-checked. Bundles are packed by hand.
 */
const INFO: ReleaseInfo = {
  version: '3.0.0',
  sequence: 1,
  date: '2026-07-15T09:00:00Z',
  commit: 'b'.repeat(40),
  approver: 'Ada Lovelace (CTO)',
  organisation: 'Verify Test Co',
  asOf: '2026-07-15',
  proofbook: '0.1.0',
  audit: { engine: 'self-audit', errors: 2, warnings: 1 },
};
const AUDIT_JSON = `${JSON.stringify({ format: 'proofbook-audit', version: 1, asOf: '2026-07-15', counts: { error: 2, warning: 1, info: 0, waived: 0 } }, null, 2)}\n`;
const MODEL_JSON = `${JSON.stringify({ format: 'proofbook-model/1', asOf: '2026-07-15', config: { organisation: { name: 'Verify Test Co' } } }, null, 2)}\n`;
const FILES: Record<string, string> = { 'index.html': '<!doctype html><title>Home</title>', 'data/audit.json': AUDIT_JSON, 'data/model.json': MODEL_JSON };

let dir: string;
let pub: string;
const bundles: Record<string, string> = {};
let unsignedPacked: Packed;

async function pack(name: string, signed: boolean): Promise<Packed> {
  const pair = generateKeyPair();
  if (signed) writeFileSync(pub, pair.publicKey);
  bundles[name] = path.join(dir, name, `proofbook-${INFO.version}.zip`);
  mkdirSync(path.dirname(bundles[name]!), { recursive: true });
  return packBundle({
    out: bundles[name]!,
    info: INFO,
    previous: null,
    inputs: Object.entries(FILES).map(([p, text]) => ({ path: p, data: Buffer.from(text), size: Buffer.byteLength(text) })),
    mtime: new Date(INFO.date),
    key: signed ? createPrivateKey(pair.privateKey) : undefined,
  });
}

/** A copy of the unsigned bundle with MANIFEST.json edited and the zip written again: the files stay intact. */
async function reZipped(name: string, editManifest: (m: { release: ReleaseInfo }) => void): Promise<string> {
  const { root, files } = await readEntries(bundles.unsigned!);
  const manifest = JSON.parse(files.get('MANIFEST.json')!.toString('utf8')) as { release: ReleaseInfo };
  editManifest(manifest);
  files.set('MANIFEST.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  const out = path.join(dir, `${name}.zip`);
  await writeRawZip(out, root, files);
  return out;
}

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  dir = mkdtempSync(path.join(TMP, 'verify-claims-'));
  pub = path.join(dir, 'signer.pub.pem');
  unsignedPacked = await pack('unsigned', false);
  await pack('signed', true);
  // A ledger that records the unsigned bundle, as `proofbook release` would.
  const { digest: _d, ...base } = { ...INFO, contentDigest: unsignedPacked.manifest.contentDigest, bundle: { file: path.basename(bundles.unsigned!), sha256: unsignedPacked.sha256, size: unsignedPacked.size }, previous: null, digest: '' };
  mkdirSync(path.join(dir, 'content', 'releases'), { recursive: true });
  writeFileSync(path.join(dir, 'content', 'releases', `${INFO.version}.yaml`), recordYaml({ ...base, digest: recordDigest(base) }));
});

interface Case {
  name: string;
  args: () => Promise<string[]>;
  code: number;
  /** Every one of these must be in the output. */
  says: RegExp[];
  /** None of these may be. */
  never?: RegExp[];
}

const CASES: Case[] = [
  {
    name: 'unsigned, no ledger: intact, facts only claimed',
    args: async () => [bundles.unsigned!],
    code: 0,
    says: [/^OK \S+ \(intact, but not authenticated\)/, /integrity: 3 files/, /authenticity: NOT established: the bundle is not signed/, /release facts \(claimed, unauthenticated\):\n\s+release 3\.0\.0 .*approved by Ada Lovelace \(CTO\)/, /audit: 2 errors, 1 warning \(self-audit\)\n/, /consistent with the bundle's own reports: audit counts match data\/audit\.json; organisation and as-of date match data\/model\.json/],
    never: [/release facts \(authenticated\)/],
  },
  {
    name: 'approver edited and re-zipped: still only a claim, shown as such',
    args: async () => [await reZipped('approver', (m) => (m.release.approver = 'Mallory (CEO)'))],
    code: 0,
    says: [/release facts \(claimed, unauthenticated\):\n\s+.*approved by Mallory \(CEO\)/, /authenticity: NOT established/],
    never: [/release facts \(authenticated\)/],
  },
  {
    name: 'audit counts edited to 0 errors: fails against the bundled audit report',
    args: async () => [await reZipped('counts', (m) => (m.release.audit.errors = 0))],
    code: 1,
    says: [/^FAILED /, /MANIFEST\.json claims the audit found 0 errors and 1 warning, but the bundled data\/audit\.json says 2 errors and 1 warning: the release facts were edited/],
    never: [/^OK /m],
  },
  {
    name: 'warnings edited: fails too',
    args: async () => [await reZipped('warnings', (m) => (m.release.audit.warnings = 7))],
    code: 1,
    says: [/claims the audit found 2 errors and 7 warnings/],
  },
  {
    name: 'organisation edited: fails against the bundled model',
    args: async () => [await reZipped('org', (m) => (m.release.organisation = 'Trusted Bank plc'))],
    code: 1,
    says: [/MANIFEST\.json claims the organisation "Trusted Bank plc", but the bundled data\/model\.json says "Verify Test Co"/],
  },
  {
    name: 'as-of date edited: fails against both bundled reports',
    args: async () => [await reZipped('asof', (m) => (m.release.asOf = '2026-12-31'))],
    code: 1,
    says: [/claims the as-of date 2026-12-31, but the bundled data\/audit\.json says 2026-07-15/, /claims the as-of date 2026-12-31, but the bundled data\/model\.json says 2026-07-15/],
  },
  {
    name: 'signed, checked with the trusted key: authenticated',
    args: async () => [bundles.signed!, '--public-key', pub],
    code: 0,
    says: [/^OK \S+\n/, /authenticity: established by the signature of the key you gave/, /release facts \(authenticated\):/],
  },
  {
    name: 'signed, only the key inside the bundle: not authenticated',
    args: async () => [bundles.signed!],
    code: 0,
    says: [/authenticity: NOT established: the signature is valid for the key recorded in the bundle itself/, /release facts \(claimed, unauthenticated\)/],
  },
  {
    name: 'unsigned, matching ledger record via --content: authenticated by the ledger',
    args: async () => [bundles.unsigned!, '--content', path.join(dir, 'content')],
    code: 0,
    says: [/ledger: matches release 3\.0\.0/, /authenticity: established by the release ledger/, /release facts \(authenticated\):/],
  },
  {
    name: 'edited approver against the ledger: fails',
    args: async () => [await reZipped('ledger-approver', (m) => (m.release.approver = 'Mallory (CEO)')), '--content', path.join(dir, 'content')],
    code: 1,
    says: [/^FAILED /, /ledger: +the zip's sha256 is [0-9a-f]{64}, but release 3\.0\.0 recorded/],
  },
];

describe.concurrent('verify says what it established', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await runCliAsync(['verify', ...(await c.args())]);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(r.code, r.stdout + r.stderr).toBe(c.code);
      for (const s of c.says) expect(r.stdout).toMatch(s);
      for (const n of c.never ?? []) expect(r.stdout).not.toMatch(n);
    });
  }
});
