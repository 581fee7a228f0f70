import { AsyncLocalStorage } from 'node:async_hooks';
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `proofbook` bin in a child process, as a user would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'proofbook.mjs'), ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Commands that never start Astro or Chromium, so they can run inside the test worker: the
 * same `main()` the bin calls, with its output captured. A child process costs 1.5–3 s of CPU
 * (Node, tsx, every module loaded again); in-process, a `check` costs a few hundred ms, which
 * is what keeps the suite inside its budget on a 2-core machine. `build`, `release`, `export`
 * and `pdf` always run as a child process, as does any run that needs its own cwd, env or stdin.
 */
const IN_PROCESS = new Set(['check', 'audit', 'import', 'hash', 'verify', 'keygen', 'controls', 'init', 'help', '--help', '-h', '--version']);

/**
 * Where output goes while a command runs in-process; one store per run, so concurrent tests do
 * not mix. Kept on globalThis: test files share their worker (isolate: false), and should this
 * module be evaluated again, every copy must use the same store and the same stream patch.
 */
const SHARED = Symbol.for('proofbook.test.cli-capture');
type Store = { stdout: string[]; stderr: string[] };
const capture: AsyncLocalStorage<Store> = ((globalThis as Record<symbol, unknown>)[SHARED] ??= new AsyncLocalStorage<Store>()) as AsyncLocalStorage<Store>;
const PATCHED = Symbol.for('proofbook.test.cli-capture.patched');
/** Routes the process's stdout and stderr into the running command's store; patched again if anything replaced them. */
function patchStreams(): void {
  for (const name of ['stdout', 'stderr'] as const) {
    const stream = process[name];
    if ((stream.write as unknown as Record<symbol, boolean>)[PATCHED]) continue;
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    const write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const store = capture.getStore();
      if (!store) return original(chunk, ...rest);
      store[name].push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as typeof stream.write;
    (write as unknown as Record<symbol, boolean>)[PATCHED] = true;
    stream.write = write;
  }
}

/**
 * Runs `main()` of the CLI in this process, as the bin does (an exception is an internal error,
 * exit 70, as in scripts/proofbook.mjs). Only for the commands in IN_PROCESS.
 */
export async function runCliInProcess(args: string[], options: { usageError?: boolean } = {}): Promise<CliResult> {
  // `usageError: true`: a test of a usage error, which every command reports before any work.
  if (!options.usageError && !IN_PROCESS.has(args[0] ?? '--help')) throw new Error(`runCliInProcess: "${args[0]}" starts Astro or Chromium; use runCliAsync`);
  process.env.NO_COLOR = '1';
  patchStreams();
  const { main } = await import('../../src/cli/main.ts');
  const store: Store = { stdout: [], stderr: [] };
  const code = await capture.run(store, async () => {
    try {
      return await main(args);
    } catch (error) {
      process.stderr.write(`proofbook: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return 70;
    }
  });
  return { code, stdout: store.stdout.join(''), stderr: store.stderr.join('') };
}

/** True when a run can stay in this process (see IN_PROCESS). */
function inProcess(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; spawn?: boolean }): boolean {
  return !options.spawn && !options.cwd && !options.env && options.input === undefined && IN_PROCESS.has(args[0] ?? '--help');
}

/**
 * Runs the real `proofbook` bin without blocking the test worker: long commands (builds,
 * releases) must use this, since a worker stuck in spawnSync cannot answer vitest's RPC
 * ("Timeout calling onTaskUpdate" on a loaded machine).
 */
export function runCliAsync(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; spawn?: boolean; background?: boolean } = {}): Promise<CliResult> {
  // Commands that start neither Astro nor Chromium run in this process (see IN_PROCESS);
  // `spawn: true` keeps the child process where the test is about the process itself.
  if (inProcess(args, options)) return runCliInProcess(args);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'proofbook.mjs'), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // `background: true` lowers the child's CPU priority, so the global setup's longest chain
    // of builds (test/release/fixtures.ts) is not slowed by builds that could run any time.
    if (options.background && child.pid) os.setPriority(child.pid, 10);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // A hung command ends, so the test fails with its output instead of hanging the run.
    const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
