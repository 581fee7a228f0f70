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
  const lineOf: LineOf = (path) => {
    let node: unknown = doc.contents;
    let last: Node | undefined = node as Node;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((it) => (it.key as { value?: unknown })?.value === part);
        if (!pair) break;
        last = (pair.key as Node) ?? last;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
        last = (node as Node) ?? last;
      } else break;
    }
    const range = last?.range;
    return range ? counter.linePos(range[0]).line + lineOffset : undefined;
  };
  return { data: problems.length && doc.errors.length ? undefined : doc.toJS(), body: '', bodyLine: 0, lineOf, problems };
}
