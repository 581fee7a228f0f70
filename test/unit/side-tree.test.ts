import { describe, expect, it } from 'vitest';
import { AROUND, FULL_BRANCH, shownTree, type TreeBranch } from '../../src/site/side-tree.ts';

const branch = (n: number, id = 'tree-policies'): TreeBranch => ({
  id,
  label: 'Policies',
  items: Array.from({ length: n }, (_, i) => ({ label: `Policy ${i}`, href: `/policies/pol-${i}/` })),
  index: { href: '/policies/', label: `All ${n} policies` },
});

describe('the sidebar tree', () => {
  it('lists a branch of up to FULL_BRANCH items whole, marking and opening the page being read', () => {
    const [b] = shownTree([branch(FULL_BRANCH)], '/policies/pol-3/');
    expect(b!.items.map((i) => i.href)).toEqual(branch(FULL_BRANCH).items.map((i) => i.href));
    expect(b!.open).toBe(true);
    expect(b!.items.filter((i) => i.current).map((i) => [i.href, i.current])).toEqual([['/policies/pol-3/', 'page']]);
  });

  it('cuts a longer branch to its index link when the page is elsewhere, keeping the count', () => {
    const [b] = shownTree([branch(500)], '/evidence/ev-1/');
    expect(b).toMatchObject({ count: 500, open: false });
    expect(b!.items).toEqual([{ href: '/policies/', label: 'All 500 policies', more: true }]);
  });

  it('shows the items around the page being read in a longer branch, clipped at both ends', () => {
    const middle = shownTree([branch(500)], '/policies/pol-250/')[0]!;
    expect(middle.open).toBe(true);
    expect(middle.items[0]).toMatchObject({ more: true, href: '/policies/' });
    expect(middle.items.slice(1).map((i) => i.label)).toEqual(Array.from({ length: 2 * AROUND + 1 }, (_, i) => `Policy ${250 - AROUND + i}`));
    expect(middle.items.find((i) => i.current)?.href).toBe('/policies/pol-250/');
    const first = shownTree([branch(500)], '/policies/pol-0/')[0]!;
    expect(first.items.slice(1).map((i) => i.label)).toEqual(Array.from({ length: AROUND + 1 }, (_, i) => `Policy ${i}`));
  });

  it('marks an item a page sits under, and drops empty branches', () => {
    const frameworks: TreeBranch = { id: 'tree-frameworks', label: 'Frameworks', items: [{ label: 'SOC 2', href: '/frameworks/soc2/', prefix: '/controls/soc2/' }] };
    const tree = shownTree([frameworks, branch(0)], '/controls/soc2/cc6-1/');
    expect(tree.map((b) => b.id)).toEqual(['tree-frameworks']);
    expect(tree[0]!.items[0]!.current).toBe('true');
    expect(tree[0]!.open).toBe(true);
  });
});
