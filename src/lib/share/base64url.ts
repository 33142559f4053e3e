/** base64url (RFC 4648 §5, no padding) for bytes, without btoa's Latin-1 string detour. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 63]!;
  }
  return out;
}

/**
 * The bytes of a base64url text, or why it is not one: `bad-char` names the first character
 * outside the alphabet; `bad-length` is a length no encoder produces (a cut-off text).
 */
export function fromBase64Url(
  text: string,
): { ok: true; bytes: Uint8Array } | { ok: false; problem: 'bad-char' | 'bad-length'; at: number } {
  if (text.length % 4 === 1) return { ok: false, problem: 'bad-length', at: text.length };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES.get(text[i]!);
    if (value === undefined) return { ok: false, problem: 'bad-char', at: i };
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (buffer >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: bytes.subarray(0, n) };
}
