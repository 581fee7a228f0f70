import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. Between two audiences' builds: what one Astro build left
 * behind is garbage, and V8 sizes the next build's heap from what a collection finds alive.
 * Left to itself, V8 may let the next build's heap grow from the last one's size instead:
 * at 20,000 evidence records the auditor edition then peaked 400-600 MB higher in some runs.
 * The same switch jest's leak detector uses: `gc` exposed to a new context, not to the
 * program (the flag set after start-up only reaches contexts made after it).
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
