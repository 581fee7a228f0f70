import { getEntry, render } from 'astro:content';
import type { EntryNode } from '../model/types.ts';

const COLLECTION = { policy: 'policies', measure: 'measures', evidence: 'evidence' } as const;

/** The rendered MD/MDX body of a model entry (collection ids are content-relative paths, see content.config.ts). */
export async function renderBody(node: EntryNode) {
  const entry = await getEntry(COLLECTION[node.type], node.file);
  if (!entry) throw new Error(`No rendered body for ${node.file}: the content collections and the model disagree.`);
  return (await render(entry)).Content;
}
