#!/usr/bin/env node
// Entry of the `proofbook` command: runs the TypeScript sources straight from the checkout (no
// compile step to forget; see scripts/compiled-cli.mjs for how), then hands over to main().
import { loadCli } from './compiled-cli.mjs';

const { main } = await loadCli();
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Only internal errors reach here (user errors are reported by main); keep the stack for the bug report.
  process.stderr.write(`proofbook: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 70;
}
