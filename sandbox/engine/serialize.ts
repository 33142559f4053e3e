/** Snapshots: the world is plain data, so JSON round-trips it exactly (same key order, same numbers). */
import type { World } from '../model/types.ts';

/** A deep copy of plain JSON data (objects, arrays, primitives), keys in the same order. */
function copyPlain<T>(value: T): T;
function copyPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyPlain(value[i]);
    return out;
  }
  // A spread keeps the keys in order and V8's fast layout (a copy built key by key, or by
  // Object.assign, turns into a dictionary past a dozen or so properties, slowing every later
  // read). A '__proto__' key is kept as data. Nested values are then copied.
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = Object.hasOwn(source, '__proto__')
    ? withProtoKey(source)
    : { ...source };
  for (const key in out) {
    const v = out[key];
    if (typeof v !== 'object' || v === null) continue;
    const copy = copyPlain(v);
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = copy;
  }
  return out;
}

/** A shallow copy of an object with a '__proto__' key, kept as data (a snapshot's JSON may carry one). */
function withProtoKey(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source))
    Object.defineProperty(out, key, {
      value: source[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}

/** Append-only logs whose entries are never changed once written: copied as arrays, entries shared. */
const APPEND_ONLY = new Set(['events', 'metrics', 'log', 'script']);

/**
 * A private copy to mutate. Entities are deep-copied (a plain copy of JSON data, several
 * times faster than structuredClone); the append-only logs (events, metrics, actions, script)
 * copy only their arrays, so a long session does not make every step slower. Key order is
 * kept, so a copy serialises (and hashes) exactly like the original.
 */
export function cloneWorld(world: World): World {
  const source = world as unknown as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const value = source[key];
    copy[key] = APPEND_ONLY.has(key) ? (value as unknown[]).slice() : copyPlain(value);
  }
  return copy as unknown as World;
}

export function serializeWorld(world: World): string {
  return JSON.stringify(world);
}

const ARRAYS = [
  'azs',
  'azDown',
  'events',
  'metrics',
  'log',
  'script',
  'allowedActions',
  'modules',
] as const;
const NUMBERS = ['seed', 'rng', 'time', 'scriptCursor', 'nextEventId'] as const;

/** The core's part of a snapshot check (the engine adds each module's); never throws. */
export function checkCoreSnapshot(
  text: string,
): { ok: true; value: Record<string, unknown>; world: World } | { ok: false; error: string } {
  if (typeof text !== 'string') return { ok: false, error: 'snapshot must be a string' };
  if (text.length > 200_000_000) return { ok: false, error: 'snapshot is larger than 200 MB' };
  let parsed: World;
  let value: unknown;
  try {
    parsed = JSON.parse(text);
    value = parsed;
  } catch (error) {
    return { ok: false, error: `snapshot is not valid JSON: ${(error as Error).message}` };
  }
  if (!isRecord(value)) return { ok: false, error: 'snapshot must be a JSON object' };
  const w = value;
  for (const key of NUMBERS)
    if (typeof w[key] !== 'number' || !Number.isFinite(w[key]))
      return { ok: false, error: `snapshot field ${key} must be a number` };
  for (const key of ARRAYS)
    if (!Array.isArray(w[key]))
      return { ok: false, error: `snapshot field ${key} must be an array` };
  if (w.orchestrator !== 'none' && w.orchestrator !== 'ecs' && w.orchestrator !== 'eks')
    return { ok: false, error: 'snapshot field orchestrator must be none, ecs or eks' };
  if (typeof w.region !== 'string' || typeof w.scenarioId !== 'string')
    return { ok: false, error: 'snapshot fields region and scenarioId must be strings' };
  const cost = w.cost;
  if (!isRecord(cost) || typeof cost.total !== 'number')
    return { ok: false, error: 'snapshot field cost must be an object with a total' };
  return { ok: true, value: w, world: parsed };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks that each named field of a slice is a plain object; returns the first that is not. */
export function recordsProblem(
  slice: unknown,
  keys: readonly string[],
  optional: readonly string[] = [],
): string | null {
  if (!isRecord(slice)) return 'must be an object';
  for (const key of keys) if (!isRecord(slice[key])) return `${key} must be an object`;
  for (const key of optional)
    if (Object.hasOwn(slice, key) && !isRecord(slice[key])) return `${key} must be an object`;
  return null;
}

/** A 64-bit FNV-1a hash of the serialised world, as 16 hex digits. */
export function hashWorld(world: World): string {
  const text = serializeWorld(world);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
