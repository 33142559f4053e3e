/**
 * The world's tasks as an array, cached per `world.tasks` object. Iterating a large record
 * with for…in costs a key sort each time; controllers run several times a tick, so they share
 * this list instead. Every insertion or deletion in world.tasks must call `tasksChanged`.
 */
import type { Task, World } from '../model/types.ts';

const cache = new WeakMap<Record<string, Task>, Task[]>();

export function taskList(world: World): readonly Task[] {
  let list = cache.get(world.tasks);
  if (!list) {
    list = Object.values(world.tasks);
    cache.set(world.tasks, list);
  }
  return list;
}

export function tasksChanged(world: World): void {
  cache.delete(world.tasks);
}
