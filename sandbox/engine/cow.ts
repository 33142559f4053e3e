/**
 * Structural sharing between the worlds the engine hands out.
 *
 * Handlers and controllers mutate a plain world in place (`ctx.world`), at full speed: no
 * proxy sits between them and the data, because a second of 1,000 tasks reads some 60,000
 * task fields and a proxy trap on each would cost more than the copy it saves. Instead the
 * engine keeps, for the newest world of a lineage, a private working copy equal to it. An
 * `advance` or `applyAction` mutates that working copy, then `publish` builds the next world
 * from it: every part equal to the previous world's is that very object (shared), only what
 * changed is new. Nothing changes a world once handed out (undo checkpoints, the timeline's
 * checkpoints and React keep them); the world and its slices are frozen so that a stray write
 * fails loudly. The working copy moves
 * on to the new world; asking for an older world's copy again makes a fresh deep copy.
 *
 * The append-only logs (events, metrics, actions, script) are compared by length and by the
 * identity of their first and last entries: entries are never changed once written.
 */
import type { World } from '../model/types.ts';
import { cloneWorld } from './serialize.ts';

const APPEND_ONLY = new Set(['events', 'metrics', 'log', 'script']);

/** Published world → the private working copy equal to it (taken by the next step). */
const working = new WeakMap<World, World>();

/** A world the caller may mutate, equal to `world`: its working copy if it has one, else a deep copy. */
export function takeWorkingCopy(world: World): World {
  const copy = working.get(world);
  if (copy) {
    working.delete(world);
    return copy;
  }
  return cloneWorld(world);
}

/** Gives `world` back the working copy taken from it, when nothing changed it. */
export function returnWorkingCopy(world: World, copy: World): void {
  working.set(world, copy);
}

/** Whether `world` was handed out by `publish` (and so is immutable and may be shared). */
export function isPublished(world: World): boolean {
  return Object.isFrozen(world);
}

/**
 * The world equal to `draft`, sharing every unchanged part with `previous` (if it is a
 * published world). `draft` becomes the result's working copy: the caller must not keep it.
 */
export function publish(previous: World | null, draft: World): World {
  const base = previous !== null && isPublished(previous) ? previous : undefined;
  const world = shareRoot(base, draft);
  working.set(world, draft);
  return world;
}

/**
 * `draft` itself, handed out as a published world without sharing anything with another
 * (the world and its slices frozen, as `publish` leaves them). For a world rebuilt only to be
 * looked at, such as a past second on the timeline: comparing it with the world it was
 * rebuilt from would cost as much as the rebuild. It has no working copy, so acting on it
 * starts from a deep copy.
 */
export function seal(draft: World): World {
  Object.freeze(draft);
  for (const value of Object.values(draft))
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  return draft;
}

/** Whether a published world and a working copy are equal (the copy may be given back). */
export function unchanged(world: World, draft: World): boolean {
  return isPublished(world) && shareRoot(world, draft) === world;
}

type Plain = Record<string, unknown>;

/** A published object's keys and values, in order (it never changes once published). */
interface Layout {
  keys: string[];
  values: unknown[];
}
const layouts = new WeakMap<object, Layout>();

function shareRoot(prev: World | undefined, cur: World): World {
  return shareObject(
    prev as unknown as Plain | undefined,
    cur as unknown as Plain,
    true,
  ) as unknown as World;
}

const NONE: unique symbol = Symbol('none');

/**
 * `prev` itself when `cur` equals it (same keys in the same order, equal values), else a new
 * object whose values are shared with `prev`'s where equal. The equal case, the common
 * one, allocates nothing and reads `cur` only with for…in (V8 reads it by field index); at
 * the first difference the rest is built, each child walked once.
 */
function shareObject(prev: Plain | undefined, cur: Plain, root: boolean): Plain {
  const layout = prev === undefined ? undefined : layouts.get(prev);
  if (layout === undefined) return rebuild(prev, cur, root, undefined, 0, NONE);
  const { keys, values } = layout;
  let i = 0;
  let found: unknown = NONE;
  let differs = false;
  for (const key in cur) {
    if (key !== keys[i]) {
      differs = true;
      break;
    }
    const c = cur[key];
    const p = values[i];
    if (c !== p) {
      if (typeof c !== 'object' || c === null) {
        found = c;
        differs = true;
        break;
      }
      const shared = root && APPEND_ONLY.has(key) ? shareLog(p, c as unknown[]) : shareValue(p, c);
      if (shared !== p) {
        found = shared;
        differs = true;
        break;
      }
    }
    i++;
  }
  if (!differs && i === keys.length) return prev!;
  return rebuild(prev, cur, root, layout, i, found);
}

/**
 * A new object equal to `cur`. Its first `equal` values are `layout`'s; the next, if
 * `next` is not NONE, is `next`; the rest are shared with `prev`'s where equal.
 */
function rebuild(
  prev: Plain | undefined,
  cur: Plain,
  root: boolean,
  layout: Layout | undefined,
  equal: number,
  next: unknown,
): Plain {
  const keys = Object.keys(cur);
  const values = Object.values(cur);
  for (let i = 0; i < equal; i++) values[i] = layout!.values[i];
  let from = equal;
  if (next !== NONE) values[from++] = next;
  for (let i = from; i < keys.length; i++) {
    const c = values[i];
    if (typeof c !== 'object' || c === null) continue;
    const key = keys[i]!;
    const p = prev !== undefined && Object.hasOwn(prev, key) ? prev[key] : undefined;
    values[i] = root && APPEND_ONLY.has(key) ? shareLog(p, c as unknown[]) : shareValue(p, c);
  }
  // A spread keeps `cur`'s keys in order (and a '__proto__' key as data) and its fast layout;
  // the children that were shared or copied are then written over.
  const out: Plain = { ...cur };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = values[i];
    if (out[key] === value) continue;
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = value;
  }
  // The world and its slices are frozen, so a stray write to a handed-out world fails loudly.
  // Entities are not: a copy of a frozen object (a rewind copies a checkpoint) makes V8 migrate
  // its layout on every later write, and nothing changes them once published anyway.
  if (root) {
    Object.freeze(out);
    for (const value of values)
      if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  layouts.set(out, { keys, values });
  return out;
}

function shareValue(prev: unknown, cur: unknown): unknown {
  if (typeof cur !== 'object' || cur === null) return cur;
  if (cur === prev) return cur;
  if (Array.isArray(cur)) return shareArray(Array.isArray(prev) ? prev : undefined, cur);
  const p =
    typeof prev === 'object' && prev !== null && !Array.isArray(prev) ? (prev as Plain) : undefined;
  return shareObject(p, cur as Plain, false);
}

function shareArray(prev: unknown[] | undefined, cur: unknown[]): unknown[] {
  const n = cur.length;
  let out: unknown[] | null = prev === undefined || prev.length !== n ? new Array(n) : null;
  for (let i = 0; i < n; i++) {
    const before = prev?.[i];
    const value = shareValue(before, cur[i]);
    if (out === null) {
      if (value === before) continue;
      out = prev!.slice(0, i);
      out.length = n;
    }
    out[i] = value;
  }
  return out === null ? prev! : out;
}

/**
 * An append-only log: the previous array if nothing was appended or dropped, else a new
 * array. Entries already published are shared; new ones are published copies, written
 * back into the working copy's array so the next comparison finds them identical.
 */
function shareLog(prev: unknown, cur: unknown[]): unknown[] {
  const p = Array.isArray(prev) ? prev : undefined;
  const n = cur.length;
  if (
    p !== undefined &&
    p.length === n &&
    (n === 0 || (p[0] === cur[0] && p[n - 1] === cur[n - 1]))
  )
    return p;
  for (let i = n - 1; i >= 0; i--) {
    const entry = cur[i];
    if (typeof entry !== 'object' || entry === null || layouts.has(entry)) break;
    cur[i] = shareValue(undefined, entry);
  }
  return cur.slice();
}
