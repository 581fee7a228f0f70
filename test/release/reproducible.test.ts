import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { sha256FileSync } from '../../src/release/digest.ts';
import { releaseOutcomes, SIGNED, SIGNED_AGAIN, SIGNED_CLONE } from './fixtures.ts';
import { git } from './helpers.ts';

/**
 * A release is byte-reproducible: the commit the global setup released as 2026.1 was released
 * again from another clone, into another folder, in another time zone (test/release/
 * fixtures.ts), and the two bundles must be the same bytes.
 */
it('is byte-reproducible: the same commit released from another clone into another folder has the same sha256', () => {
  const { signed, signedCommit, again } = releaseOutcomes();
  expect(signed.code, signed.stderr + signed.stdout).toBe(0);
  expect(again, 'the second release did not run').toBeDefined();
  expect(again!.code, again!.stderr + again!.stdout).toBe(0);
  expect(git(SIGNED_CLONE, ['rev-parse', 'HEAD'])).toBe(signedCommit);
  const bundle = path.join(SIGNED.root, 'releases', 'proofbook-2026.1.zip');
  expect(SIGNED_AGAIN).not.toBe(bundle);
  expect(sha256FileSync(SIGNED_AGAIN).sha256).toBe(sha256FileSync(bundle).sha256);
  expect(readFileSync(SIGNED_AGAIN).equals(readFileSync(bundle))).toBe(true);
});
