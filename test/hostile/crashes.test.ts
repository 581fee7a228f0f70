import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.ts';
import { copyContent } from '../helpers/content.ts';
import { ROOT } from '../helpers/paths.ts';
import { MINIMAL } from './helpers.ts';

const STACK = /internal error|\n\s+at .+:\d+:\d+|EPIPE/;

/** Runs `proofbook ARGS | head -N` through a real shell pipe: the reader closes the pipe early. */
function pipedToHead(args: string[], lines: number): Promise<{ code: number; stdout: string; stderr: string; cliCode: string }> {
  return new Promise((resolve, reject) => {
    const cli = ['node', path.join(ROOT, 'scripts', 'proofbook.mjs'), ...args].map((a) => `'${a}'`).join(' ');
    // PIPESTATUS[0] is the proofbook exit code (head's is 0 either way).
    const child = spawn('bash', ['-c', `${cli} 2>"$ERRFILE" | head -${lines}; echo "cli=\${PIPESTATUS[0]}" >&2; cat "$ERRFILE" >&2`], { env: { ...process.env, ERRFILE: path.join(copyContent(MINIMAL, 'pipe'), 'stderr.txt') } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, cliCode: /cli=(\d+)/.exec(stderr)?.[1] ?? '?' }));
  });
}

describe.concurrent('a closed pipe ends the command quietly', () => {
  for (const [args, lines] of [[['controls', 'soc2'], 1], [['controls', 'iso27001'], 2], [['controls'], 1]] as const) {
    it(`proofbook ${args.join(' ')} | head -${lines}`, async () => {
      const r = await pipedToHead([...args], lines);
      expect(r.stdout.trim().split('\n')).toHaveLength(lines);
      expect(r.stderr.replace(/cli=\d+\n?/, '')).not.toMatch(STACK);
      expect(r.stderr.replace(/cli=\d+\n?/, '').trim()).toBe('');
      expect(r.cliCode).toBe('0');
    });
  }
});

describe.concurrent('hash prints what it can and names what it cannot', () => {
  const CASES: Array<{ name: string; files: (dir: string) => string[]; good: number; bad: RegExp[] }> = [
    { name: 'good then missing', files: (d) => [path.join(d, 'proofbook.yaml'), path.join(d, 'missing.log')], good: 1, bad: [/missing\.log: no such file/] },
    { name: 'missing between two good ones', files: (d) => [path.join(d, 'proofbook.yaml'), path.join(d, 'gone'), path.join(d, 'evidence/files/jobs-2026-06.log')], good: 2, bad: [/gone: no such file/] },
    { name: 'a folder', files: (d) => [path.join(d, 'evidence'), path.join(d, 'proofbook.yaml')], good: 1, bad: [/evidence: not a file/] },
  ];
  for (const c of CASES) {
    it(c.name, async () => {
      const dir = copyContent(MINIMAL, 'hash');
      writeFileSync(path.join(dir, 'marker'), '');
      const r = await runCliAsync(['hash', ...c.files(dir)]);
      expect(r.code).toBe(1);
      expect(r.stderr).not.toMatch(STACK);
      const lines = r.stdout.trim().split('\n');
      expect(lines).toHaveLength(c.good);
      for (const l of lines) expect(l).toMatch(/^[0-9a-f]{64} {2}\S+$/);
      if (c.name === 'good then missing') expect(lines[0]).toMatch(/proofbook\.yaml$/);
      for (const b of c.bad) expect(r.stderr).toMatch(b);
    });
  }
});
