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
/** Built example portal (made once by global-setup). */
export const EXAMPLE_DIST = path.join(TMP, 'example-internal');
/** Shared reference data beside the checkout; may be absent on a user's fresh clone. */
export const REFERENCE = path.resolve(ROOT, '..', 'shared', 'reference');
