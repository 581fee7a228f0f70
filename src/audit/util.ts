import type { EntryNode, EvidenceNode, Model } from '../model/types.ts';
import type { Period } from './types.ts';

/** Framework id of a control key ("soc2:CC6.1" → "soc2"). */
export const frameworkOf = (key: string): string => key.slice(0, key.indexOf(':'));

/** Controls an entry is at stake for: its own mapping plus, for evidence and policies, its measures'. */
export function entryControls(e: EntryNode): string[] {
  const keys = new Set(e.controls.map((l) => l.control.key));
  if (e.type !== 'measure') for (const m of e.measures) for (const l of m.controls) keys.add(l.control.key);
  return [...keys].sort();
}

/** The days an evidence item speaks for: its period, else the day it was collected. */
export function evidenceSpan(e: EvidenceNode): Period {
  return e.data.period ?? { start: e.data.collected, end: e.data.collected };
}

export const overlaps = (a: Period, b: Period): boolean => a.start <= b.end && b.start <= a.end;

/** "a, b and c". */
export function listWords(items: string[], max = 12): string {
  const shown = items.length > max ? [...items.slice(0, max), `${items.length - max} more`] : items;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The file of the first policy or evidence that maps a control (what brought it into scope), for findings about the control. */
export function firstMappingFile(model: Model, key: string): string | undefined {
  const c = model.controls.get(key);
  return c?.policies[0]?.file ?? c?.evidence[0]?.file;
}
