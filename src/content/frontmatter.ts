import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { LineOf } from '../validation/parse.ts';
import type { Problem } from '../validation/problem.ts';

export interface ParsedSource {
  data: unknown;
  /** Markdown/MDX body after the frontmatter (empty for data files). */
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  lineOf: LineOf;
  problems: Problem[];
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---` frontmatter from an MD/MDX file and parses it as YAML, keeping line numbers. */
export function parseFrontmatter(text: string, file: string): ParsedSource {
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
  const parsed = parseYaml(yamlText, file, 1);
  const bodyLine = text.slice(0, m[0].length).split('\n').length;
  return { ...parsed, body: text.slice(m[0].length), bodyLine: m[0].endsWith('\n') ? bodyLine : bodyLine + 1 };
}

/** Parses a YAML data file (or frontmatter starting `lineOffset` lines into its file). */
export function parseYaml(text: string, file: string, lineOffset = 0): ParsedSource {
  const counter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, "no" stays a string; unique keys are enforced.
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    code: 'yaml' as const,
    file,
    line: counter.linePos(e.pos[0]).line + lineOffset,
    message: `Malformed YAML: ${e.message.split('\n')[0]}`,
    fix: 'check indentation, colons and quoting on that line (quote values containing ": " or starting with special characters)',
  }));
  // Lines are only needed to report a problem: the index is built on first use, from the text
  // parsed again, so the syntax tree is not kept alive (at 10,000 files the retained trees cost
  // more in garbage collection than the parsing itself).
  let lines: Map<string, number | undefined> | undefined;
  const lineOf: LineOf = (path) => {
    if (!lines) {
      const again = new LineCounter();
      lines = lineIndex(parseDocument(text, { lineCounter: again, prettyErrors: false, uniqueKeys: true }).contents, again, lineOffset);
    }
    // The deepest part of the path that exists, as a walk down the document would find it.
    for (let n = path.length; n >= 0; n--) {
      if (lines.has(pathKey(path, n))) return lines.get(pathKey(path, n));
    }
    return undefined;
  };
  return { data: problems.length && doc.errors.length ? undefined : doc.toJS(), body: '', bodyLine: 0, lineOf, problems };
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
