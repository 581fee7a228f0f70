import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/util/collect-garbage.ts';

describe('collectGarbage (between audiences of one build)', () => {
  it('frees what nothing refers to any more, without --expose-gc on the command line', async () => {
    const made = () => new WeakRef({ pages: new Array(100_000).fill('page') });
    const ref = made();
    // A WeakRef keeps its target alive until the current job ends.
    await tick();
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
    // The program itself is not given gc().
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
