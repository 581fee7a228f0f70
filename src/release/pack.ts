import { createPublicKey, type KeyObject } from 'node:crypto';
import { BUNDLE_FORMAT, type Manifest, type PreviousRelease, type ReleaseInfo } from '../schemas/release.ts';
import { MANIFEST, SIGNATURE } from './bundle.ts';
import { contentDigest } from './digest.ts';
import { keyId, publicKeyBase64, signBytes } from './sign.ts';
import { writeZip, type ZipInput } from './zip.ts';

export interface PackOptions {
  /** Output zip file. */
  out: string;
  info: ReleaseInfo;
  previous: PreviousRelease | null;
  /** Every file of the bundle (paths inside the bundle folder). */
  inputs: ZipInput[];
  /** Timestamp of every entry (the release commit's time). */
  mtime: Date;
  /** ed25519 private key to sign MANIFEST.json with. */
  key?: KeyObject;
}

export interface Packed {
  manifest: Manifest;
  /** MANIFEST.json exactly as stored. */
  manifestBytes: Buffer;
  sha256: string;
  size: number;
}

/** The bundle folder of a release. */
export const bundleRoot = (version: string) => `proofbook-${version}`;

/**
 * Packs a snapshot bundle: the files (hashed while they stream into the zip), then
 * MANIFEST.json listing them, then its signature when a key is given.
 */
export async function packBundle(o: PackOptions): Promise<Packed> {
  const root = bundleRoot(o.info.version);
  const pub = o.key ? (o.key.type === 'public' ? o.key : createPublicKey(o.key)) : undefined;
  let manifest: Manifest | undefined;
  let manifestBytes: Buffer | undefined;
  const zipped = await writeZip({
    out: o.out,
    root,
    inputs: o.inputs,
    mtime: o.mtime,
    trailer: (files) => {
      manifest = {
        format: BUNDLE_FORMAT,
        root,
        release: o.info,
        previous: o.previous,
        contentDigest: contentDigest(files),
        ...(pub ? { signature: { algorithm: 'ed25519' as const, keyId: keyId(pub), publicKey: publicKeyBase64(pub) } } : {}),
        files: files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
      };
      manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      const out = [{ path: MANIFEST, data: manifestBytes }];
      if (o.key) out.push({ path: SIGNATURE, data: Buffer.from(`${signBytes(o.key, manifestBytes).toString('base64')}\n`, 'ascii') });
      return out;
    },
  });
  return { manifest: manifest!, manifestBytes: manifestBytes!, sha256: zipped.sha256, size: zipped.size };
}
