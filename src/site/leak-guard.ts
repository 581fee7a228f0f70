import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CONTROL_DESCRIPTIONS } from '../trust/control-descriptions.ts';
import { BACKUP_AREAS } from '../catalogs/backup-areas.ts';
import type { EntryNode, Model } from '../model/types.ts';
import type { Audience } from '../schemas/common.ts';
import type { TrustData } from '../schemas/trust.ts';
import { COMMITMENT_TITLES } from '../trust/derive.ts';
import { trustPages } from '../trust/pages.ts';
import { isPng, pngText } from '../trust/png.ts';
import { trustFor, viewFor } from '../audience/filter.ts';
import { fieldVisibility, visibleTo, type FieldName } from '../audience/visibility.ts';

/**
 * The leak guard: after a site is built for an audience below internal, and before it is
 * published, every output file is searched for what that audience must not see — the ids,
 * titles and distinctive text of entries and fields above it, file names and hashes of
 * evidence it may not download, and trust-center items it may not read. HTML, JS, CSS, JSON,
 * XML and SVG are read as text (entities and escapes decoded, tags stripped), gzip files such
 * as pagefind's index and fragments are decompressed, PNG text chunks are read, and output
 * file paths are checked too. Any hit fails the build, naming the file and the entry.
 *
 * False positives are avoided by only using distinctive markers (ids; titles of two words or
 * more; sentences of four words or more) and by dropping any text marker that also occurs in
 * what the audience may see (a public summary may repeat an internal sentence on purpose).
 * Ids are always checked, on word boundaries.
 */

export type MarkerKind = 'id' | 'title' | 'text' | 'file' | 'hash';

export interface Marker {
  /** Normalised text searched for (see normalise). */
  text: string;
  kind: MarkerKind;
  /** What it belongs to, for the message: 'internal measure "msr-x"'. */
  owner: string;
  /** What part of it: "id", "title", "internal-only body", … (messages say "the <part> of <owner>"). */
  part: string;
}

export interface Leak {
  /** Path of the output file, relative to the site root, forward slashes. */
  file: string;
  marker: Marker;
  /** A few words around the hit. */
  excerpt: string;
}

const MIN_TITLE = 10;
const MIN_TEXT = 24;
const MIN_ID = 5;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '-', ndash: '-', hellip: '...', rsquo: "'", lsquo: "'", rdquo: '"', ldquo: '"', middot: '·', rarr: '→', larr: '←', harr: '↔' };

/** What every replacement of `normalise` but the last two needs: a backslash, an ampersand, a non-ASCII character or "--". */
const NEEDS_FOLDING = /[\\&\u0080-\uffff]|--/;

/** Lower case, entities and escapes decoded, typographic quotes and dashes folded, whitespace collapsed. */
export function normalise(text: string): string {
  // Most text is plain ASCII prose: none of the folding below could change it (a public build
  // at 20,000 evidence normalises about 100,000 strings).
  return NEEDS_FOLDING.test(text) ? normaliseFully(text) : text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `normalise` without its shortcut (exported for the test that holds the two equal). */
export function normaliseFully(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\[nrt]/g, ' ')
    .replace(/\\(["'/\\])/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m)
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/-{2,3}/g, '-')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCK_TAG = /<\/?(?:p|div|li|ul|ol|h[1-6]|td|th|tr|table|thead|tbody|dt|dd|dl|br|hr|section|article|header|footer|main|nav|figure|figcaption|blockquote|pre|title|text|tspan|details|summary|option)\b[^>]*>/gi;

/** Text of HTML/SVG/XML: block tags become spaces, inline tags vanish, scripts and styles kept as text. */
export function stripTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(BLOCK_TAG, ' ').replace(/<[^>]+>/g, '');
}

/** Markdown/MDX source to plain text roughly as it renders (inline syntax removed). */
function plainMarkdown(md: string): string {
  return md
    .replace(/^\s*(?:import|export)\s.*$/gm, ' ')
    .replace(/^```.*$/gm, '\n\n')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/`+/g, '')
    .replace(/\*\*|__|\*/g, '')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-+*]|\d+[.)])\s+/gm, '\n\n')
    .replace(/\|/g, '\n\n')
    .replace(/^\s*:?-{3,}:?\s*$/gm, '\n\n');
}

/** Whether normalised text (single spaces, trimmed) has at least `n` words; counts without splitting. */
function hasWords(text: string, n: number): boolean {
  for (let at = text.indexOf(' '), found = 1; ; at = text.indexOf(' ', at + 1), found++) {
    if (found >= n) return true;
    if (at < 0) return false;
  }
}

/** Distinctive sentences of a text: split at sentence ends and blocks, long enough to be unique. */
export function distinctiveSentences(text: string, markdown = false): string[] {
  const plain = markdown ? plainMarkdown(text) : text;
  const out = new Set<string>();
  for (const block of plain.split(/\n\s*\n/)) {
    for (const raw of block.split(/(?<=[.!?;:])\s+(?=[A-Z0-9"'(])/)) {
      const s = normalise(raw).replace(/[\s.;:,]+$/, '');
      if (s.length >= MIN_TEXT && hasWords(s, 4)) out.add(s);
    }
  }
  return [...out];
}

/** Every string inside a plain value (object, array), for the allowed-text corpus. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

const kindName = (e: EntryNode) => (e.type === 'evidence' ? 'evidence' : e.type);

/** Markers for everything in `model` (the full model) that `audience` may not see. */
export function leakMarkers(model: Model, audience: Audience): Marker[] {
  const sees = (v: Audience) => visibleTo(v, audience);
  const markers: Marker[] = [];
  const add = (kind: MarkerKind, text: string | undefined, owner: string, part: string) => {
    if (!text) return;
    const n = normalise(text);
    const min = kind === 'id' || kind === 'file' ? MIN_ID : kind === 'title' ? MIN_TITLE : kind === 'hash' ? 32 : MIN_TEXT;
    if (n.length < min) return;
    if ((kind === 'title' && !hasWords(n, 2)) || (kind === 'text' && !hasWords(n, 4))) return;
    markers.push({ text: n, kind, owner, part });
  };
  const texts = (text: string | undefined, owner: string, part: string, markdown = false) => {
    if (!text) return;
    if (!markdown) add('title', text, owner, part);
    for (const s of distinctiveSentences(text, markdown)) add('text', s, owner, part);
  };

  for (const e of model.entries.values()) {
    const owner = `${e.visibility} ${kindName(e)} "${e.id}"`;
    const hidden = !sees(e.visibility);
    const hiddenField = <E extends EntryNode>(x: E, f: FieldName<E['type']>) => hidden || !sees(fieldVisibility(x, f));
    if (hidden) {
      add('id', e.id, owner, 'id');
      texts(e.data.title, owner, 'title');
    }
    if (hiddenField(e, 'body')) texts(e.body, owner, hidden ? 'body' : `${fieldVisibility(e, 'body')}-only body`, true);
    if (hiddenField(e, 'controls')) for (const l of e.controls) texts(l.note, owner, 'control-mapping note');
    if (e.type === 'policy') {
      if (hiddenField(e, 'summary')) texts(e.data.summary, owner, 'summary');
      if (hiddenField(e, 'owner')) texts(e.data.owner, owner, 'owner');
      if (hiddenField(e, 'approvals')) for (const a of e.data.approvals) add('title', a.name, owner, 'approver name');
    } else if (e.type === 'measure') {
      if (hiddenField(e, 'summary')) texts(e.data.summary, owner, 'summary');
      if (hiddenField(e, 'owner')) texts(e.data.owner, owner, 'owner');
    } else {
      if (hiddenField(e, 'source')) texts(e.data.source, owner, 'source');
      if (hiddenField(e, 'collectedBy')) texts(e.data.collectedBy, owner, 'collector');
      if (hiddenField(e, 'restoreTest')) texts(e.data.restoreTest?.scope, owner, 'restore-test scope');
      for (const a of e.artifacts) {
        if (!hidden && sees(a.visibility)) continue;
        const name = a.path.split('/').pop()!;
        add('file', a.path, owner, `artifact ${name}`);
        add('file', name, owner, `artifact ${name}`);
        add('hash', a.sha256, owner, `hash of artifact ${name}`);
      }
    }
  }
  if (!sees('internal')) {
    for (const n of model.config.notApplicable) texts(n.reason, `internal setting notApplicable "${n.control}" (proofbook.yaml)`, 'reason');
  }
  if (model.trust) trustMarkers(model.trust, audience, add, texts);
  return dedupe(markers);
}

function trustMarkers(trust: TrustData, audience: Audience, add: (k: MarkerKind, t: string | undefined, o: string, p: string) => void, texts: (t: string | undefined, o: string, p: string) => void) {
  const sees = (v: Audience) => visibleTo(v, audience);
  trust.attestations.forEach((a, i) => {
    const owner = `${a.visibility} attestation "${a.name}" (trust.yaml attestations[${i}])`;
    if (!sees(a.visibility)) {
      add('title', a.name, owner, 'name');
      texts(a.scope, owner, 'scope');
      add('text', a.reference, owner, 'reference');
    }
    if (a.url && (!sees(a.visibility) || !sees(a.access))) add('file', a.url, owner, 'document link');
  });
  trust.documents.forEach((d, i) => {
    const owner = `${d.visibility} document "${d.title}" (trust.yaml documents[${i}])`;
    if (!sees(d.visibility)) {
      add('title', d.title, owner, 'title');
      texts(d.description, owner, 'description');
    }
    if (d.url && (!sees(d.visibility) || !sees(d.access))) add('file', d.url, owner, 'document link');
  });
  trust.changes.forEach((c, i) => {
    if (!sees(c.visibility)) texts(c.summary, `${c.visibility} change of ${c.date} (trust.yaml changes[${i}])`, 'summary');
  });
  trust.subprocessors.forEach((s, i) => {
    if (sees(s.visibility)) return;
    const owner = `${s.visibility} subprocessor "${s.name}" (trust.yaml subprocessors[${i}])`;
    add('title', s.name, owner, 'name');
    texts(s.purpose, owner, 'purpose');
    texts(s.data, owner, 'data');
    if (s.website) add('file', s.website, owner, 'website');
  });
  trust.faq.forEach((f, i) => {
    if (sees(f.visibility)) return;
    const owner = `${f.visibility} FAQ "${f.question}" (trust.yaml faq[${i}])`;
    texts(f.question, owner, 'question');
    texts(f.answer, owner, 'answer');
  });
}

function dedupe(markers: Marker[]): Marker[] {
  const seen = new Map<string, Marker>();
  for (const m of markers) {
    const key = `${m.kind}|${m.text}`;
    if (!seen.has(key)) seen.set(key, m);
  }
  return [...seen.values()];
}

/**
 * Everything the audience may see, normalised: text markers found here are not leaks. With
 * the content folder, the text of the evidence files the audience may download counts too
 * (a diagram published to customers may repeat an internal measure's wording).
 */
export function allowedText(model: Model, audience: Audience, contentDir?: string): string {
  const view = viewFor(model, audience);
  const parts: string[] = [];
  if (contentDir) {
    for (const a of view.evidence.flatMap((e) => e.artifacts)) {
      const file = path.join(contentDir, ...a.path.split('/'));
      if (existsSync(file)) parts.push(...fileTexts(a.path, readFileSync(file)));
    }
  }
  for (const e of view.entries.values()) parts.push(e.id, e.body, ...strings(e.data), ...e.controls.flatMap((l) => (l.note ? [l.note] : [])));
  parts.push(...strings(view.config));
  if (view.trust) parts.push(...strings(trustFor(view.trust, audience)));
  for (const f of view.frameworks) parts.push(f.catalog.name, f.catalog.edition, f.catalog.source, ...f.catalog.groups.flatMap((g) => [g.title, g.category]), ...f.catalog.controls.map((c) => c.title));
  // The controls page describes each control in our own words ("… according to an agreed
  // backup policy."): an internal policy titled "Backup Policy" is not leaked by that sentence.
  for (const c of view.controls.values()) if (CONTROL_DESCRIPTIONS[c.key]) parts.push(CONTROL_DESCRIPTIONS[c.key]!);
  for (const a of BACKUP_AREAS) parts.push(a.title, a.summary);
  for (const [, title] of COMMITMENT_TITLES) parts.push(title);
  for (const p of trustPages(view)) parts.push(p.title, p.description);
  return parts.map(normalise).join('\n');
}

/** Markers that are distinctive for this audience: ids always, text only when the audience cannot see it anyway. */
export function guardMarkers(model: Model, audience: Audience, contentDir?: string): Marker[] {
  const allowed = allowedText(model, audience, contentDir);
  const markers = leakMarkers(model, audience);
  const textual = (m: Marker) => m.kind === 'text' || m.kind === 'title';
  const inAllowed = new Set(candidateMarkers([allowed], markers.filter(textual)).filter((m) => allowed.includes(m.text)));
  return markers.filter((m) => !inAllowed.has(m));
}

const ID_CHAR = /[a-z0-9_-]/;

/** Whether `marker` occurs in `text`; ids and file names only as whole tokens. */
function find(text: string, m: Marker): number {
  if (m.kind === 'text' || m.kind === 'title') return text.indexOf(m.text);
  let at = text.indexOf(m.text);
  while (at >= 0) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + m.text.length] ?? ' ';
    const next = text[at + m.text.length + 1] ?? ' ';
    const boundaryBefore = !ID_CHAR.test(before) && before !== '.';
    const boundaryAfter = !ID_CHAR.test(after) && !(after === '.' && /[a-z0-9]/.test(next));
    if (boundaryBefore && boundaryAfter) return at;
    at = text.indexOf(m.text, at + 1);
  }
  return -1;
}

/** The searchable text of one output file: decompressed, decoded, with a tag-stripped variant for markup. */
export function fileTexts(file: string, bytes: Buffer): string[] {
  let buf = bytes;
  if (buf.length > 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      // not really gzip: search the raw bytes
    }
  }
  if (isPng(buf)) {
    try {
      return [normalise(pngText(buf).map(([k, v]) => `${k}: ${v}`).join('\n'))];
    } catch {
      return [normalise(buf.toString('latin1'))];
    }
  }
  let raw = buf.toString('utf8');
  if (raw.startsWith('pagefind_dcd')) raw = raw.slice('pagefind_dcd'.length);
  const texts = [normalise(raw)];
  if (/\.(?:html?|svg|xml|xhtml)$/i.test(file) || /^\s*</.test(raw)) texts.push(normalise(stripTags(raw)));
  return texts;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(root, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

/** The markers found in one file's normalised texts (at most one leak per marker). */
export function leaksInTexts(file: string, texts: string[], markers: Marker[]): Leak[] {
  const leaks: Leak[] = [];
  for (const m of markers) {
    for (const t of texts) {
      const at = find(t, m);
      if (at < 0) continue;
      leaks.push({ file, marker: m, excerpt: t.slice(Math.max(0, at - 30), at + m.text.length + 30) });
      break;
    }
  }
  return leaks;
}

/**
 * A filter in front of the search: which markers can occur anywhere in the texts at all. A
 * program of 20,000 evidence records has about 100,000 markers, and searching every file for
 * each one took 14 of the 25 CPU-s of a public build. Every GRAM-character piece of every text
 * is hashed into a bit set, once; a marker stays a candidate only if each of its pieces (and
 * its last GRAM characters) is in the set, which a marker that occurs always is, so the filter
 * never drops a leak. A hash collision only keeps a marker that the exact search then rejects.
 * The hash is a polynomial one, rolled along the text one character at a time: 0.40 s for
 * 47 million characters (an export at 20,000 evidence), against 0.65 s hashing each piece afresh.
 */
const GRAM = MIN_ID;
const BITS = 1 << 25;
/** The polynomial's base, and its GRAM-th power (what the character leaving the window weighs). */
const BASE = 0x01000193;
const BASE_OUT = Array.from({ length: GRAM - 1 }).reduce<number>((p) => Math.imul(p, BASE), 1);

/** A bit of the set for a piece's polynomial hash (mixed, so that close hashes spread). */
function slot(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & (BITS - 1);
}

/** The polynomial hash of the GRAM characters of `text` at `at`. */
function gramHash(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  return h;
}

/** The pieces of every text added so far; see candidateMarkers. */
export class GramSet {
  private readonly seen = new Uint8Array(BITS / 8);

  add(text: string): void {
    const seen = this.seen;
    if (text.length < GRAM) return;
    let h = gramHash(text, 0);
    for (let i = 0; ; i++) {
      const bit = slot(h);
      seen[bit >>> 3] = seen[bit >>> 3]! | (1 << (bit & 7));
      if (i + GRAM >= text.length) return;
      h = (Math.imul((h - Math.imul(text.charCodeAt(i), BASE_OUT)) | 0, BASE) + text.charCodeAt(i + GRAM)) | 0;
    }
  }

  /** False only when `text` occurs in none of the texts added. */
  mayContain(text: string): boolean {
    if (text.length < GRAM) return true;
    const has = (at: number) => {
      const bit = slot(gramHash(text, at));
      return (this.seen[bit >>> 3]! & (1 << (bit & 7))) !== 0;
    };
    for (let i = 0; i + GRAM <= text.length; i += GRAM) if (!has(i)) return false;
    return has(text.length - GRAM);
  }
}

export function candidateMarkers(texts: Iterable<string>, markers: Marker[]): Marker[] {
  const grams = new GramSet();
  for (const t of texts) grams.add(t);
  return markers.filter((m) => grams.mayContain(m.text));
}

/** The leaks in a set of files, each given as its normalised texts (see fileTexts). */
export function leaksInFiles(files: Array<{ file: string; texts: string[] }>, markers: Marker[]): Leak[] {
  if (!markers.length) return [];
  const candidates = candidateMarkers(
    files.flatMap((f) => f.texts),
    markers,
  );
  return candidates.length ? files.flatMap((f) => leaksInTexts(f.file, f.texts, candidates)) : [];
}

/** Searches every file below `dir` (and every file's path) for the markers. */
export function scanForLeaks(dir: string, markers: Marker[]): Leak[] {
  if (!markers.length) return [];
  return leaksInFiles(
    listFiles(dir).map((file) => ({ file, texts: [normalise(file), ...fileTexts(file, readFileSync(path.join(dir, file)))] })),
    markers,
  );
}

/** Runs the guard on a built site: the leaks found for `audience` given the full model (and its content folder). */
export function guardSite(dir: string, model: Model, audience: Audience, contentDir?: string): Leak[] {
  return scanForLeaks(dir, guardMarkers(model, audience, contentDir));
}

/** A build refused by the leak guard; `leaks` says where and what. */
export class LeakError extends Error {
  constructor(
    readonly audience: Audience,
    readonly leaks: Leak[],
  ) {
    super(`The leak guard found ${leaks.length} leak${leaks.length === 1 ? '' : 's'} in the ${audience} build.`);
    this.name = 'LeakError';
  }
}

/** The CLI's report of a refused build: one block per file, each naming the entry and what leaked. */
export function formatLeaks(error: LeakError, max = 30): string {
  const lines = [`✗ Leak guard: the ${error.audience} build contains content its audience may not see.`];
  for (const l of error.leaks.slice(0, max)) {
    lines.push(`✗ ${l.file}`, `    the ${l.marker.part} of ${l.marker.owner}: "…${l.excerpt}…"`);
  }
  if (error.leaks.length > max) lines.push(`  … and ${error.leaks.length - max} more.`);
  lines.push(
    `    fix: a page or template printed content above "${error.audience}": check the visibility of the named entry or field (see docs/audiences.md), and remove the reference from public text`,
  );
  return lines.join('\n');
}
