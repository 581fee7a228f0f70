/**
 * Credential patterns for the secret scan (rule 9). A hit is reported by kind and line only:
 * the matched value never leaves this module. Patterns are tuned against prose such as
 * "password policy" or "Passwords: at least 14 characters": an assignment must carry a
 * value that looks like a real one (not a placeholder, mask or variable).
 */

export interface SecretHit {
  /** 1-based line. */
  line: number;
  /** What was found, e.g. "AWS access key id". */
  kind: string;
}

/** Values that stand for a secret without being one: masks, variables, placeholders, booleans. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/^[*xX•#.\-_]+$/.test(v)) return true;
  if (/^(?:\$|%|<|\{\{|\(|\[|!|@)/.test(v)) return true;
  if (/^(?:null|none|nil|true|false|yes|no|redacted|\[redacted\]|masked|hidden|secret|password|passwd|changeit|example|placeholder|required|optional|string|env|undefined)$/i.test(v)) return true;
  if (/^(?:env|vault|file|arn|ssm|secretsmanager|keychain|op|sops|kms):/i.test(v)) return true;
  if (/redacted|masked|\*{3,}/i.test(v)) return true;
  return false;
}

interface Pattern {
  kind: string;
  re: RegExp;
  /** Extra test on a match (default: any match counts). */
  accept?: (m: RegExpExecArray) => boolean;
}

const KEY_PASSWORD = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase)|(?:[A-Za-z0-9_.-]*[_.-])?pass`;
const KEY_SECRET = String.raw`[A-Za-z0-9_.-]*(?:secret|secret[_-]?key|secret[_-]?access[_-]?key|api[_-]?key|access[_-]?token|auth[_-]?token|private[_-]?key)`;

/**
 * `key: value` / `key = value` / `"key": "value"`. Quoted values always count; an unquoted
 * value after ":" must end the line (YAML style, so "Password: at least 14 characters" is prose);
 * after "=" it ends at whitespace or a separator (env files, connection strings, logs).
 */
function assignment(key: string): RegExp {
  return new RegExp(String.raw`(?<![A-Za-z0-9_.-])["']?(?:${key})["']?\s*(?:(=)|:)[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\n]*))`, 'gi');
}

function assignedValue(m: RegExpExecArray): string | undefined {
  const [, eq, dq, sq, rest] = m;
  if (dq !== undefined) return dq;
  if (sq !== undefined) return sq;
  if (rest === undefined) return undefined;
  // After "=" the value ends at whitespace or a separator (env lines, connection strings, query strings).
  if (eq) return /^[^\s"',;&)}\]]+/.exec(rest)?.[0];
  // After ":" the value must be a single token that ends the line (trailing comment or comma allowed).
  const value = rest.replace(/\s+#.*$/, '').replace(/[,;]\s*$/, '').trim();
  return /\s/.test(value) ? undefined : value;
}

const PATTERNS: Pattern[] = [
  { kind: 'AWS access key id', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, accept: (m) => !m[0].endsWith('EXAMPLE') },
  { kind: 'private key', re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'password', re: assignment(KEY_PASSWORD), accept: (m) => { const v = assignedValue(m); return v !== undefined && !isPlaceholder(v); } },
  { kind: 'secret or API key', re: assignment(KEY_SECRET), accept: (m) => { const v = assignedValue(m); return v !== undefined && !isPlaceholder(v); } },
  { kind: 'bearer token', re: /\bauthorization\s*[:=]\s*["']?bearer\s+([A-Za-z0-9._~+/-]+=*)/gi, accept: (m) => !isPlaceholder(m[1]!) && m[1]!.length >= 8 },
  { kind: 'bearer token', re: /\bbearer\s+([A-Za-z0-9._~+/-]{20,}=*)/gi, accept: (m) => /\d/.test(m[1]!) && /[A-Za-z]/.test(m[1]!) && !isPlaceholder(m[1]!) },
  { kind: 'JSON web token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
  { kind: 'URL with a password', re: /\b[a-z][a-z0-9+.-]*:\/\/([^\s:/@'"]+):([^\s@/'"]+)@/gi, accept: (m) => !isPlaceholder(decodeURIComponentSafe(m[2]!)) },
  { kind: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/g },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'Stripe secret key', re: /\b[rs]k_live_[0-9A-Za-z]{16,}/g },
];

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Cheap pre-filter: lines (and files) without any of these cannot match a pattern. */
const HINT = /AKIA|ASIA|PRIVATE[ _-]?KEY|pass|secret|api[_-]?key|token|bearer|eyJ|:\/\/[^\s/@]+:[^\s/@]+@|gh[pousr]_|github_pat_|xox[abposr]-|hooks\.slack|AIza|k_live_/i;

/** False when a text certainly holds none of the credentials scanText finds (a cheap pre-check). */
export const mayHoldSecret = (text: string): boolean => HINT.test(text);

/** Every credential-looking hit in a text, by line and kind (one hit per kind per line). */
export function scanText(text: string): SecretHit[] {
  if (!HINT.test(text)) return [];
  const hits: SecretHit[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!HINT.test(line)) continue;
    const kinds = new Set<string>();
    for (const p of PATTERNS) {
      if (kinds.has(p.kind)) continue;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(line); m; m = p.re.exec(line)) {
        if (!p.accept || p.accept(m)) {
          kinds.add(p.kind);
          break;
        }
        if (m[0].length === 0) p.re.lastIndex++;
      }
    }
    for (const kind of kinds) hits.push({ line: i + 1, kind });
  }
  return hits;
}

const BINARY_EXTENSIONS = /\.(?:png|jpe?g|gif|webp|avif|ico|bmp|tiff?|heic|pdf|zip|gz|tgz|bz2|xz|zst|7z|rar|tar|jar|woff2?|ttf|otf|eot|mp[34]|mov|avi|wav|ogg|flac|docx|xlsx|pptx|odt|ods|odp|sqlite|db|bin|exe|dll|so|dylib|class|pyc)$/i;

/** Whether a file should be skipped as binary: by extension, or a NUL byte near the start. SVG and other text formats are scanned. */
export function isBinary(path: string, data: Uint8Array): boolean {
  if (BINARY_EXTENSIONS.test(path)) return true;
  const n = Math.min(data.length, 8192);
  for (let i = 0; i < n; i++) if (data[i] === 0) return true;
  return false;
}
