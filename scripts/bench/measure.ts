/**
 * Runs a command as a child under `/usr/bin/time` and reports its wall time, CPU time (user +
 * system) and peak resident set size, as the OS accounted them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Usage {
  wall: number;
  cpu: number;
  /** Peak RSS in MB. */
  rss: number;
  stdout: string;
}

export function measured(label: string, argv: string[], cwd: string): Usage {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proofbook-time-'));
  const out = path.join(dir, 'usage');
  try {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', out, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    const [wall, user, sys, kb] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wall: wall!, cpu: user! + sys!, rss: kb! / 1024, stdout: r.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const usageRow = (label: string, u: Pick<Usage, 'wall' | 'cpu' | 'rss'>) =>
  `  ${label.padEnd(44)} wall ${u.wall.toFixed(1).padStart(6)} s   cpu ${u.cpu.toFixed(1).padStart(6)} s   peak RSS ${u.rss.toFixed(0).padStart(5)} MB`;
