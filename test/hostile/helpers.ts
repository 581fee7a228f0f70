import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCliAsync, type CliResult } from '../helpers/cli.ts';
import { copyContent, edit, write } from '../helpers/content.ts';
import { FIXTURES, ROOT } from '../helpers/paths.ts';

export { edit, write };
export const MINIMAL = path.join(FIXTURES, 'minimal');
/** The minimal program is checked as of this day (its evidence was collected on 2026-07-01). */
export const AS_OF = '2026-07-10';

/** One hostile or careless input: how to break a copy of the minimal program, and the one message it must get. */
export interface Case {
  name: string;
  /** Changes a fresh copy of test/fixtures/minimal. */
  change: (dir: string) => void;
  /** File (relative to the content folder), line and field the message must name. */
  file: string;
  line: number;
  field?: string;
  /** What the message says. */
  message: RegExp;
  /** The command to run (default check). */
  command?: string[];
  /**
   * How many problems the run reports in all. Default: one for the mistake, plus only references
   * to the broken record that say so ("refers to …, which is invalid"): no cascade of others.
   */
  problems?: number;
}

/** Every file under a folder with its size and modification time, to prove a refused run wrote nothing. */
export function snapshot(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .sort()
    .map((f) => {
      const st = statSync(path.join(dir, f), { throwIfNoEntry: false });
      return `${f} ${st?.size ?? 'link'} ${st?.mtimeMs ?? ''}`;
    });
}

/** Runs a case through the real CLI against its own copy of the minimal program. */
export async function runCase(c: Case): Promise<{ dir: string; out: string; label: string; result: CliResult; before: string[] }> {
  const dir = copyContent(MINIMAL, 'hostile');
  c.change(dir);
  const before = snapshot(dir);
  const [cmd, ...rest] = c.command ?? ['check'];
  const out = path.join(dir, '..', `${path.basename(dir)}-out`);
  const args = cmd === 'build' ? ['build', '--out', out, '--audience', 'public'] : [cmd!];
  const result = await runCliAsync([...args, '--content', dir, '--as-of', AS_OF, ...rest]);
  return { dir, out, label: path.relative(ROOT, dir).split(path.sep).join('/'), result, before };
}

/** The run was refused: exit 1, a message naming file, line and field with a fix, no stack trace, nothing written. */
export function expectRefused(c: Case, run: Awaited<ReturnType<typeof runCase>>): void {
  const { result, label, dir, before, out: site } = run;
  const out = `${result.stdout}\n${result.stderr}`;
  expect(out, out).not.toMatch(/internal error|\n\s+at .+\(.+:\d+:\d+\)|ReferenceError|TypeError/);
  expect(result.code, out).toBe(1);
  const head = `✗ ${label}/${c.file}:${c.line}${c.field ? ` (${c.field})` : ''}\n`;
  const start = result.stderr.indexOf(head);
  expect(start, `no message for ${c.file}:${c.line} (${c.field}) in:\n${result.stderr}`).toBeGreaterThanOrEqual(0);
  const block = result.stderr.slice(start + head.length).split(/\n(?=✗ |\n)/)[0]!;
  expect(block).toMatch(c.message);
  expect(block, 'the message says how to fix it').toMatch(/\n\s+fix: \S/);
  expect(snapshot(dir)).toEqual(before);
  expect(existsSync(site), 'a refused build writes no site').toBe(false);
  expect(result.stdout).not.toMatch(/✓/);
  const blocks = result.stderr.split(/^(?=✗ )/m).filter((b) => b.startsWith('✗ '));
  if (c.problems === undefined) {
    const others = blocks.filter((b) => !b.startsWith(head));
    for (const o of others) expect(o, 'one mistake, one message: others may only point at it').toMatch(new RegExp(`Refers to \\S+, which is invalid \\(see its own error in ${c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
  }
  const n = c.problems ?? blocks.length;
  expect(blocks).toHaveLength(n);
  expect(result.stderr).toContain(`\n${n} problem${n === 1 ? '' : 's'} found. Nothing was built.`);
}
