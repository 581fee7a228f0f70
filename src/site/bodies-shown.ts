import { CONTENT_DIRS } from '../content/load.ts';
import type { EntryNode } from '../model/types.ts';
import type { SiteBuild } from './handoff.ts';

const NODES = { policy: 'policies', measure: 'measures', evidence: 'evidence' } as const;

/** Escapes what a glob pattern would read as syntax, so a file name is matched as written. */
const literal = (file: string) => file.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/**
 * The bodies of one kind the build's view renders (src/site/bodies.ts shows nothing for an
 * emptied body), as glob patterns relative to the kind's folder; 'all' when the view shows
 * every body the program has, so the folder is globbed as a whole.
 */
export function bodiesToRender(build: SiteBuild, kind: keyof typeof NODES): string[] | 'all' {
  const withBody = (nodes: EntryNode[]) => nodes.filter((n) => n.body.trim()).map((n) => n.file);
  const shown = withBody(build.view[NODES[kind]]);
  if (shown.length === withBody(build.model[NODES[kind]]).length) return 'all';
  const prefix = `${CONTENT_DIRS[kind]}/`;
  return shown.filter((f) => f.startsWith(prefix)).map((f) => literal(f.slice(prefix.length))).sort();
}
