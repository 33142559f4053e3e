/**
 * An assignment as text: `<payload>.<signature>`, both base64url — the payload is the
 * assignment's JSON, the signature ECDSA P-256 over the payload's bytes. A link carries the
 * token in its fragment (`/assignment/#<token>`), which browsers never send to a server.
 *
 * Reading a token checks everything a link can get wrong and verifies the signature against
 * the key the assignment names. That proves the link is intact; the gradebook also checks that
 * the key is the instructor's own (see `signedBy`), so a learner cannot re-sign an edited copy.
 */
import {
  base64urlToBytes,
  base64urlToText,
  bytesToBase64url,
  textToBase64url,
} from './base64url.ts';
import {
  assignmentSchema,
  ASSIGNMENT_VERSION,
  type Assignment,
  type PublicKeyJwk,
} from './payload.ts';
import { describeZodIssues, type Checked } from './problems.ts';
import { sameKey, sign, verify } from './signing.ts';

/** Longer tokens are refused unread (a real one is a few kilobytes at most). */
export const MAX_TOKEN_LENGTH = 32_000;

export async function createToken(assignment: Assignment, privateKey: CryptoKey): Promise<string> {
  const checked = assignmentSchema.safeParse(assignment);
  if (!checked.success) throw new Error(`invalid assignment: ${checked.error.message}`);
  const payload = textToBase64url(JSON.stringify(checked.data));
  const signature = await sign(privateKey, new TextEncoder().encode(payload));
  return `${payload}.${bytesToBase64url(signature)}`;
}

export interface ReadToken {
  assignment: Assignment;
  token: string;
}

const refuse = (message: string, path = 'link'): Checked<ReadToken> => ({
  ok: false,
  problems: [{ path, message }],
});

/** Reads and verifies a token (or a whole link containing one). Never throws. */
export async function readToken(input: string): Promise<Checked<ReadToken>> {
  if (input.length > MAX_TOKEN_LENGTH)
    return refuse(
      `is ${input.length} characters long; an assignment is at most ${MAX_TOKEN_LENGTH}`,
    );
  const token = input.trim().replace(/^.*#/, '');
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1])
    return refuse(
      'is not an assignment link: expected two parts separated by a dot (it may have been cut short)',
    );
  const [payloadPart, signaturePart] = parts as [string, string];
  const text = base64urlToText(payloadPart);
  if (text === null) return refuse('is damaged: its first part is not base64url text');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('is damaged: its content is not JSON (it may have been cut short)');
  }
  const version = (data as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && version > ASSIGNMENT_VERSION)
    return refuse(
      `was made by a newer version of Shipyard (assignment format ${version}; this site reads format ${ASSIGNMENT_VERSION}): reload the page to get the latest version`,
      'v',
    );
  if (version !== ASSIGNMENT_VERSION)
    return refuse(`has an unknown format version (${JSON.stringify(version) ?? 'none'})`, 'v');
  const parsed = assignmentSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: describeZodIssues(parsed.error.issues) };
  const signature = base64urlToBytes(signaturePart);
  if (!signature || signature.length !== 64)
    return refuse('is damaged: its signature is not a 64-byte ECDSA P-256 signature', 'signature');
  const valid = await verify(parsed.data.key, new TextEncoder().encode(payloadPart), signature);
  if (!valid)
    return refuse(
      'does not match its signature: the assignment was changed after the instructor signed it',
      'signature',
    );
  return { ok: true, value: { assignment: parsed.data, token: `${payloadPart}.${signaturePart}` } };
}

/** True when the assignment names this public key (its signature was checked by readToken). */
export const signedBy = (assignment: Assignment, key: PublicKeyJwk) => sameKey(assignment.key, key);

export const assignmentLink = (origin: string, token: string) => `${origin}/assignment/#${token}`;
