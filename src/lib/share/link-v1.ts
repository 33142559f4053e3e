/**
 * Link format v1: deflate (raw, RFC 1951) of the JSON `{"s":id,"r":seed,"t":time,"l":[[at,by,action]…]}`
 * with `by` as "l" (learner) or "i" (instructor). Shipped links must keep opening: never change
 * this file's decoder; a new layout is a new file (link-v2.ts) registered beside this one.
 *
 * Deflate is fflate's, not the browser's `CompressionStream('deflate-raw')`. Over every
 * scenario's solution the built-in stream is 59 bytes (0.5 %) shorter in all, from 2 bytes
 * longer to 7 bytes shorter per scenario (bench/share-link.bench.ts, share.deflate_bytes_*).
 * fflate is synchronous, so decoding is one pure function that caps the inflated size, is
 * tested in Node as it runs in the page, and needs no async error path; it loads only when a
 * link is made or opened.
 */
import { deflateSync, inflateSync } from 'fflate';
import {
  checkSharedState,
  LIMITS,
  refuse,
  type LinkResult,
  type SharedState,
} from './shared-state.ts';

const BY_CODE = { learner: 'l', instructor: 'i' } as const;
const BY_NAME: Record<string, 'learner' | 'instructor'> = { l: 'learner', i: 'instructor' };

export function encodeV1(state: SharedState): Uint8Array {
  const json = JSON.stringify({
    s: state.scenarioId,
    r: state.seed,
    t: state.time,
    l: state.log.map((entry) => [entry.at, BY_CODE[entry.by], entry.action]),
  });
  return deflateSync(new TextEncoder().encode(json), { level: 9 });
}

export function decodeV1(bytes: Uint8Array): LinkResult<SharedState> {
  let json: Uint8Array;
  try {
    json = inflateSync(bytes);
  } catch (error) {
    // fflate reports a stream that stops early as "unexpected EOF".
    return /EOF/i.test(String((error as Error).message))
      ? refuse(
          'truncated',
          'it is incomplete, probably cut off when it was copied. Copy the whole link again.',
        )
      : refuse('damaged', 'its data is damaged and does not unpack.');
  }
  if (json.length > LIMITS.jsonBytes) {
    return refuse(
      'too-large',
      `it unpacks to ${json.length.toLocaleString('en')} bytes; a sandbox state is at most ${LIMITS.jsonBytes.toLocaleString('en')}.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return refuse('damaged', 'its data unpacks, but not to the text of a sandbox state.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return refuse('not-a-state', 'its data is not a sandbox state (not an object).');
  const raw = value as Record<string, unknown>;
  const log = Array.isArray(raw['l'])
    ? raw['l'].map((entry: unknown) =>
        Array.isArray(entry) && entry.length === 3
          ? { at: entry[0], by: BY_NAME[String(entry[1])], action: entry[2] }
          : entry,
      )
    : raw['l'];
  return checkSharedState({ scenarioId: raw['s'], seed: raw['r'], time: raw['t'], log });
}
