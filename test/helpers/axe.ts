import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { within } from './browser.ts';

/** What the axe checks cover: WCAG 2.1 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe on the page as loaded, with its own time limit that names the page, and returns one
 * "label rule: nodes" line per violation. In the dark scheme only colour contrast is checked:
 * the dark theme changes colours, not structure. axe still runs every rule, but builds node
 * selectors for violations only (resultTypes): on long pages, selectors for the thousands of
 * passing nodes were most of its time.
 */
export async function axeViolations(page: Page, colorScheme: 'light' | 'dark', label: string): Promise<string[]> {
  const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const result = await within(`axe on ${label}`, (colorScheme === 'dark' ? axe.withRules(['color-contrast']) : axe.withTags(AXE_TAGS)).analyze());
  return result.violations.map((v) => `${label} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
