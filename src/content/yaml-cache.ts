import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../util/atomic.ts';

/** Where the caches live: beside the package's other build state, never in the content folder. */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.proofbook/yaml/', import.meta.url));

/**
 * Bumped whenever parseYaml's result for the same text can change (its YAML options, the
 * version-text rule): a cache written under another number is not read.
 */
const FORMAT = 1;

/**
 * Parsed YAML by the exact text it came from (sha256), for commands that read the whole program
 * on every run (`check`, `build`, `audit`, `export`, `pdf`): YAML parsing is about half of `check`, and between two runs
 * most records do not change. Only clean parses are kept (no YAML error, no problem of any
 * kind), so every problem is still found by parsing; the parsed data is then validated by the
 * schemas and the model as always. A cache that cannot be read or written is ignored: it only
 * saves time. Each value is kept serialised, so every use gets fresh objects.
 */
export class YamlCache {
  private readonly known: Map<string, Uint8Array>;
  private readonly used = new Map<string, Uint8Array>();
  private added = 0;

  constructor(private readonly file?: string) {
    this.known = file ? load(file) : new Map();
  }

  /** The cache of the program in `contentDir`. */
  static forContent(contentDir: string): YamlCache {
    return new YamlCache(YamlCache.fileFor(contentDir));
  }

  /** Where the cache of the program in `contentDir` is kept (one file per content root). */
  static fileFor(contentDir: string): string {
    const key = createHash('sha256').update(path.resolve(contentDir)).digest('hex').slice(0, 16);
    return path.join(CACHE_DIR, `${key}.v${FORMAT}.bin`);
  }

  /** The data parsed earlier from exactly this text, if any. */
  get(text: string): unknown {
    const key = keyOf(text);
    const hit = this.known.get(key) ?? this.used.get(key);
    if (!hit) return undefined;
    this.used.set(key, hit);
    return deserialize(hit);
  }

  /** Keeps the data of a clean parse of `text`. */
  set(text: string, data: unknown): void {
    const key = keyOf(text);
    if (this.used.has(key)) return;
    this.used.set(key, serialize(data));
    this.added++;
  }

  /** Writes the entries of this run (entries of files gone or changed are dropped); nothing when nothing changed. */
  save(): void {
    if (!this.file || (!this.added && this.used.size === this.known.size)) return;
    try {
      writeFileAtomic(this.file, serialize(this.used));
    } catch {
      // A read-only install or a full disk: the next run parses again.
    }
  }
}

const keyOf = (text: string) => createHash('sha256').update(text).digest('base64');

function load(file: string): Map<string, Uint8Array> {
  try {
    const value: unknown = deserialize(readFileSync(file));
    return value instanceof Map ? (value as Map<string, Uint8Array>) : new Map();
  } catch {
    return new Map(); // absent, or written by something else: start over
  }
}
