/**
 * The world's seeded PRNG (mulberry32). Its whole state is `world.rng`, a uint32, so a
 * snapshot carries it and a restored world draws the same numbers.
 */
import type { World } from '../model/types.ts';

/** A float in [0, 1); advances world.rng. */
export function random(world: World): number {
  let t = (world.rng = (world.rng + 0x6d2b79f5) >>> 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A whole number in [min, max]. */
export function randomInt(world: World, min: number, max: number): number {
  return min + Math.floor(random(world) * (max - min + 1));
}

export function randomHex(world: World, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(random(world) * 0x10000)
      .toString(16)
      .padStart(4, '0');
  return out.slice(0, length);
}

export function randomDigits(world: World, length: number): string {
  let out = '';
  while (out.length < length)
    out += Math.floor(random(world) * 10000)
      .toString()
      .padStart(4, '0');
  return out.slice(0, length);
}

/** Seeds the PRNG; the seed is scrambled so that seeds 1, 2, 3 give unrelated streams. */
export function seedState(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export const ids = {
  instance: (world: World) => `i-0${randomHex(world, 16)}`,
  task: (world: World) => randomHex(world, 32),
  container: (world: World) => randomHex(world, 12),
  deployment: (world: World) =>
    `ecs-svc/${String(randomInt(world, 1, 9))}${randomDigits(world, 18)}`,
};
