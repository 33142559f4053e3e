/**
 * The instructor's key as a file, to sign assignments from a second device. It holds the
 * private key: whoever has the file can sign assignments in the instructor's name.
 * Importing checks the file's shape and that its two halves belong together, and keeps the
 * imported private key non-extractable.
 */
import { z } from 'zod';
import { publicKeySchema, type PublicKeyJwk } from './payload.ts';
import { describeZodIssues, type Checked } from './problems.ts';
import { sign, verify } from './signing.ts';

export const KEY_FILE_KIND = 'shipyard-signing-key';
const coordinate = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a 32-byte base64url value');

const keyFileSchema = z.strictObject({
  kind: z.literal(KEY_FILE_KIND),
  v: z.literal(1),
  createdAt: z.iso.datetime(),
  publicKey: publicKeySchema,
  privateKey: z.looseObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: coordinate,
    y: coordinate,
    d: coordinate,
  }),
});

export async function keyFileText(
  privateKey: CryptoKey,
  publicJwk: PublicKeyJwk,
  createdAt: string,
) {
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const file = {
    kind: KEY_FILE_KIND,
    v: 1,
    createdAt,
    publicKey: publicJwk,
    privateKey: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, d: jwk.d },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export interface ImportedKey {
  privateKey: CryptoKey;
  publicJwk: PublicKeyJwk;
  createdAt: string;
}

export async function readKeyFile(text: string): Promise<Checked<ImportedKey>> {
  const refuse = (message: string, path = 'file'): Checked<ImportedKey> => ({
    ok: false,
    problems: [{ path, message }],
  });
  if (text.length > 10_000) return refuse('is too large to be a Shipyard key file');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('is not JSON: choose the .json file you exported from this page');
  }
  const parsed = keyFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: describeZodIssues(parsed.error.issues) };
  const { privateKey: jwk, publicKey, createdAt } = parsed.data;
  if (jwk.x !== publicKey.x || jwk.y !== publicKey.y)
    return refuse('holds a private key that does not belong to its public key', 'privateKey');
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d, ext: false },
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    );
  } catch {
    return refuse('holds a private key that does not belong to its public key', 'privateKey');
  }
  const probe = new TextEncoder().encode('shipyard key check');
  if (!(await verify(publicKey, probe, await sign(privateKey, probe))))
    return refuse('holds a private key that does not belong to its public key', 'privateKey');
  return { ok: true, value: { privateKey, publicJwk: publicKey, createdAt } };
}
