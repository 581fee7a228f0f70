import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { createWriteStream } from 'node:fs';
import { packBundle } from '../../src/release/pack.ts';
import { generateKeyPair } from '../../src/release/sign.ts';
import { verifyBundle, type VerifyReport } from '../../src/release/verify.ts';
import type { ReleaseInfo } from '../../src/schemas/release.ts';
import { runCliAsync } from '../helpers/cli.ts';
import { TMP } from '../helpers/paths.ts';
import { flipByte, readEntries, writeRawZip } from './helpers.ts';

/**
 * Bundles built by hand (no Astro build): a valid one, then every way a hostile or damaged
 * one can differ. verify must name the problem, exit 1, and never print a stack trace.
 */
const INFO: ReleaseInfo = {
  version: '1.0.0',
  sequence: 1,
  date: '2026-07-15T09:00:00Z',
  commit: 'a'.repeat(40),
  approver: 'Ada Lovelace',
  organisation: 'Release Test Co',
  asOf: '2026-07-15',
  proofbook: '0.1.0',
  audit: { engine: 'self-audit', errors: 0, warnings: 0 },
};
const ROOT = 'proofbook-1.0.0';
const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Home</title><a href="policies/index.html">Policies</a>',
  'policies/index.html': '<!doctype html><title>Policies</title><a href="../index.html">Home</a>',
  '_astro/site.css': 'body { font-family: sans-serif; }',
  'artifacts/evidence/files/jobs.log': '2026-06-01 02:00 backup ok\n'.repeat(50),
  'data/model.json': '{"format":"proofbook-model/1"}\n',
};

let dir: string;
let good: string;
let pubKey: string;
let otherPubKey: string;

const issues = (r: VerifyReport) => r.issues.map((i) => `${i.kind} ${i.path ?? ''}: ${i.message}`);

/** A copy of the good bundle with `from` replaced by `to` (same length) everywhere in its bytes. */
function patched(name: string, from: string, to: string, source = good): string {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const bytes = readFileSync(source);
  let at = bytes.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    bytes.write(to, at);
    at = bytes.indexOf(from, at + 1);
  }
  const out = path.join(dir, name);
  writeFileSync(out, bytes);
  return out;
}

async function rawZip(name: string, entries: Array<{ name: string; data: string | Buffer; mode?: number; compress?: boolean }>): Promise<string> {
  const out = path.join(dir, name);
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.name, { compress: e.compress ?? false, mode: e.mode, mtime: new Date(Date.UTC(2026, 0, 1)) });
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const sink = createWriteStream(out);
    sink.on('close', () => resolve());
    sink.on('error', reject);
    zip.outputStream.pipe(sink);
  });
  return out;
}

beforeAll(async () => {
  mkdirSync(TMP, { recursive: true });
  dir = mkdtempSync(path.join(TMP, 'release-hostile-'));
  const pair = generateKeyPair();
  pubKey = path.join(dir, 'signer.pub.pem');
  writeFileSync(pubKey, pair.publicKey);
  otherPubKey = path.join(dir, 'other.pub.pem');
  writeFileSync(otherPubKey, generateKeyPair().publicKey);
  good = path.join(dir, 'proofbook-1.0.0.zip');
  await packBundle({
    out: good,
    info: INFO,
    previous: null,
    inputs: Object.entries(FILES).map(([p, text]) => ({ path: p, data: Buffer.from(text), size: Buffer.byteLength(text) })),
    mtime: new Date(INFO.date),
    key: createPrivateKey(pair.privateKey),
  });
});

describe('a valid bundle', () => {
  it('verifies, with and without the public key', async () => {
    const r = await verifyBundle(good);
    expect(issues(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.signature).toMatchObject({ state: 'valid', trusted: false });
    const cli = await runCliAsync(['verify', good, '--public-key', pubKey]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^OK /);
    expect(cli.stdout).toContain('signature: valid, ed25519 key');
  });
});

describe('tampering', () => {
  it('a flipped byte in any single file fails, naming that file', async () => {
    for (const rel of [...Object.keys(FILES), 'MANIFEST.json', 'MANIFEST.json.sig']) {
      const copy = path.join(dir, `flip-${rel.replace(/\W/g, '_')}.zip`);
      copyFileSync(good, copy);
      await flipByte(copy, rel);
      const r = await verifyBundle(copy);
      expect(r.ok, rel).toBe(false);
      const text = [r.fatal ?? '', ...issues(r)].join('\n');
      expect(text, rel).toContain(rel.startsWith('MANIFEST') ? 'MANIFEST.json' : rel);
      if (!rel.startsWith('MANIFEST')) expect(r.issues.some((i) => i.kind === 'changed' && i.path === rel), rel).toBe(true);
    }
  });

  it('an added or a removed file fails, naming it', async () => {
    const { root, files } = await readEntries(good);
    const added = new Map(files).set('policies/extra.html', Buffer.from('<p>added later</p>'));
    await writeRawZip(path.join(dir, 'added.zip'), root, added);
    const a = await verifyBundle(path.join(dir, 'added.zip'));
    expect(issues(a)).toEqual([expect.stringMatching(/^added policies\/extra\.html: not listed in MANIFEST\.json/)]);

    const removed = new Map(files);
    removed.delete('artifacts/evidence/files/jobs.log');
    await writeRawZip(path.join(dir, 'removed.zip'), root, removed);
    const r = await verifyBundle(path.join(dir, 'removed.zip'));
    expect(issues(r)).toEqual([expect.stringMatching(/^missing artifacts\/evidence\/files\/jobs\.log: listed in MANIFEST\.json but not in the zip/)]);
  });

  it('a signature from another key, or no signature, fails when the key is required', async () => {
    const { loadPublicKey } = await import('../../src/release/sign.ts');
    const other = loadPublicKey(otherPubKey);
    if ('error' in other) throw new Error(other.error);
    const r = await verifyBundle(good, { publicKey: other });
    expect(r.ok).toBe(false);
    expect(r.signature).toMatchObject({ state: 'invalid', message: expect.stringContaining('not with the given public key') });

    const { root, files } = await readEntries(good);
    const unsigned = new Map(files);
    unsigned.delete('MANIFEST.json.sig');
    await writeRawZip(path.join(dir, 'unsigned.zip'), root, unsigned);
    const u = await verifyBundle(path.join(dir, 'unsigned.zip'));
    expect(u.signature).toMatchObject({ state: 'invalid', message: expect.stringContaining('MANIFEST.json.sig is missing') });

    const resigned = new Map(files).set('MANIFEST.json.sig', Buffer.from(`${Buffer.alloc(64, 7).toString('base64')}\n`));
    await writeRawZip(path.join(dir, 'resigned.zip'), root, resigned);
    const s = await verifyBundle(path.join(dir, 'resigned.zip'));
    expect(issues(s)).toEqual([expect.stringMatching(/^signature MANIFEST\.json\.sig: the signature does not match MANIFEST\.json/)]);
  });

  it('an edited manifest (a tampered file with its hash updated) fails on the signature and the content digest', async () => {
    const { root, files } = await readEntries(good);
    const manifest = JSON.parse(files.get('MANIFEST.json')!.toString());
    const evil = Buffer.from('tampered');
    const entry = manifest.files.find((f: { path: string }) => f.path === 'data/model.json');
    entry.size = evil.length;
    entry.sha256 = (await import('node:crypto')).createHash('sha256').update(evil).digest('hex');
    const edited = new Map(files).set('data/model.json', evil).set('MANIFEST.json', Buffer.from(JSON.stringify(manifest, null, 2)));
    await writeRawZip(path.join(dir, 'edited.zip'), root, edited);
    const r = await verifyBundle(path.join(dir, 'edited.zip'));
    expect(issues(r).join('\n')).toMatch(/signature MANIFEST\.json\.sig: the signature does not match/);
    expect(issues(r).join('\n')).toMatch(/the content digest does not match the file list/);
  });
});

describe('hostile zips', () => {
  it('zip-slip: an entry with ".." is refused by name', async () => {
    const { root, files } = await readEntries(good);
    await writeRawZip(path.join(dir, 'slip-src.zip'), root, new Map(files).set('xx/evil.sh', Buffer.from('rm -rf ~')));
    const r = await verifyBundle(patched('slip.zip', `${ROOT}/xx/evil.sh`, `${ROOT}/../evil.sh`, path.join(dir, 'slip-src.zip')));
    expect(issues(r)).toContainEqual(expect.stringMatching(/^unsafe proofbook-1\.0\.0\/\.\.\/evil\.sh: the name contains "\.\." \(zip-slip/));
    expect(r.ok).toBe(false);
  });

  it('an absolute path is refused', async () => {
    const { root, files } = await readEntries(good);
    const src = await rawZip('abs-src.zip', [...[...files].map(([n, d]) => ({ name: `${root}/${n}`, data: d })), { name: 'Xtmp/pwned.txt', data: 'x' }]);
    const r = await verifyBundle(patched('abs.zip', 'Xtmp/pwned.txt', '/tmp/pwned.txt', src));
    expect([r.fatal, ...issues(r)].join('\n')).toMatch(/\/tmp\/pwned\.txt: the name is an absolute path/);
  });

  it('duplicate names, exact or by case, are refused', async () => {
    const { root, files } = await readEntries(good);
    await writeRawZip(path.join(dir, 'dup-src.zip'), root, new Map(files).set('indeX.html', Buffer.from('<p>shadow</p>')));
    const exact = await verifyBundle(patched('dup.zip', `${ROOT}/indeX.html`, `${ROOT}/index.html`, path.join(dir, 'dup-src.zip')));
    expect(issues(exact)).toContainEqual(expect.stringMatching(/index\.html: the name appears twice in the zip/));
    const byCase = await verifyBundle(path.join(dir, 'dup-src.zip'));
    expect(issues(byCase)).toContainEqual(expect.stringMatching(/indeX\.html: the name differs from ".*index\.html" only by case/));
  });

  it('an absurd declared size (zip bomb) is refused before anything is inflated', async () => {
    const { root, files } = await readEntries(good);
    const src = await rawZip('bomb-src.zip', [
      ...[...files].map(([n, d]) => ({ name: `${root}/${n}`, data: d })),
      { name: `${ROOT}/bomb.bin`, data: Buffer.alloc(100_000), compress: true },
    ]);
    // Declare 4 GB for the 100 KB of zeros in the central directory.
    const bytes = readFileSync(src);
    const name = Buffer.from(`${ROOT}/bomb.bin`);
    const central = bytes.lastIndexOf(name) - 46;
    expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
    bytes.writeUInt32LE(0xfffffff0, central + 24);
    writeFileSync(path.join(dir, 'bomb.zip'), bytes);
    const r = await verifyBundle(path.join(dir, 'bomb.zip'));
    expect(issues(r)).toContainEqual(expect.stringMatching(/bomb\.bin: the entry would inflate \d+ bytes to 4294967280 \(a zip bomb\)/));
  });

  it('a symbolic link entry is refused', async () => {
    const { root, files } = await readEntries(good);
    const src = await rawZip('link.zip', [...[...files].map(([n, d]) => ({ name: `${root}/${n}`, data: d })), { name: `${root}/link`, data: '/etc/passwd', mode: 0o120777 }]);
    expect(issues(await verifyBundle(src))).toContainEqual(expect.stringMatching(/^unsafe proofbook-1\.0\.0\/link: the entry is a symbolic link/));
  });

  it('an entry outside the bundle folder is reported as added', async () => {
    const { root, files } = await readEntries(good);
    const src = await rawZip('outside.zip', [...[...files].map(([n, d]) => ({ name: `${root}/${n}`, data: d })), { name: 'other/readme.txt', data: 'hi' }]);
    expect(issues(await verifyBundle(src))).toEqual([expect.stringMatching(/^added other\/readme\.txt: the entry is outside the bundle folder proofbook-1\.0\.0\//)]);
  });

  it('no manifest, a damaged manifest, a truncated zip or not a zip at all: one clear error', async () => {
    const noManifest = await rawZip('nomanifest.zip', [...Object.entries(FILES).map(([n, d]) => ({ name: `${ROOT}/${n}`, data: d })), { name: 'Xevil.txt', data: 'x' }]);
    const nm = await verifyBundle(patched('nomanifest-abs.zip', 'Xevil.txt', '/evil.txt', noManifest));
    expect(nm.fatal).toMatch(/^MANIFEST\.json is missing/);
    expect(issues(nm)).toEqual([expect.stringMatching(/^unsafe \/evil\.txt: the name is an absolute path/)]);

    const { root, files } = await readEntries(good);
    await writeRawZip(path.join(dir, 'badjson.zip'), root, new Map(files).set('MANIFEST.json', Buffer.from('{ not json')));
    expect((await verifyBundle(path.join(dir, 'badjson.zip'))).fatal).toMatch(/MANIFEST\.json is not valid JSON/);
    await writeRawZip(path.join(dir, 'badschema.zip'), root, new Map(files).set('MANIFEST.json', Buffer.from('{"format":"something-else"}')));
    expect((await verifyBundle(path.join(dir, 'badschema.zip'))).fatal).toMatch(/MANIFEST\.json is not a Proofbook manifest: format/);

    const bytes = readFileSync(good);
    writeFileSync(path.join(dir, 'truncated.zip'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await verifyBundle(path.join(dir, 'truncated.zip'))).fatal).toMatch(/not a readable zip file/);
    writeFileSync(path.join(dir, 'noise.zip'), Buffer.from('PK\x03\x04 this is not really a zip'));
    expect((await verifyBundle(path.join(dir, 'noise.zip'))).fatal).toMatch(/not a readable zip file/);
  });
});

describe('verify exit codes', () => {
  it('0 when intact, 1 when not, 2 on bad usage; never a stack trace', async () => {
    // Independent commands, run side by side.
    const bads = ['flip-data_model_json.zip', 'noise.zip', 'nomanifest.zip', 'bomb.zip'];
    const usage = [['verify'], ['verify', path.join(dir, 'nope.zip')], ['verify', good, '--public-key', path.join(dir, 'nope.pem')], ['verify', good, '--bogus']];
    const [ok, failed, misused] = await Promise.all([
      runCliAsync(['verify', good]),
      Promise.all(bads.map((bad) => runCliAsync(['verify', path.join(dir, bad)]))),
      Promise.all(usage.map((args) => runCliAsync(args))),
    ]);
    expect(ok.code).toBe(0);
    bads.forEach((bad, i) => {
      const r = failed[i]!;
      expect(r.code, bad).toBe(1);
      expect(r.stdout, bad).toMatch(/^FAILED /);
      expect(r.stderr + r.stdout, bad).not.toMatch(/\n\s+at /);
    });
    expect(failed[0]!.stdout).toMatch(/changed: +data\/model\.json: its sha256 is/);
    usage.forEach((args, i) => {
      const r = misused[i]!;
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^proofbook verify: /);
    });
  });
});
