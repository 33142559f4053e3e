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
 *
 * Large collections a module declares `tracked` (ECS tasks) are not walked entity by entity:
 * a handler that writes into one of their entities, or into anything inside it, calls
 * `touch(entity)` first. At publish an entity that is the very object published last time
 * from the same working copy and was not touched is taken as equal, unread; a touched, new or
 * replaced entity is walked as any other value. Tests run with `verifyTracking(true)`, which
 * walks the untouched ones too and throws on a write that did not touch.
 */
import type { World } from '../model/types.ts';
import { cloneWorld } from './serialize.ts';

const APPEND_ONLY = new Set(['events', 'metrics', 'log', 'script']);

/** Slice key → the keys of its tracked collections (see the header). */
const tracked = new Map<string, Set<string>>();

/** Declares `slice.key` a tracked collection: its entities are `touch`ed before any write. */
export function trackCollection(slice: string, key: string): void {
  const keys = tracked.get(slice) ?? new Set<string>();
  keys.add(key);
  tracked.set(slice, keys);
}

/** Working-copy entities written since they were last published. */
const touched = new WeakSet<object>();
/** A working-copy entity → the published entity it was last found equal to. */
const twins = new WeakMap<object, object>();
let verifying = false;

/**
 * Marks an entity of a tracked collection (the working copy's) as about to be written: call it
 * before writing into the entity or into anything it holds.
 */
export function touch(entity: object): void {
  touched.add(entity);
}

/** When on, publish also walks untouched entities and throws if one changed (for tests). */
export function verifyTracking(on: boolean): void {
  verifying = on;
}

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
function shareObject(
  prev: Plain | undefined,
  cur: Plain,
  root: boolean,
  collections?: Set<string>,
): Plain {
  const layout = prev === undefined ? undefined : layouts.get(prev);
  if (layout === undefined) return rebuild(prev, cur, root, collections, undefined, 0, NONE);
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
      const shared = shareChild(key, p, c, root, collections);
      if (shared !== p) {
        found = shared;
        differs = true;
        break;
      }
    }
    i++;
  }
  if (!differs && i === keys.length) return prev!;
  return rebuild(prev, cur, root, collections, layout, i, found);
}

/** A value of `key` in the root (a slice or a log), in a slice (`collections` its tracked keys) or below. */
function shareChild(
  key: string,
  prev: unknown,
  cur: unknown,
  root: boolean,
  collections: Set<string> | undefined,
): unknown {
  if (root) {
    if (APPEND_ONLY.has(key)) return shareLog(prev, cur as unknown[]);
    const keys = tracked.get(key);
    if (keys !== undefined && isPlain(cur))
      return shareObject(isPlain(prev) ? prev : undefined, cur, false, keys);
  } else if (collections !== undefined && collections.has(key) && isPlain(cur)) {
    return shareCollection(isPlain(prev) ? prev : undefined, cur);
  }
  return shareValue(prev, cur);
}

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A tracked collection (id → entity): `prev` itself when every entity is its published twin
 * untouched, else a new object sharing every such entity and walking the others.
 */
function shareCollection(prev: Plain | undefined, cur: Plain): Plain {
  const layout = prev === undefined ? undefined : layouts.get(prev);
  if (layout !== undefined) {
    const { keys, values } = layout;
    let i = 0;
    let same = true;
    for (const key in cur) {
      if (key !== keys[i] || !isTwin(cur[key], values[i])) {
        same = false;
        break;
      }
      i++;
    }
    if (same && i === keys.length) return prev!;
  }
  const keys = Object.keys(cur);
  const values = Object.values(cur);
  for (let i = 0; i < keys.length; i++) {
    const c = values[i];
    const p = prev !== undefined && Object.hasOwn(prev, keys[i]!) ? prev[keys[i]!] : undefined;
    if (isTwin(c, p)) {
      values[i] = p;
      continue;
    }
    const shared = shareValue(p, c);
    values[i] = shared;
    if (typeof c === 'object' && c !== null) {
      touched.delete(c);
      if (typeof shared === 'object' && shared !== null) twins.set(c, shared);
    }
  }
  return build(cur, keys, values, false);
}

/** Whether the working-copy entity `cur` is, untouched, the one published as `prev`. */
function isTwin(cur: unknown, prev: unknown): boolean {
  if (typeof cur !== 'object' || cur === null || prev === undefined) return false;
  if (twins.get(cur) !== prev || touched.has(cur)) return false;
  if (verifying && shareValue(prev, cur) !== prev)
    throw new Error('an entity of a tracked collection was written without touch()');
  return true;
}

/**
 * A new object equal to `cur`. Its first `equal` values are `layout`'s; the next, if
 * `next` is not NONE, is `next`; the rest are shared with `prev`'s where equal.
 */
function rebuild(
  prev: Plain | undefined,
  cur: Plain,
  root: boolean,
  collections: Set<string> | undefined,
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
    values[i] = shareChild(key, p, c, root, collections);
  }
  return build(cur, keys, values, root);
}

/** A new object with `cur`'s keys and `values`, its layout recorded (frozen with its slices at the root). */
function build(cur: Plain, keys: string[], values: unknown[], root: boolean): Plain {
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
