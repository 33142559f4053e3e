/**
 * Exact-state links: `#sbx=v<version>.<base64url of the format's bytes>`. The fragment never
 * reaches a server. Every decoder ever shipped stays registered in FORMATS, so an old link keeps
 * opening; new links use CURRENT_VERSION. A link is untrusted input: decoding never throws and
 * every refusal says why (see shared-state.ts for the rules).
 */
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { decodeV1, encodeV1 } from './link-v1.ts';
import { LIMITS, refuse, type LinkResult, type SharedState } from './shared-state.ts';

interface LinkFormat {
  encode: (state: SharedState) => Uint8Array;
  decode: (bytes: Uint8Array) => LinkResult<SharedState>;
}

/** Add v2 here beside v1; never remove an entry. */
const FORMATS: Record<number, LinkFormat> = {
  1: { encode: encodeV1, decode: decodeV1 },
};

export const CURRENT_VERSION = 1;

/** The fragment key; the value is `v<version>.<data>`. */
export const LINK_KEY = 'sbx';
const PREFIX = `#${LINK_KEY}=`;

/** True when a location hash is meant as a sandbox link (well-formed or not). */
export function isStateLink(hash: string): boolean {
  return hash.startsWith(PREFIX);
}

/** The fragment, with its `#`, for a state. */
export function encodeStateLink(state: SharedState): string {
  const bytes = FORMATS[CURRENT_VERSION]!.encode(state);
  return `${PREFIX}v${CURRENT_VERSION}.${toBase64Url(bytes)}`;
}

/** Decodes a location hash (`#sbx=v1.…`); never throws. */
export function decodeStateLink(hash: unknown): LinkResult<SharedState> {
  try {
    return decode(hash);
  } catch {
    // Every known failure is reported above; this guards the page against an unknown one.
    return refuse('damaged', 'its data could not be read.');
  }
}

function decode(hash: unknown): LinkResult<SharedState> {
  if (typeof hash !== 'string' || !isStateLink(hash))
    return refuse('not-a-link', `a sandbox link's address ends in ${PREFIX}v1.…`);
  if (hash.length - 1 > LIMITS.fragmentChars) {
    return refuse(
      'too-long',
      `it is ${(hash.length - 1).toLocaleString('en')} characters long; a sandbox link is at most ${LIMITS.fragmentChars.toLocaleString('en')}.`,
    );
  }
  const body = hash.slice(PREFIX.length);
  const match = /^v(\d{1,6})\./.exec(body);
  if (!match)
    return refuse(
      'version',
      `it does not say which link format it uses (it should continue v${CURRENT_VERSION}.).`,
    );
  const version = Number(match[1]);
  const format = FORMATS[version];
  if (!format) {
    return refuse(
      'version',
      `it uses link format v${version}, which this version of the course cannot read (it reads ${Object.keys(
        FORMATS,
      )
        .map((v) => `v${v}`)
        .join(', ')}).`,
    );
  }
  const data = body.slice(match[0].length);
  if (data.length === 0)
    return refuse('truncated', 'it has no data after its format; copy the whole link again.');
  const bytes = fromBase64Url(data);
  if (!bytes.ok) {
    return bytes.problem === 'bad-length'
      ? refuse(
          'truncated',
          'it is incomplete, probably cut off when it was copied. Copy the whole link again.',
        )
      : refuse(
          'damaged',
          `it contains a character a sandbox link never has, at position ${bytes.at + 1} of its data.`,
        );
  }
  return format.decode(bytes.bytes);
}
