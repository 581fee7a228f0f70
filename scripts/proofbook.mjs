#!/usr/bin/env node
// Entry of the `proofbook` command: loads the TypeScript sources through tsx so the CLI
// runs straight from the checkout (no compile step to forget), then hands over to main().
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
