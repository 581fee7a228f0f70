import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

/** Runs a Node script of an installed package without blocking the worker; resolves with its exit code and output. */
function node(script: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', script), ...args], { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/**
 * `npm run typecheck` as a test: Astro's generated types first (`astro sync`), then `tsc` over
 * src/, test/ and scripts/. Part of `npm test` this way, the type check runs beside the other
 * test files instead of before all of them.
 */
it('the sources type-check: astro sync, then tsc --noEmit', async () => {
  const sync = await node('astro/astro.js', ['sync']);
  expect(sync.code, sync.output).toBe(0);
  const tsc = await node('typescript/bin/tsc', ['--noEmit', '-p', '.']);
  expect(tsc.code, `tsc found type errors:\n${tsc.output}`).toBe(0);
});
