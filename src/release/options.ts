import path from 'node:path';
import type { Problem } from '../validation/problem.ts';

export interface ReleaseOptions {
  version: string;
  contentDir: string;
  /** Where bundles are kept (default: releases/ at the repository root). */
  bundleDir?: string;
  /** Who approved the release (default: the commit's author). */
  approver?: string;
  /** Release despite audit errors; the reason is recorded. */
  allowFindings?: string;
  /** Release from a tree with uncommitted changes; the changes are recorded. */
  allowDirty?: boolean;
  /** PEM file of the ed25519 private key to sign MANIFEST.json with. */
  signKey?: string;
  /** As-of date (default: the config's asOf, else the commit's day). */
  asOf?: string;
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Progress lines. */
  log?: (line: string) => void;
  /** Also print the PDF binder into the bundle (needs Chromium). */
  pdf?: boolean;
}

/** A release that must not happen, with the reason (and the problems when there are some). Exit code 1. */
export class ReleaseRefused extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ReleaseRefused';
  }
}

/** A path as the user reads it: relative to the cwd when inside it. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : abs;
}
