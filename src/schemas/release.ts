import { z } from 'zod';
import { dateSchema } from './common.ts';

const hex64 = () => z.string().regex(/^[0-9a-f]{64}$/, 'write the sha256 as 64 lowercase hex digits');
const commitId = () => z.string().regex(/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/, 'a full git commit id (40 or 64 hex digits)');
const isoInstant = () => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'an ISO 8601 UTC time such as 2026-03-01T09:30:00Z');
/** A version as file names and URLs can carry it (checked in full by src/release/version.ts). */
const versionText = () => z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'a release version such as 2026.1 or 1.4.0');
/** Paths inside a bundle: relative, forward slashes, no "." or ".." segments. */
const bundlePath = () =>
  z
    .string()
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.includes('\0') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), {
      message: 'a relative path with forward slashes and no "." or ".." segments',
    });

/** What the self-audit said when the release was made. */
export const releaseAuditSchema = () =>
  z
    .object({
      /** Which audit ran: "self-audit" (the full rule set) or "basic" (model and ledger checks only, when the self-audit is not available). */
      engine: z.enum(['self-audit', 'basic']),
      /** Number of error findings. */
      errors: z.number().int().nonnegative(),
      /** Number of warning findings. */
      warnings: z.number().int().nonnegative(),
      /** Why the release went ahead despite errors (`--allow-findings "reason"`); absent when there were none to allow. */
      allowedFindings: z.string().min(1).optional(),
    })
    .strict();

/** Uncommitted changes a release was allowed to include (`--allow-dirty`). */
export const releaseDirtySchema = () =>
  z
    .object({
      /** Paths `git status` reported as changed or untracked, sorted. */
      files: z.array(z.string()),
    })
    .strict();

/** The release facts known before packing: recorded both in MANIFEST.json and in the ledger record. */
export const releaseInfoSchema = () =>
  z
    .object({
      /** Release version as given to `proofbook release` ("2026.1", "1.4.0"). */
      version: versionText(),
      /** Position in the ledger: 1 for the first release, then one more per release. */
      sequence: z.number().int().positive(),
      /** Release time: the committer time of the released commit, ISO 8601 UTC (never the wall clock). */
      date: isoInstant(),
      /** Full id of the git commit the release was built from. */
      commit: commitId(),
      /** Who approved the release (`--approver`; default: the commit's author). */
      approver: z.string().min(1),
      /** The organisation, as named in proofbook.yaml. */
      organisation: z.string().min(1),
      /** The day freshness and coverage in the snapshot are computed for. */
      asOf: dateSchema(),
      /** Version of Proofbook that built the snapshot. */
      proofbook: z.string().min(1),
      /** Self-audit result. */
      audit: releaseAuditSchema(),
      /** Present only when the working tree had uncommitted changes (`--allow-dirty`). */
      dirty: releaseDirtySchema().optional(),
    })
    .strict();

/** The previous release, as the next one links to it. */
export const previousReleaseSchema = () =>
  z
    .object({
      /** Its version. */
      version: versionText(),
      /** Its ledger record's digest. */
      digest: hex64(),
      /** sha256 of its bundle file. */
      bundleSha256: hex64(),
    })
    .strict();

/** A release record: one file per release in content/releases/<version>.yaml, hash-chained to the one before. */
export const releaseRecordSchema = () =>
  releaseInfoSchema()
    .extend({
      /** The bundle's content digest (MANIFEST.json "contentDigest"). */
      contentDigest: hex64(),
      /** The snapshot bundle. */
      bundle: z
        .object({
          /** File name, "proofbook-<version>.zip". */
          file: z.string().regex(/^[^/\\]+\.zip$/, 'a .zip file name without folders'),
          /** sha256 of the whole zip file (what `sha256sum` prints). */
          sha256: hex64(),
          /** Size in bytes. */
          size: z.number().int().nonnegative(),
          /** Where the bundle is kept, relative to the content folder (a location hint: not covered by the digest, so bundles may move). */
          path: z.string().min(1).optional(),
        })
        .strict(),
      /** Signature of MANIFEST.json, when the release was signed (`--sign-key`). */
      signature: z
        .object({
          /** Always "ed25519". */
          algorithm: z.literal('ed25519'),
          /** sha256 of the public key (SPKI DER), hex: which key signed. */
          keyId: hex64(),
        })
        .strict()
        .optional(),
      /** The previous record's digest; null for the first release. */
      previous: hex64().nullable(),
      /** sha256 of this record's canonical JSON without `digest` and `bundle.path`: any edit to a recorded fact breaks it and every later link. */
      digest: hex64(),
    })
    .strict();

/** One file in a bundle. */
export const manifestFileSchema = () =>
  z
    .object({
      /** Path inside the bundle's root folder. */
      path: bundlePath(),
      /** Size in bytes. */
      size: z.number().int().nonnegative(),
      /** sha256 of the file, hex. */
      sha256: hex64(),
    })
    .strict();

export const BUNDLE_FORMAT = 'proofbook-bundle/1';

/** MANIFEST.json at the root of every snapshot bundle. */
export const manifestSchema = () =>
  z
    .object({
      /** Bundle format identifier, "proofbook-bundle/1". */
      format: z.literal(BUNDLE_FORMAT),
      /** The folder every entry of the zip lives in, "proofbook-<version>". */
      root: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/),
      /** Release facts (also in the ledger record). */
      release: releaseInfoSchema(),
      /** The release before this one in the ledger; null for the first. */
      previous: previousReleaseSchema().nullable(),
      /** sha256 over the sorted "<sha256>  <path>\n" lines of every listed file. */
      contentDigest: hex64(),
      /** The signing key, when the bundle is signed: MANIFEST.json.sig holds the ed25519 signature of this file's bytes. */
      signature: z
        .object({
          /** Always "ed25519". */
          algorithm: z.literal('ed25519'),
          /** sha256 of the public key (SPKI DER), hex. */
          keyId: hex64(),
          /** The public key itself, SPKI DER in base64 (check it against the key you trust: --public-key). */
          publicKey: z.string().min(1),
        })
        .strict()
        .optional(),
      /** Every file of the bundle except MANIFEST.json and its signature, sorted by path. */
      files: z.array(manifestFileSchema()),
    })
    .strict();

export type ReleaseAudit = z.infer<ReturnType<typeof releaseAuditSchema>>;
export type ReleaseInfo = z.infer<ReturnType<typeof releaseInfoSchema>>;
export type ReleaseRecord = z.infer<ReturnType<typeof releaseRecordSchema>>;
export type PreviousRelease = z.infer<ReturnType<typeof previousReleaseSchema>>;
export type ManifestFile = z.infer<ReturnType<typeof manifestFileSchema>>;
export type Manifest = z.infer<ReturnType<typeof manifestSchema>>;
