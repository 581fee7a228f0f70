import { getEntry, render } from 'astro:content';
import type { EntryNode } from '../model/types.ts';
import { Withheld } from './withheld.ts';

const COLLECTION = { policy: 'policies', measure: 'measures', evidence: 'evidence' } as const;

/** The rendered MD/MDX body of a model entry (collection ids are content-relative paths, see content.config.ts); nothing when withheld. */
export async function renderBody(node: EntryNode) {
  // The audience view empties bodies its audience may not see: never fall back to the collection.
  if (!node.body.trim()) return Withheld;
  const entry = await getEntry(COLLECTION[node.type], node.file);
  if (!entry) throw new Error(`No rendered body for ${node.file}: the content collections and the model disagree.`);
  return (await render(entry)).Content;
}
