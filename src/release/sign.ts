import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sha256 } from './digest.ts';

/**
 * ed25519 signatures of MANIFEST.json with node:crypto. Keys are PEM files: PKCS#8 for the
 * private key, SPKI for the public one. A key is named by its id: sha256 of its SPKI DER.
 */
export interface KeyPairPem {
  privateKey: string;
  publicKey: string;
  keyId: string;
}

export function generateKeyPair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyId(publicKey),
  };
}

export function keyId(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' }));
}

export function publicKeyBase64(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Loads a private signing key; the error is a sentence for the user. */
export function loadPrivateKey(file: string): KeyObject | { error: string } {
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch {
    return { error: `cannot read the signing key ${file}` };
  }
  try {
    const key = createPrivateKey(text);
    if (key.asymmetricKeyType !== 'ed25519') return { error: `${file} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key; Proofbook signs with ed25519 keys (make one with: npx proofbook keygen)` };
    return key;
  } catch {
    return { error: `${file} is not a PEM private key (make one with: npx proofbook keygen)` };
  }
}

/** Loads a public key (a private key file works too: its public half is used). */
export function loadPublicKey(file: string): KeyObject | { error: string } {
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch {
    return { error: `cannot read the public key ${file}` };
  }
  try {
    const key = createPublicKey(text);
    if (key.asymmetricKeyType !== 'ed25519') return { error: `${file} is a ${key.asymmetricKeyType ?? 'non-asymmetric'} key, not an ed25519 public key` };
    return key;
  } catch {
    return { error: `${file} is not a PEM public key` };
  }
}

export function publicKeyFromBase64(der: string): KeyObject | undefined {
  try {
    const key = createPublicKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** ed25519 signature of `data` (64 bytes; ed25519 is deterministic, so re-signing gives the same bytes). */
export function signBytes(privateKey: KeyObject, data: Uint8Array): Buffer {
  return sign(null, data, privateKey);
}

export function verifyBytes(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}
