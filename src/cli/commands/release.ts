import { displayPath } from '../../release/options.ts';
import { isVersion, parseVersion } from '../../release/version.ts';
import { CHROMIUM_INSTALL_HINT, hasChromium } from '../../export/pdf/chromium.ts';
import { UsageError, type Command } from '../command.ts';
import { asOfOption } from '../shared.ts';

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const release: Command = {
  name: 'release',
  summary:
    'Make a release: run the self-audit, build the auditor edition, and write a reproducible snapshot bundle plus a hash-chained release record. Never overwrites a release.',
  usage: 'release VERSION [--content DIR] [--bundle-dir DIR] [--approver NAME] [--sign-key KEY.pem] [--allow-findings REASON] [--allow-dirty] [--as-of DATE] [--pdf] [--verbose]',
  help: [
    'VERSION                 calendar (2026.1, 2026.1.2) or semantic (1.4.0, 2.0.0-rc.1) version',
    '--content DIR           content folder to release (default: ./content); the record goes to DIR/releases/',
    '--bundle-dir DIR        where to write the bundle (default: releases/ at the repository root)',
    '--approver NAME         who approved the release (default: the author of the released commit)',
    '--sign-key KEY.pem      sign MANIFEST.json with this ed25519 private key (npx proofbook keygen makes one)',
    '--allow-findings REASON release even though the self-audit reports errors; the reason is recorded',
    '--allow-dirty           release from a tree with uncommitted changes; the changed files are recorded',
    '--as-of DATE            date for freshness and coverage, YYYY-MM-DD (default: config asOf, else the commit day)',
    "--verbose               show Astro's build log",
    '--pdf                   also print the PDF binder into the bundle (exports/binder.pdf; needs Chromium)',
  ],
  options: {
    content: { type: 'string', default: 'content' },
    'bundle-dir': { type: 'string' },
    approver: { type: 'string' },
    'sign-key': { type: 'string' },
    'allow-findings': { type: 'string' },
    'allow-dirty': { type: 'boolean', default: false },
    'as-of': { type: 'string' },
    verbose: { type: 'boolean', default: false },
    pdf: { type: 'boolean', default: false },
  },
  positionals: true,
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one version, got ${positionals.length} arguments` : 'name the version to release, e.g. proofbook release 2026.1');
    const version = parseVersion(positionals[0]!);
    if (!isVersion(version)) throw new UsageError(version.error);
    const allowFindings = values['allow-findings'];
    if (allowFindings !== undefined && !String(allowFindings).trim()) throw new UsageError('--allow-findings needs a reason, e.g. --allow-findings "restore drill rescheduled to 2026-04 (CAB-123)"');
    const asOf = asOfOption(values['as-of']);
    if (values.pdf === true && !hasChromium()) {
      process.stderr.write(`✗ ${CHROMIUM_INSTALL_HINT}\n`);
      return 1;
    }
    const started = performance.now();
    // A refused release is rendered by the CLI's one error renderer (src/cli/errors.ts).
    // Loaded when used: a release builds a site and may render a PDF.
    const { createRelease } = await import('../../release/release.ts');
    const r = await createRelease({
      version: version.raw,
      contentDir: String(values.content),
      bundleDir: values['bundle-dir'] === undefined ? undefined : String(values['bundle-dir']),
      approver: values.approver === undefined ? undefined : String(values.approver),
      signKey: values['sign-key'] === undefined ? undefined : String(values['sign-key']),
      allowFindings: allowFindings === undefined ? undefined : String(allowFindings).trim(),
      allowDirty: values['allow-dirty'] === true,
      asOf,
      pdf: values.pdf === true,
      logLevel: values.verbose ? 'info' : 'warn',
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const rec = r.record;
    const mb = (rec.bundle.size / 1024 / 1024).toFixed(1);
    const out = [
      `✓ Released ${rec.version} of ${rec.organisation} (#${rec.sequence}, commit ${rec.commit.slice(0, 12)}, ${rec.date}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      `  bundle   ${displayPath(r.bundlePath)} (${r.files} files, ${mb} MB)`,
      `  sha256   ${rec.bundle.sha256}`,
      `  record   ${displayPath(r.recordPath)}${rec.previous ? ` (chained to ${rec.previous.slice(0, 12)}…)` : ' (first release)'}`,
      `  audit    ${count(rec.audit.errors, 'error')}, ${count(rec.audit.warnings, 'warning')}${rec.audit.allowedFindings ? ` — released with findings: "${rec.audit.allowedFindings}"` : ''}`,
      `  approver ${rec.approver}`,
    ];
    if (rec.signature) out.push(`  signed   ed25519 key ${rec.signature.keyId}`);
    if (rec.dirty) out.push(`  dirty    ${count(rec.dirty.files.length, 'uncommitted change')} recorded (--allow-dirty)`);
    out.push('', `Commit the bundle and its record together:`, `  git add ${displayPath(r.bundlePath)} ${displayPath(r.recordPath)} && git commit -m "Release ${rec.version}"`);
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
