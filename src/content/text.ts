import { readFileSync } from 'node:fs';
import type { Problem } from '../validation/problem.ts';
import { idHintOf, type ParsedSource } from './frontmatter.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a content file as UTF-8 text. Invalid UTF-8 (a file saved as Latin-1, a binary pasted
 * in) is refused with the line of the first bad byte, instead of being shown as "�" on pages.
 */
export function readContentText(abs: string, file: string): { text: string } | { problem: Problem; lossy: string } {
  const bytes = readFileSync(abs);
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const text = bytes.toString('utf8');
    const bad = text.indexOf('\uFFFD');
    return {
      lossy: text,
      problem: {
        code: 'yaml',
        file,
        line: bad >= 0 ? text.slice(0, bad).split('\n').length : undefined,
        message: 'The file is not valid UTF-8 text (it was probably saved in another encoding, or holds binary data).',
        fix: 'save it as UTF-8 in your editor (e.g. "Save with encoding: UTF-8"), or remove the binary data',
      },
    };
  }
}

/** A source that could not be read: only its problem, no data (and its id, when `text` shows it). */
export function unreadFile(problem: Problem, text = ''): ParsedSource {
  return { data: undefined, body: '', bodyLine: 1, lineOf: () => undefined, problems: [problem], idHint: idHintOf(text) };
}
