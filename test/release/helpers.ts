import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { createWriteStream } from 'node:fs';
import { openBundle, readSmallEntry } from '../../src/release/bundle.ts';
import { recordDigest } from '../../src/release/ledger.ts';
import type { ReleaseRecord } from '../../src/schemas/release.ts';
import { FIXTURES, TMP } from '../helpers/paths.ts';

/** The release tests' program (two policies, an image, one artifact). */
export const RELEASE_FIXTURE = path.join(FIXTURES, 'release');

const GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_SYSTEM: '/dev/null',
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
};

/** Runs git in `cwd`; `date` fixes both author and committer dates so commits are reproducible. */
export function git(cwd: string, args: string[], options: { date?: string; author?: string } = {}): string {
  const env: Record<string, string> = { ...process.env, ...GIT_ENV } as Record<string, string>;
  if (options.date) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = options.date;
  if (options.author) env.GIT_AUTHOR_NAME = options.author;
  const r = spawnSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A fresh git repository holding a copy of the fixture as content/, committed at `date`. */
export function gitRepo(label: string, date = '2026-07-15T09:00:00Z'): { root: string; content: string } {
  mkdirSync(TMP, { recursive: true });
  return gitRepoAt(mkdtempSync(path.join(TMP, `${label}-`)), date);
}

/** The same, in the folder `root` (made when missing). */
export function gitRepoAt(root: string, date = '2026-07-15T09:00:00Z'): { root: string; content: string } {
  const content = path.join(root, 'content');
  mkdirSync(root, { recursive: true });
  cpSync(RELEASE_FIXTURE, content, { recursive: true });
  git(root, ['init', '-q']);
  git(root, ['add', '-A']);
  git(root, ['commit', '-qm', 'Program as of July'], { date });
  return { root, content };
}

export function commitAll(root: string, message: string, date: string, author?: string): string {
  git(root, ['add', '-A']);
  git(root, ['commit', '-qm', message], { date, author });
  return git(root, ['rev-parse', 'HEAD']);
}

/** Byte offset and length of an entry's stored data (bundles are not compressed). */
export async function entryData(zip: string, rel: string): Promise<{ offset: number; size: number }> {
  const b = await openBundle(zip);
  try {
    const be = b.entries.get(`${b.root}/${rel}`);
    if (!be) throw new Error(`no entry ${rel} in ${zip}`);
    const offset = await new Promise<number>((resolve, reject) =>
      b.zip.readLocalFileHeader(be.entry, { minimal: true }, (err, h) => (err ? reject(err) : resolve(h.fileDataStart))),
    );
    return { offset, size: be.entry.compressedSize };
  } finally {
    b.close();
  }
}

/** Flips one byte in the middle of an entry's data, in place. */
export async function flipByte(zip: string, rel: string): Promise<void> {
  const { offset, size } = await entryData(zip, rel);
  const at = offset + Math.floor(size / 2);
  const fd = openSync(zip, 'r+');
  try {
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, at);
    // Keep text text: flip a low bit, so a base64 or JSON character stays printable.
    buf[0] = buf[0]! ^ 0x01;
    writeSync(fd, buf, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}

/** Every file entry of a bundle: name (inside the bundle folder) and bytes. */
export async function readEntries(zip: string): Promise<{ root: string; files: Map<string, Buffer> }> {
  const b = await openBundle(zip);
  try {
    const files = new Map<string, Buffer>();
    for (const [name, be] of b.entries) if (!be.dir) files.set(name.slice(b.root.length + 1), await readSmallEntry(b, be, 1 << 30));
    return { root: b.root, files };
  } finally {
    b.close();
  }
}

/** Writes a zip of `files` under `root/` (a plain yazl zip, e.g. a tampered copy of a bundle). */
export function writeRawZip(out: string, root: string, files: Map<string, Buffer>): Promise<void> {
  const zip = new ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, root ? `${root}/${name}` : name, { compress: false, mtime: new Date(Date.UTC(2026, 0, 1)) });
  zip.end();
  return new Promise((resolve, reject) => {
    const sink = createWriteStream(out);
    sink.on('close', () => resolve());
    sink.on('error', reject);
    zip.outputStream.pipe(sink);
  });
}

/** Releases and builds run without blocking the test worker (see test/helpers/cli.ts). */
export { runCliAsync } from '../helpers/cli.ts';

/** A release record with made-up hashes and a correct digest, for ledger tests that need no real bundle. */
export function ledgerRecord(version: string, sequence: number, previous: string | null): ReleaseRecord {
  const r = {
    version,
    sequence,
    date: '2026-07-15T09:00:00Z',
    commit: 'a'.repeat(40),
    approver: 'Ada Lovelace',
    organisation: 'Release Test Co',
    asOf: '2026-07-15',
    proofbook: '0.1.0',
    audit: { engine: 'self-audit' as const, errors: 0, warnings: 1 },
    contentDigest: 'c'.repeat(64),
    bundle: { file: `proofbook-${version}.zip`, sha256: 'd'.repeat(64), size: 10, path: `../releases/proofbook-${version}.zip` },
    previous,
  };
  return { ...r, digest: recordDigest(r) };
}
