import path from 'node:path';
import { formatLeaks, LeakError } from '../../site/leak-guard.ts';
import { isOutsideAudience } from '../../audience/visibility.ts';
import { guardExports } from '../../export/guard.ts';
import { CHROMIUM_INSTALL_HINT, hasChromium } from '../../export/pdf/chromium.ts';
import { displayPath } from '../../release/options.ts';
import { loadLedger } from '../../release/ledger.ts';
import { writeFileAtomic } from '../../util/atomic.ts';
import { didYouMean } from '../../validation/suggest.ts';
import { CONTENT_HELP, CONTENT_OPTIONS, UsageError, type Command } from '../command.ts';
import { modelFor } from '../shared.ts';
import { audienceOption } from './export.ts';

export const pdf: Command = {
  name: 'pdf',
  summary:
    'Print the PDF binder with headless Chromium: a cover, a table of contents, every policy with its header (version, status, approvals, next review), the control matrix summary and the evidence index, with running headers and page numbers. --policy prints one policy alone.',
  usage: 'pdf [--policy ID] [--audience internal|auditor|customer|public] [--release VERSION] [--content DIR] [--as-of DATE] [--out FILE]',
  help: [
    '--policy ID        print this policy alone',
    '--audience NAME    who the binder is for: internal (default), auditor, customer or public',
    '--release VERSION  print the cover of this release (its version and manifest digest, from the release ledger)',
    ...CONTENT_HELP,
    '--out FILE         PDF to write (default: binder.pdf, or <policy id>.pdf with --policy)',
    '',
    'Needs Chromium at /usr/bin/chromium (apt-get install -y chromium) or CHROMIUM_PATH.',
  ],
  options: { ...CONTENT_OPTIONS, policy: { type: 'string' }, audience: { type: 'string' }, release: { type: 'string' }, out: { type: 'string' } },
  async run(values) {
    const audience = audienceOption(values.audience);
    if (!hasChromium()) {
      process.stderr.write(`✗ ${CHROMIUM_INSTALL_HINT}\n`);
      return 1;
    }
    const { model } = modelFor(values);
    if (!model) return 1;
    const contentDir = String(values.content);
    let release: { version: string; digest?: string } | undefined;
    if (values.release !== undefined) {
      const version = String(values.release);
      const ledger = loadLedger(path.resolve(contentDir));
      const record = ledger.records.find((r) => r.version === version);
      if (!record) throw new UsageError(`no release "${version}" in the ledger.${didYouMean(version, ledger.records.map((r) => r.version))} Releases: ${ledger.records.map((r) => r.version).join(', ') || 'none yet'}`);
      release = { version, digest: record.contentDigest };
    }
    // Loaded when used: the PDF renderer pulls in Chromium's driver, which no other command needs.
    const [{ exportContext }, { renderBinderPdf }] = await Promise.all([import('../../export/build.ts'), import('../../export/pdf/render.ts')]);
    const ctx = exportContext(model, audience, release ? { release } : {});
    const policy = values.policy === undefined ? undefined : String(values.policy);
    if (policy !== undefined && !ctx.view.policies.some((p) => p.id === policy)) {
      const ids = ctx.view.policies.map((p) => p.id);
      throw new UsageError(`no policy "${policy}" for the ${audience} audience.${didYouMean(policy, ids)} Policies: ${ids.join(', ')}`);
    }
    const data = await renderBinderPdf(ctx, policy !== undefined ? { policy } : {});
    const out = String(values.out ?? (policy ? `${policy}.pdf` : 'binder.pdf'));
    if (isOutsideAudience(audience)) {
      const leaks = await guardExports([{ name: path.basename(out), data }], model, audience, contentDir).catch((error: Error) => {
        process.stderr.write(`✗ ${error.message}. Nothing was written.\n`);
        return undefined;
      });
      if (!leaks) return 1;
      if (leaks.length) {
        process.stderr.write(`${formatLeaks(new LeakError(audience, leaks))}\nNothing was written.\n`);
        return 1;
      }
    }
    writeFileAtomic(out, data);
    process.stdout.write(`✓ Printed ${policy ? `policy ${policy}` : 'the binder'} for ${audience} as of ${model.asOf} to ${displayPath(path.resolve(out))} (${Math.round(data.length / 1024)} KB).\n`);
    return 0;
  },
};
