import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundleLocation, loadLedger, type Ledger } from '../../release/ledger.ts';
import { displayPath } from '../../release/options.ts';
import { loadPublicKey } from '../../release/sign.ts';
import { formatReport, verifyBundle } from '../../release/verify.ts';
import { UsageError, type Command } from '../command.ts';
import type { KeyObject } from 'node:crypto';

export const verify: Command = {
  name: 'verify',
  summary:
    'Check a release bundle and say what that proves. Integrity: every file against MANIFEST.json (changed, added, removed), always. Authenticity of the release facts (approver, audit counts…): only with a valid signature by --public-key, or a matching record in the release ledger of --content; otherwise they are printed as claimed, unauthenticated. Audit counts are cross-checked against the bundled audit report. Exit 0 when intact, 1 when not, 2 on bad usage.',
  usage: 'verify BUNDLE.zip... [--public-key KEY.pem] [--content DIR] | verify --all [--content DIR] [--bundle-dir DIR]',
  help: [
    '--public-key KEY.pem  require a valid signature by this ed25519 key',
    '--content DIR         also check the bundle against the release ledger in DIR/releases/ (recorded sha256, chain)',
    '--all                 check the whole ledger of --content (default ./content) and every stored bundle',
    '--bundle-dir DIR      with --all: where the bundles are (default: where each record says)',
  ],
  options: {
    'public-key': { type: 'string' },
    content: { type: 'string' },
    all: { type: 'boolean', default: false },
    'bundle-dir': { type: 'string' },
  },
  positionals: true,
  async run(values, bundles) {
    const all = values.all === true;
    if (!all && !bundles.length) throw new UsageError('name the bundle to check, e.g. proofbook verify releases/proofbook-2026.1.zip (or --all)');
    if (all && bundles.length) throw new UsageError('give either bundle files or --all, not both');
    if (values['bundle-dir'] !== undefined && !all) throw new UsageError('--bundle-dir only applies with --all');
    for (const b of bundles) if (!existsSync(b) || !statSync(b).isFile()) throw new UsageError(`no such file: ${b}`);
    let publicKey: KeyObject | undefined;
    if (values['public-key'] !== undefined) {
      const k = loadPublicKey(String(values['public-key']));
      if ('error' in k) throw new UsageError(k.error);
      publicKey = k;
    }
    const contentArg = values.content === undefined ? (all ? 'content' : undefined) : String(values.content);
    let ledger: Ledger | undefined;
    if (contentArg !== undefined) {
      if (!existsSync(contentArg) || !statSync(contentArg).isDirectory()) throw new UsageError(`no such content folder: ${contentArg}`);
      ledger = loadLedger(path.resolve(contentArg));
    }

    let failed = 0;
    const targets: Array<{ file: string; label: string }> = bundles.map((b) => ({ file: b, label: b }));
    if (all) {
      const root = path.resolve(contentArg!);
      if (!ledger!.records.length && !ledger!.problems.length) {
        process.stdout.write(`No releases in ${displayPath(path.join(root, 'releases'))}/ yet.\n`);
        return 0;
      }
      for (const p of ledger!.problems) {
        process.stdout.write(`FAILED ledger ${displayPath(path.join(root, p.file))}: ${p.message}\n`);
        failed++;
      }
      const dir = values['bundle-dir'] === undefined ? undefined : String(values['bundle-dir']);
      for (const r of ledger!.records) {
        const file = bundleLocation(root, r, dir);
        if (!existsSync(file)) {
          process.stdout.write(`FAILED ${displayPath(file)}\n  missing: the bundle of release ${r.version} is not there${dir ? '' : ' (pass --bundle-dir if bundles are kept elsewhere)'}\n`);
          failed++;
          continue;
        }
        targets.push({ file, label: displayPath(file) });
      }
    }
    for (const t of targets) {
      const report = await verifyBundle(t.file, { publicKey, ledger });
      process.stdout.write(`${formatReport(report, t.label)}\n`);
      if (!report.ok) failed++;
    }
    if (targets.length + (all ? 1 : 0) > 1) process.stdout.write(failed ? `\n${failed} check${failed === 1 ? '' : 's'} failed.\n` : `\nAll ${targets.length} bundle${targets.length === 1 ? '' : 's'} verified${ledger ? ', ledger chain intact' : ''}.\n`);
    return failed ? 1 : 0;
  },
};
