import { getEntry, render } from 'astro:content';
import type { EntryNode } from '../model/types.ts';
import { Withheld } from './withheld.ts';

const COLLECTION = { policy: 'policies', measure: 'measures', evidence: 'evidence' } as const;

/** The rendered MD/MDX body of a model entry (collection ids are content-relative paths, see content.config.ts); nothing when withheld. */
export async function renderBody(node: EntryNode) {
  return (await renderBodyWithHeadings(node)).Content;
}

/** A heading of a rendered body, for an "on this page" list. */
export interface BodyHeading {
  depth: number;
  slug: string;
  text: string;
}

/** The rendered body with its headings (none when withheld). */
export async function renderBodyWithHeadings(node: EntryNode): Promise<{ Content: typeof Withheld; headings: BodyHeading[] }> {
  // The audience view empties bodies its audience may not see: never fall back to the collection.
  if (!node.body.trim()) return { Content: Withheld, headings: [] };
  const entry = await getEntry(COLLECTION[node.type], node.file);
  if (!entry) throw new Error(`No rendered body for ${node.file}: the content collections and the model disagree.`);
  const { Content, headings } = await render(entry);
  return { Content: Content as typeof Withheld, headings };
}
