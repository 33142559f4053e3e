/**
 * The clock: one simulated second at a time, every controller in CONTROLLER_ORDER.
 */
import { LIMITS } from '../model/constants.ts';
import type { World } from '../model/types.ts';
import { controllersFor } from './orchestrators.ts';
import { cloneWorld } from './serialize.ts';

/** Advances a draft world the caller owns by one second, in place. */
export function stepInPlace(world: World): void {
  world.time += 1;
  for (const controller of controllersFor(world.orchestrator)) controller(world);
}

/** Returns a new world `seconds` later. The input world is not changed. */
export function advance(world: World, seconds: number): World {
  if (!Number.isFinite(seconds) || seconds <= 0) return world;
  const n = Math.min(Math.floor(seconds), LIMITS.advanceSeconds);
  if (n === 0) return world;
  const draft = cloneWorld(world);
  const controllers = controllersFor(draft.orchestrator);
  for (let k = 0; k < n; k++) {
    draft.time += 1;
    for (const controller of controllers) controller(draft);
  }
  return draft;
}

/** Advances a draft in place up to (and including) time `until`. */
export function advanceInPlaceTo(world: World, until: number): void {
  const controllers = controllersFor(world.orchestrator);
  while (world.time < until) {
    world.time += 1;
    for (const controller of controllers) controller(world);
  }
}
