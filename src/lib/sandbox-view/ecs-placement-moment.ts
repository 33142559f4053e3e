/**
 * The moment an ECS task was placed, rebuilt by replay: nothing about a placement is stored,
 * so "Why here?" replays the world's own log from just before the task was created, second by
 * second and action by action, until the step that gave the task a place. That step's world
 * and the tasks placed before it are what placement-explain.ts needs. The engine's replay is
 * passed in (as the timeline's rewind does), so this adds nothing to a page before it loads.
 * Each step goes on from the last one's working copy (published worlds share it), so a task that
 * waited long costs a second's replay per second waited, not a copy of the world.
 */
import type { PlacementMoment, Scenario, TimedAction, World } from '@sandbox';

export interface MomentEngine {
  replay: (
    scenario: Scenario,
    log: readonly TimedAction[],
    options: { seed?: number; until?: number; from?: World; detached?: boolean },
  ) => { world: World };
}

const isPlaced = (world: World, taskId: string): boolean => {
  const task = Object.hasOwn(world.ecs.tasks, taskId) ? world.ecs.tasks[taskId]! : null;
  return task !== null && task.az !== null;
};

function placedIds(world: World): Set<string> {
  const out = new Set<string>();
  for (const id in world.ecs.tasks) if (world.ecs.tasks[id]!.az !== null) out.add(id);
  return out;
}

/**
 * The world right after the step that placed `taskId`, which `live` shows placed. Null when
 * the task is not placed in `live`, or the replay does not place it (it cannot: the world is
 * a function of scenario, seed and log).
 */
export function placementMoment(
  engine: MomentEngine,
  scenario: Scenario,
  seed: number,
  live: World,
  taskId: string,
): PlacementMoment | null {
  if (!isPlaced(live, taskId)) return null;
  const createdAt = live.ecs.tasks[taskId]!.createdAt;
  // Scripted entries are skipped by replay (the script fires them itself).
  const entries = live.log.filter((e) => e.by !== 'scenario');
  const start = Math.max(0, createdAt - 1);
  // At time 0 the actions of second 0 are still to come: the task may be placed by one of them.
  const applied = createdAt === 0 ? [] : entries.filter((e) => e.at <= start);
  let world = engine.replay(scenario, applied, { seed, until: start }).world;
  if (isPlaced(world, taskId)) return { world, placedBefore: new Set() };
  let next = applied.length;
  while (world.time <= live.time) {
    while (next < entries.length && entries[next]!.at <= world.time) {
      const after = engine.replay(scenario, [entries[next++]!], { from: world });
      if (isPlaced(after.world, taskId))
        return { world: after.world, placedBefore: placedIds(world) };
      world = after.world;
    }
    if (world.time >= live.time) return null;
    const after = engine.replay(scenario, [], { from: world, until: world.time + 1 }).world;
    if (isPlaced(after, taskId)) return { world: after, placedBefore: placedIds(world) };
    world = after;
  }
  return null;
}
