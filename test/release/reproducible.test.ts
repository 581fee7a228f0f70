import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { sha256FileSync } from '../../src/release/digest.ts';
import { releaseOutcomes, SIGNED, SIGNED_ARGS } from './fixtures.ts';
import { git, runCliAsync } from './helpers.ts';

/**
 * A release is byte-reproducible: the commit the global setup released as 2026.1
 * (test/release/fixtures.ts), released again from another clone, into another folder, in
 * another time zone, gives the same bytes. Its own file, as it is a whole second release.
 */
it('is byte-reproducible: the same commit released from another clone into another folder has the same sha256', async () => {
  const { signed, signedCommit } = releaseOutcomes();
  expect(signed.code, signed.stderr + signed.stdout).toBe(0);
  const bundle = path.join(SIGNED.root, 'releases', 'proofbook-2026.1.zip');
  const clone = `${SIGNED.root}-clone`;
  git(path.dirname(SIGNED.root), ['clone', '-q', SIGNED.root, clone]);
  expect(git(clone, ['rev-parse', 'HEAD'])).toBe(signedCommit);
  const r = await runCliAsync(['release', '2026.1', '--content', path.join(clone, 'content'), '--bundle-dir', path.join(clone, 'elsewhere'), ...SIGNED_ARGS], { env: { TZ: 'Pacific/Auckland' } });
  expect(r.code, r.stderr).toBe(0);
  const again = path.join(clone, 'elsewhere', 'proofbook-2026.1.zip');
  expect(sha256FileSync(again).sha256).toBe(sha256FileSync(bundle).sha256);
  expect(readFileSync(again).equals(readFileSync(bundle))).toBe(true);
});
