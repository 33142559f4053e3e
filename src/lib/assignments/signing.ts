/**
 * ECDSA P-256 (SHA-256) signatures with Web Crypto, the same in the browser and in Node.
 * The instructor's private key never leaves their browser except as a key file they export
 * themselves (see key-file.ts); assignments carry only the public half.
 */
import type { PublicKeyJwk } from './payload.ts';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface SigningKey {
  privateKey: CryptoKey;
  publicJwk: PublicKeyJwk;
}

/** A new key pair. `extractable` lets the caller export the private key once, for a backup. */
export async function generateSigningKey(extractable: boolean): Promise<{
  privateKey: CryptoKey;
  publicJwk: PublicKeyJwk;
}> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, extractable, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk: publicPart(jwk) };
}

export function publicPart(jwk: JsonWebKey): PublicKeyJwk {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y)
    throw new Error('not an ECDSA P-256 key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, data as BufferSource));
}

/** False for a wrong signature, a malformed key or a signature of the wrong length. */
export async function verify(
  publicJwk: PublicKeyJwk,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey(
      'jwk',
      { ...publicJwk, ext: true },
      ALGORITHM,
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(SIGN, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

/** A short, stable name for a public key: the first 16 hex digits of SHA-256 over x and y. */
export async function keyId(publicJwk: PublicKeyJwk): Promise<string> {
  const digest = await crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(`${publicJwk.x}.${publicJwk.y}`),
  );
  return [...new Uint8Array(digest).slice(0, 8)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export const sameKey = (a: PublicKeyJwk, b: PublicKeyJwk) => a.x === b.x && a.y === b.y;

/** 16 random hex digits (an assignment id). */
export function randomId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}
