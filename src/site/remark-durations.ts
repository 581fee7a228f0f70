import { humanDuration, parseDuration } from '../time/duration.ts';

/**
 * Authors write targets and measurements the way the tools print them ("RTO PT4H, achieved
 * PT2H47M"); readers should not have to decode ISO 8601. This remark plugin rewrites every
 * duration in the text of a policy, measure or evidence body as words ("4 hours",
 * "2 h 47 min"), with humanDuration, the formatter every page uses. Code is left as written.
 */
const TOKEN = /\bP(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?\b/g;

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

/** Durations in a piece of text as words; anything else is left untouched. */
export function durationsAsWords(text: string): string {
  return text.replace(TOKEN, (m) => (m.length > 1 && parseDuration(m) ? humanDuration(m) : m));
}

function walk(node: Node): void {
  if (node.type === 'text' && node.value) node.value = durationsAsWords(node.value);
  for (const child of node.children ?? []) walk(child);
}

export default function remarkDurations() {
  return (tree: Node) => walk(tree);
}
