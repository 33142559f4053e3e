/**
 * Tracked collections (engine/cow.ts): ECS tasks are published by `touch`, not by walking
 * every task. An untouched task is the very object the previous world held; a touched one
 * is walked and published anew; a write without `touch` is caught while verifying (every
 * unit test runs so, see test/setup/load-services.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { advance, createWorld, hashWorld, replay } from '../../../sandbox/index.ts';
import { publish, takeWorkingCopy, touch, verifyTracking } from '../../../sandbox/engine/cow.ts';
import type { World } from '../../../sandbox/index.ts';
import { loadScenario } from '../helpers.ts';

/** ecs-az-outage-spread two minutes in: six EC2 tasks RUNNING and healthy, steady traffic. */
function steadyWorld(): World {
  return advance(createWorld(loadScenario('ecs-az-outage-spread.yaml')), 120);
}

const taskIds = (world: World) => Object.keys(world.ecs.tasks);

afterEach(() => verifyTracking(true));

describe('tracked collections', () => {
  it('a steady second publishes every task as the same object', () => {
    const before = steadyWorld();
    const after = advance(before, 1);
    expect(taskIds(after).length).toBe(6);
    expect(after.ecs.tasks).toBe(before.ecs.tasks);
    for (const id of taskIds(after)) expect(after.ecs.tasks[id]).toBe(before.ecs.tasks[id]);
  });

  it('a touched task is published anew with its change; the others stay shared', () => {
    const before = steadyWorld();
    const [first, second, third] = taskIds(before);
    const draft = takeWorkingCopy(before);
    const task = draft.ecs.tasks[first!]!;
    touch(task);
    task.cpuUtilization = 42;
    const after = publish(before, draft);
    expect(after.ecs.tasks[first!]).not.toBe(before.ecs.tasks[first!]);
    expect(after.ecs.tasks[first!]!.cpuUtilization).toBe(42);
    expect(before.ecs.tasks[first!]!.cpuUtilization).not.toBe(42);
    expect(after.ecs.tasks[second!]).toBe(before.ecs.tasks[second!]);
    expect(after.ecs.tasks[third!]).toBe(before.ecs.tasks[third!]);
  });

  it('a write inside a task (one of its containers) without touch fails while verifying', () => {
    const before = steadyWorld();
    const draft = takeWorkingCopy(before);
    draft.ecs.tasks[taskIds(before)[0]!]!.containers[0]!.reason = 'written without touch';
    expect(() => publish(before, draft)).toThrow(
      'an entity of a tracked collection was written without touch()',
    );
  });

  it('a task added or removed is published without a touch', () => {
    const before = steadyWorld();
    const [first, second] = taskIds(before);
    const draft = takeWorkingCopy(before);
    const copy = structuredClone(draft.ecs.tasks[first!]!);
    copy.id = 'added';
    draft.ecs.tasks['added'] = copy;
    delete draft.ecs.tasks[second!];
    const after = publish(before, draft);
    expect(taskIds(after)).toEqual([first, ...taskIds(before).slice(2), 'added']);
    expect(after.ecs.tasks['added']!.id).toBe('added');
    expect(after.ecs.tasks[first!]).toBe(before.ecs.tasks[first!]);
  });

  it('without verifying, an hour of ecs-az-outage-spread gives the world a full replay gives', () => {
    verifyTracking(false);
    const scenario = loadScenario('ecs-az-outage-spread.yaml');
    let world = createWorld(scenario);
    for (let t = 0; t < 3600; t += 7) world = advance(world, 7);
    const replayed = replay(scenario, world.log, { until: world.time, detached: true }).world;
    expect(hashWorld(world)).toBe(hashWorld(replayed));
  });
});
