import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/** What a mistyped command line gets: one clear message, exit 2, no stack trace. */
describe('proofbook usage', () => {
  it('names the command meant when one is mistyped, exits 2 and lists the commands', () => {
    const r = runCli(['chek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^proofbook: unknown command "chek"\. Did you mean "check"\?\n/);
    expect(r.stderr).toMatch(/Commands:\n {2}init/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing close: no guess.
    expect(runCli(['zzzzzzzz']).stderr).toMatch(/^proofbook: unknown command "zzzzzzzz"\.\n/);
  });
});
