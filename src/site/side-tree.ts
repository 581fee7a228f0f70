/**
 * What the portal's sidebar tree shows (src/components/SideTree.astro renders it). Every page
 * carries the tree, so its size is paid once per page: a branch of 500 policies on each of
 * 22,000 pages was 1.2 GB of links to render, rewrite for offline use and index for search.
 * A branch of up to FULL_BRANCH items is listed whole, as any program we know of has (the
 * example has 5 policies and 19 measures); a longer branch lists the AROUND items on either
 * side of the page being read, and links to its index page, which lists every item with its
 * status. Without JavaScript, as before: plain links in <details>.
 */
export const FULL_BRANCH = 40;
export const AROUND = 7;

export interface TreeItem {
  label: string;
  href: string;
  /** Pages below this path belong to the item too (a control page sits under its framework). */
  prefix?: string;
}

export interface TreeBranch {
  id: string;
  label: string;
  items: TreeItem[];
  /** The page listing every item of the branch, linked when the branch is cut short. */
  index?: { href: string; label: string };
}

export interface ShownItem extends TreeItem {
  /** "page" for the page being read, "true" for the item it sits under. */
  current?: 'page' | 'true';
  /** The link to the branch's index page, first in a branch cut short. */
  more?: true;
}

export interface ShownBranch {
  id: string;
  label: string;
  /** Items in the whole branch. */
  count: number;
  /** Open when the page being read is in it. */
  open: boolean;
  /** What is listed: every item, or the index link and the items around the page being read. */
  items: ShownItem[];
}

/** The branches with items, as shown on the page at `here` (a root-relative path). */
export function shownTree(branches: TreeBranch[], here: string): ShownBranch[] {
  const currentOf = (i: TreeItem): ShownItem['current'] => (i.href === here ? 'page' : i.prefix !== undefined && here.startsWith(i.prefix) ? 'true' : undefined);
  return branches
    .filter((b) => b.items.length)
    .map((b) => {
      const items = b.items.map((i) => ({ ...i, current: currentOf(i) }));
      const at = items.findIndex((i) => i.current);
      const base = { id: b.id, label: b.label, count: items.length, open: at >= 0 };
      if (items.length <= FULL_BRANCH || !b.index) return { ...base, items };
      const shown = at < 0 ? [] : items.slice(Math.max(0, at - AROUND), at + AROUND + 1);
      return { ...base, items: [{ ...b.index, more: true as const }, ...shown] };
    });
}
