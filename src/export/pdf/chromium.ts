import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * Headless Chromium for printing: Debian's browser, never a download. The flags are the ones
 * the browser tests use (a container has no sandbox and no GPU).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export const CHROMIUM_INSTALL_HINT = `Chromium is needed to print PDFs and was not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary).`;

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Loads Chromium's driver only when a PDF is printed: every command reads this module, few print. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
