/** See compiled-cli.mjs. */
export const EXTERNAL: string[];
export function bundleKey(root?: string): string;
export function loadCli(): Promise<typeof import('../src/cli/main.ts')>;
