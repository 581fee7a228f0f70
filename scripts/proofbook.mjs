#!/usr/bin/env node
// Entry of the `proofbook` command: loads the TypeScript sources through tsx so the CLI
// runs straight from the checkout (no compile step to forget), then hands over to main().
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Only internal errors reach here (user errors are reported by main); keep the stack for the bug report.
  process.stderr.write(`proofbook: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 70;
}
