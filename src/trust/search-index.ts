import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Pagefind's ready-made UI: our own search page uses pagefind.js directly, so these are not shipped. */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js'];

/**
 * Pagefind's binary, found as pagefind's own npm wrapper finds it: the @pagefind/<platform>-<arch>
 * package npm installed beside it (no network), the extended build first.
 */
function pagefindBinary(): string {
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const tried: string[] = [];
  for (const name of ['pagefind_extended', 'pagefind']) {
    const id = `@pagefind/${platform}-${process.arch}/bin/${name}${platform === 'windows' ? '.exe' : ''}`;
    try {
      return require.resolve(id);
    } catch {
      tried.push(id);
    }
  }
  throw new Error(`pagefind's binary is not installed (looked for ${tried.join(', ')}): run npm ci.`);
}

/**
 * Builds the pagefind full-text index of one built site, from that site's own HTML only
 * (so each audience's index holds that audience's pages and nothing else), into <dir>/pagefind/.
 *
 * Pagefind runs as its own command, and the promise settles only when that process has exited:
 * every file is written by then, and its CPU time is the build's (pagefind's Node API stops its
 * process without waiting for it, so a short build never counted it). The index is the same
 * byte for byte as the Node API's with the same options.
 */
export async function indexSite(dir: string): Promise<void> {
  // Every indexed page keeps its indexed part (data-pagefind-body) on <main>, in the portal and
  // the trust center alike: rooted there, pagefind skips the header and sidebar it would
  // otherwise walk on each page (about a quarter of its CPU time on the portal at 2,000
  // evidence). The index is the same byte for byte.
  const args = ['--site', dir, '--output-subdir', 'pagefind', '--force-language', 'en', '--root-selector', 'main', '--quiet'];
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(pagefindBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    child.stdout.on('data', (b: Buffer) => output.push(b));
    child.stderr.on('data', (b: Buffer) => output.push(b));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    const said = Buffer.concat(output).toString('utf8').trim();
    throw new Error(`pagefind could not index ${dir} (exit ${code})${said ? `:\n${said}` : ''}`);
  }
  for (const file of UNUSED) rmSync(path.join(dir, 'pagefind', file), { force: true });
}
