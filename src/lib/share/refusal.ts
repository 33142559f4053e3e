/**
 * Why a sandbox link was refused, in the words shown to the person who opened it. Its own small
 * module: a sandbox island refuses a link whose code did not load without loading the link checks.
 */

/** Why a link was refused, and what to tell the person who opened it. */
export type LinkProblem =
  | 'not-a-link'
  | 'too-long'
  | 'version'
  | 'damaged'
  | 'truncated'
  | 'too-large'
  | 'not-a-state'
  | 'unknown-scenario'
  | 'does-not-replay'
  /** The sandbox's own code did not arrive (offline before the course was cached). */
  | 'not-loaded';

export interface LinkError {
  problem: LinkProblem;
  message: string;
}

export type LinkResult<T> = { ok: true; value: T } | { ok: false; error: LinkError };

/** Longest detail shown: an engine message can quote a hostile name at length. */
const DETAIL_CHARS = 400;

export function refuse(problem: LinkProblem, detail: string): { ok: false; error: LinkError } {
  const shown = detail.length > DETAIL_CHARS ? `${detail.slice(0, DETAIL_CHARS)}…` : detail;
  return { ok: false, error: { problem, message: `This sandbox link was not opened: ${shown}` } };
}
