/**
 * The ECR authorization token `aws ecr get-login-password` prints and `docker login
 * --password-stdin` reads. The real token is base64 of a JSON envelope (payload, datakey,
 * version, type, expiration); the sandbox's has the same envelope, with a payload that names
 * the Region and the time it was issued (the real one is encrypted).
 */
import { sha256Hex } from '../../../engine/sha256.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += c === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}

export function unbase64(text: string): string | null {
  const clean = text.trim();
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean))
    return null;
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const v = [0, 1, 2, 3].map((k) => (clean[i + k] === '=' ? 0 : ALPHABET.indexOf(clean[i + k]!)));
    const n = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!;
    bytes.push((n >> 16) & 255);
    if (clean[i + 2] !== '=') bytes.push((n >> 8) & 255);
    if (clean[i + 3] !== '=') bytes.push(n & 255);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** The token for a Region at a simulated time (valid 12 hours). */
export function loginToken(region: string, time: number): string {
  const payload = base64(`shipyard|${region}|${time}|${sha256Hex(`${region}|${time}`)}`);
  return base64(
    JSON.stringify({
      payload,
      datakey: base64(sha256Hex(`datakey|${region}|${time}`)),
      version: '2',
      type: 'DATA_KEY',
      expiration: time + 12 * 3600,
    }),
  );
}

/** What a token says: its Region and when it was issued, or null for text that is not one. */
export function readToken(
  token: string,
): { region: string; issuedAt: number; expiration: number } | null {
  const json = unbase64(token);
  if (json === null) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Record<string, unknown>;
  if (typeof d['payload'] !== 'string' || typeof d['expiration'] !== 'number') return null;
  const payload = unbase64(d['payload']);
  const parts = payload?.split('|') ?? [];
  if (parts.length !== 4 || parts[0] !== 'shipyard') return null;
  const issuedAt = Number(parts[2]);
  if (!Number.isFinite(issuedAt)) return null;
  return { region: parts[1]!, issuedAt, expiration: d['expiration'] };
}
