/**
 * Release versions: calendar versions (2026.1, 2026.1.2: year, release of the year, patch)
 * or semantic versions (1.4.0, 2.0.0-rc.1). They become file names and URL segments
 * (proofbook-2026.1.zip, /releases/2026.1/), so only [0-9A-Za-z.-] is allowed.
 */
export interface Version {
  /** As written. */
  raw: string;
  kind: 'calendar' | 'semver';
  /** Numeric parts, compared left to right. */
  parts: number[];
  /** Semver pre-release identifiers ("rc.1" → ["rc", "1"]); empty for a final release. */
  prerelease: string[];
}

const CALENDAR = /^(\d{4})\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?$/;

/** Parses a release version, or returns the reason it is not one (a sentence for the user). */
export function parseVersion(raw: string): Version | { error: string } {
  const text = raw.trim();
  if (!text) return { error: 'the version is empty' };
  if (/^v\d/i.test(text)) return { error: `write the version without the "v": ${text.slice(1)}` };
  if (text.includes('+')) return { error: 'build metadata ("+…") is not allowed in a release version; use a pre-release suffix such as -rc.1 instead' };
  const cal = CALENDAR.exec(text);
  if (cal) {
    const year = Number(cal[1]);
    if (year < 1980 || year > 2999) return { error: `"${text}" looks like a calendar version but ${year} is not a plausible year` };
    return { raw: text, kind: 'calendar', parts: [year, Number(cal[2]), Number(cal[3] ?? 0)], prerelease: [] };
  }
  const sem = SEMVER.exec(text);
  if (sem) {
    return { raw: text, kind: 'semver', parts: [Number(sem[1]), Number(sem[2]), Number(sem[3])], prerelease: sem[4] ? sem[4].split('.') : [] };
  }
  return { error: `"${text}" is not a release version: use a calendar version such as 2026.1 or 2026.1.2, or a semantic version such as 1.4.0 or 2.0.0-rc.1` };
}

export function isVersion(v: Version | { error: string }): v is Version {
  return !('error' in v);
}

/** Orders versions: numeric parts, then a pre-release before its final release (semver rules). */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const d = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (d) return Math.sign(d);
  }
  if (!a.prerelease.length || !b.prerelease.length) return (b.prerelease.length ? 1 : 0) - (a.prerelease.length ? 1 : 0);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Math.sign(Number(x) - Number(y));
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Compares two version strings (unparseable ones sort last, by text). */
export function compareVersionText(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (isVersion(x) && isVersion(y)) return compareVersions(x, y);
  if (isVersion(x)) return -1;
  if (isVersion(y)) return 1;
  return a.localeCompare(b);
}
