import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Scratch space for tests (git-ignored). */
export const TMP = path.join(ROOT, 'test', '.tmp');
export const EXAMPLE_CONTENT = path.join(ROOT, 'content');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** The example program is checked as of this date so tests do not rot as the calendar moves. */
export const EXAMPLE_AS_OF = '2026-11-25';
/** Where global-setup builds the example program, one folder per audience (`build --out`). */
export const EXAMPLE_OUT = path.join(TMP, 'example');
/** Built example portal, the internal audience (made once by global-setup). */
export const EXAMPLE_DIST = path.join(EXAMPLE_OUT, 'internal');
/** Built example public trust center (made once by global-setup). */
export const EXAMPLE_PUBLIC = path.join(EXAMPLE_OUT, 'public');
/** Canary program for the audience tests: unique markers in every entry and field above public. */
export const AUDIENCE_FIXTURE = path.join(FIXTURES, 'audience');
export const AUDIENCE_AS_OF = '2026-07-15';
/** Built canary program, public/ and customer/ (made once by global-setup). */
export const AUDIENCE_OUT = path.join(TMP, 'audience');
/** A copy of the example program whose self-audit fails (one policy overdue for review), built public by global-setup. */
export const FAILING_CONTENT = path.join(TMP, 'failing', 'content');
/** Built public trust center of that copy (made once by global-setup). */
export const FAILING_PUBLIC = path.join(TMP, 'failing', 'out', 'public');
/** Shared reference data beside the checkout; may be absent on a user's fresh clone. */
export const REFERENCE = path.resolve(ROOT, '..', 'shared', 'reference');
/** Hostile program for the XSS tests: script in every form a body or field can carry (test/hostile/xss.test.ts). */
export const HOSTILE_FIXTURE = path.join(FIXTURES, 'hostile');
/** Built hostile program, public/ and customer/ (made once by global-setup). */
export const HOSTILE_OUT = path.join(TMP, 'hostile');
