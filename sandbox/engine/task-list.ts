/**
 * The world's tasks as an array, cached per `world.ecs.tasks` object. Iterating a large record
 * with for…in costs a key sort each time; controllers run several times a tick, so they share
 * this list instead. Every insertion or deletion in world.ecs.tasks must call `tasksChanged`.
 */
import type { Task, World } from '../model/types.ts';

const cache = new WeakMap<Record<string, Task>, Task[]>();

export function taskList(world: World): readonly Task[] {
  let list = cache.get(world.ecs.tasks);
  if (!list) {
    list = Object.values(world.ecs.tasks);
    cache.set(world.ecs.tasks, list);
  }
  return list;
}

export function tasksChanged(world: World): void {
  cache.delete(world.ecs.tasks);
}
