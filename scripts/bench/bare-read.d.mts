/** See bare-read.mjs: reads and YAML-parses a program's files, nothing else. */
export function bareRead(root: string): number;
