/** The world is a function of (scenario, seed, action log): replay rebuilds it. */
import type { Action, ActionResult } from '../model/actions.ts';
import type { TimedAction, World } from '../model/types.ts';
import type { Scenario } from '../scenarios/schema.ts';
import { applyAction } from './apply-action.ts';
import { createWorld } from './create-world.ts';
import { cloneWorld } from './serialize.ts';
import { advanceInPlaceTo } from './step.ts';

export interface ReplayOptions {
  seed?: number;
  /** Run the clock up to this time after the last action (default: the last action's time). */
  until?: number;
  /** Start from this world instead of the scenario's time 0 (a checkpoint). */
  from?: World;
}

/**
 * Replays learner and instructor actions (entries `by: 'scenario'` are skipped: the script
 * fires them itself). Returns the world and each action's result, in order.
 */
export function replay(
  scenario: Scenario,
  log: readonly TimedAction[],
  options: ReplayOptions = {},
): { world: World; results: ActionResult[] } {
  let world = options.from
    ? cloneWorld(options.from)
    : createWorld(scenario, { seed: options.seed });
  const results: ActionResult[] = [];
  for (const entry of log) {
    if (entry.by === 'scenario') continue;
    if (entry.at > world.time) advanceInPlaceTo(world, entry.at);
    const applied = applyAction(world, entry.action as Action, entry.by);
    world = applied.world;
    results.push(applied.result);
  }
  if (options.until !== undefined) advanceInPlaceTo(world, options.until);
  return { world, results };
}
