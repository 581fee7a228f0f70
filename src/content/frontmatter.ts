import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { fieldPath } from '../validation/parse.ts';
import type { LineOf } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';
import type { YamlCache } from './yaml-cache.ts';

export interface ParsedSource {
  data: unknown;
  /** Markdown/MDX body after the frontmatter (empty for data files). */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The id as written, when the YAML could not be read: references to it are then explained, not called unknown. */
  idHint?: string;
  lineOf: LineOf;
  problems: Problem[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---` frontmatter from an MD/MDX file and parses it as YAML, keeping line numbers. */
export function parseFrontmatter(source: string, file: string, cache?: YamlCache): ParsedSource {
  // Editors on Windows may save a byte-order mark before the opening "---": it is not content.
  const text = source.replace(/^\uFEFF/, '');
  const m = FENCE.exec(text);
  if (!m) {
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      lineOf: () => undefined,
      problems: [
        {
          code: 'schema',
          file,
          line: 1,
          message: 'No frontmatter found.',
          fix: 'start the file with a YAML block between two "---" lines holding at least id and title',
        },
      ],
    };
  }
  const yamlText = m[1]!;
  const parsed = parseYaml(yamlText, file, 1, cache);
  if (parsed.data === undefined) parsed.idHint = idHintOf(yamlText);
  const lines = text.slice(0, m[0].length).split('\n').length;
  const bodyLine = m[0].endsWith('\n') ? lines : lines + 1;
  const body = text.slice(m[0].length);
  const nul = body.indexOf('\u0000');
  if (nul >= 0) parsed.problems.push({ code: 'yaml', file, line: bodyLine + body.slice(0, nul).split('\n').length - 1, field: 'body', message: 'The body holds a NUL character, which pages and exports cannot show.', fix: 'delete it (it often comes from pasting out of another tool or a binary file)' });
  return { ...parsed, body, bodyLine };
}

/** Parses a YAML data file (or frontmatter starting `lineOffset` lines into its file). */
export function parseYaml(source: string, file: string, lineOffset = 0, cache?: YamlCache): ParsedSource {
  const text = source.replace(/^\uFEFF/, '');
  const lineOf = linesOnDemand(text, lineOffset);
  const cached = cache?.get(text);
  if (cached !== undefined) return { data: cached, body: '', bodyLine: 0, lineOf, problems: [] };
  const { doc, counter } = parseWithLines(text);
  // Both walks of the tree are skipped when the text cannot need them: most records have no
  // version field and no escape or control character (each walk was ~3% of `check`).
  if (text.includes('version') || text.includes('\\')) keepVersionText(doc);
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    code: 'yaml' as const,
    file,
    line: counter.linePos(e.pos[0]).line + lineOffset,
    message: `Malformed YAML: ${e.message.split('\n')[0]}`,
    fix: 'check indentation, colons and quoting on that line (quote values containing ": " or starting with special characters)',
  }));
  let data: unknown;
  const before = problems.length;
  if (!doc.errors.length) {
    try {
      data = doc.toJS();
    } catch (error) {
      // An alias bomb (a billion laughs) or a reference loop: the file is refused, not expanded.
      problems.push({ code: 'yaml', file, line: lineOffset || 1, message: `Malformed YAML: ${(error as Error).message.split('\n')[0]}`, fix: 'write the values out instead of repeating anchors (&name) through aliases (*name)' });
    }
  }
  if (data !== undefined && MAY_HOLD_CONTROL.test(text)) problems.push(...controlCharacters(data, file, lineOf));
  // Only a clean parse is kept: a text with any problem is parsed again, so it reports again.
  if (data !== undefined && !problems.length) cache?.set(text, data);
  return { data: doc.errors.length || problems.length > before ? undefined : data, body: '', bodyLine: 0, lineOf, problems };
}

/** YAML 1.2 core schema: dates stay strings, "no" stays a string; unique keys are enforced. */
function parseWithLines(text: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }), counter };
}

/**
 * Lines are only needed to report a problem: the index is built on first use, from the text
 * parsed again, so the syntax tree is not kept alive (at 10,000 files the retained trees cost
 * more in garbage collection than the parsing itself).
 */
function linesOnDemand(text: string, lineOffset: number): LineOf {
  let lines: Map<string, number | undefined> | undefined;
  return (path) => {
    if (!lines) {
      const again = parseWithLines(text);
      lines = lineIndex(again.doc.contents, again.counter, lineOffset);
    }
    // The deepest part of the path that exists, as a walk down the document would find it.
    for (let n = path.length; n >= 0; n--) {
      if (lines.has(pathKey(path, n))) return lines.get(pathKey(path, n));
    }
    return undefined;
  };
}

/**
 * `version: 2.10` unquoted is the number 2.1 to YAML: keep what the author wrote, so a policy
 * version (or any field named version) is never silently changed.
 */
function keepVersionText(doc: Document) {
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'version' && isScalar(pair.value) && typeof pair.value.value === 'number' && pair.value.source) pair.value.value = pair.value.source;
    },
  });
}

/** A control character as written, or a backslash that may escape one inside double quotes ("\x07", "\u0000"). */
const MAY_HOLD_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\\]/;

/** NUL and other C0 control characters (tab, newline and carriage return aside) in any text value: they break pages, exports and diffs. */
function controlCharacters(data: unknown, file: string, lineOf: LineOf): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: Array<string | number>) => {
    if (typeof value === 'string') {
      const m = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(value);
      if (m) problems.push({ code: 'yaml', file, line: lineOf(path), field: fieldPath(path) || undefined, message: `The text holds a control character (U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}${m[0] === '\u0000' ? ', NUL' : ''}), which pages and exports cannot show.`, fix: 'delete it (it often comes from pasting out of another tool or a binary file)' });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(data, []);
  return problems;
}

/** Key of the first n parts of a field path: numbers (sequence indexes, numeric keys) and strings kept apart. */
function pathKey(path: ReadonlyArray<string | number>, n = path.length): string {
  let key = '';
  for (let i = 0; i < n; i++) key += `${typeof path[i] === 'number' ? '#' : '$'}${path[i]}\u0000`;
  return key;
}

/**
 * Line of every map key and sequence item, by field path: for a map entry the line of its key,
 * for a sequence item the line of the item, for the root the document's first line. The first
 * of duplicate keys wins, as in a walk that takes the first match.
 */
function lineIndex(root: unknown, counter: LineCounter, lineOffset: number): Map<string, number | undefined> {
  const lines = new Map<string, number | undefined>();
  const lineAt = (node: Node | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line + lineOffset : undefined);
  const walk = (node: unknown, path: Array<string | number>) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const value = (pair.key as { value?: unknown } | null)?.value;
        if (typeof value !== 'string' && typeof value !== 'number') continue;
        const child = [...path, value];
        const key = pathKey(child);
        if (lines.has(key)) continue;
        lines.set(key, lineAt(pair.key as Node));
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!item) return;
        const child = [...path, i];
        lines.set(pathKey(child), lineAt(item as Node));
        walk(item, child);
      });
    }
  };
  if (root) lines.set('', lineAt(root as Node));
  walk(root, []);
  return lines;
}

/** The `id:` line of a record whose YAML cannot be read, so references to it can say it is invalid. */
export function idHintOf(text: string): string | undefined {
  return /^id:[ \t]*["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?[ \t]*$/m.exec(text)?.[1];
}
