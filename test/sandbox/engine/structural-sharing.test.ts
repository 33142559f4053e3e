/**
 * Structural sharing: `advance` and `applyAction` hand out new worlds that share every
 * unchanged part with the previous one, and no world ever changes once handed out. Every
 * golden scenario is played the way the island plays it (advances of various sizes, its
 * solution's actions, refused actions, and branches from older worlds); the hash of every
 * world is taken when it is made and again at the end.
 */
import { describe, expect, it } from 'vitest';
import { advance, applyAction, createWorld, hashWorld, replay } from '../../../sandbox/index.ts';
import type { Action, TimedAction, World } from '../../../sandbox/index.ts';
import { loadScenario, scenarioFiles } from '../helpers.ts';

/** The world and each of its slices are frozen (entities are shared, not frozen). */
function frozenToSlices(world: World): string | null {
  if (!Object.isFrozen(world)) return 'world';
  for (const [key, value] of Object.entries(world))
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) return key;
  return null;
}

/** The first part (two levels down) equal to the previous world's but not the same object. */
function sharedWhereEqual(before: World, after: World): string | null {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    const parts: [string, unknown, unknown][] = [[key, a[key], b[key]]];
    const slice = b[key];
    if (typeof slice === 'object' && slice !== null && !Array.isArray(slice))
      for (const inner of Object.keys(slice))
        parts.push([
          `${key}.${inner}`,
          (a[key] as Record<string, unknown> | undefined)?.[inner],
          (slice as Record<string, unknown>)[inner],
        ]);
    for (const [path, x, y] of parts)
      if (typeof y === 'object' && y !== null && x !== y && JSON.stringify(x) === JSON.stringify(y))
        return path;
  }
  return null;
}

const STEPS = [1, 1, 2, 7, 30, 1, 60, 13, 1, 300];
const REFUSED: Action = { type: 'ecs.service.update', service: 'no-such-service', desiredCount: 2 };

describe('structural sharing', () => {
  for (const file of scenarioFiles()) {
    it(`${file}: no world changes after it is handed out, and each equals a replay`, () => {
      const scenario = loadScenario(file);
      const solution = [...scenario.solution].sort((a, b) => a.at - b.at);
      const kept: { world: World; hash: string }[] = [];
      const keep = (world: World) => kept.push({ world, hash: hashWorld(world) });
      let world = createWorld(scenario);
      keep(world);
      const log: TimedAction[] = [];
      let next = 0;
      let step = 0;
      const end = Math.min(scenario.duration, 2 * 3600);
      while (world.time < end) {
        while (next < solution.length && solution[next]!.at <= world.time) {
          const { action } = solution[next++]!;
          const applied = applyAction(world, action, 'learner');
          if (applied.result.ok) log.push({ at: world.time, by: 'learner', action });
          else expect(applied.world).toBe(world);
          world = applied.world;
          keep(world);
        }
        const refused = applyAction(world, REFUSED, 'learner');
        expect(refused.result.ok).toBe(false);
        expect(refused.world).toBe(world);
        const seconds = STEPS[step++ % STEPS.length]!;
        const upTo = next < solution.length ? solution[next]!.at - world.time : seconds;
        const before = world;
        world = advance(world, Math.max(1, Math.min(seconds, upTo, end - world.time)));
        keep(world);
        // The world createWorld makes is the caller's to change; what advance hands out is shared.
        if (Object.isFrozen(before)) expect(sharedWhereEqual(before, world)).toBe(null);
        // A branch from an older world: the same moves from there give the same world.
        if (step % 9 === 0 && kept.length > 3) {
          const older = kept[kept.length - 3]!.world;
          const branch = advance(older, 5);
          const again = advance(older, 5);
          expect(hashWorld(branch)).toBe(hashWorld(again));
          keep(branch);
        }
      }
      for (const { world: w, hash } of kept) expect(hashWorld(w)).toBe(hash);
      expect(frozenToSlices(world)).toBe(null);
      expect(hashWorld(world)).toBe(hashWorld(replay(scenario, log, { until: world.time }).world));
    }, 120_000);
  }

  it('a stray write to a handed-out world or one of its slices fails loudly', () => {
    const scenario = loadScenario(scenarioFiles()[0]!);
    const world = advance(createWorld(scenario), 10);
    expect(() => {
      (world as { time: number }).time = 99;
    }).toThrow(TypeError);
    expect(() => {
      (world.cost as { total: number }).total = 99;
    }).toThrow(TypeError);
    expect(world.time).toBe(10);
  });

  it('a second shares what it did not change', () => {
    const scenario = loadScenario('fargate-service.yaml');
    const a = advance(createWorld(scenario), 120);
    const b = advance(a, 1);
    expect(b).not.toBe(a);
    expect(b.time).toBe(a.time + 1);
    expect(b.ecs.taskDefinitions).toBe(a.ecs.taskDefinitions);
    expect(b.ecs.cluster).toBe(a.ecs.cluster);
    expect(b.azs).toBe(a.azs);
    expect(b.events).toBe(a.events);
    const unchangedTasks = Object.keys(b.ecs.tasks).filter(
      (id) => b.ecs.tasks[id] === a.ecs.tasks[id],
    );
    expect(unchangedTasks.length).toBeGreaterThan(0);
  });

  it('a detached replay from a checkpoint is the same world, frozen, and a branch from it acts normally', () => {
    const scenario = loadScenario('ecs-instance-lost.yaml');
    const log: TimedAction[] = [...scenario.solution]
      .sort((a, b) => a.at - b.at)
      .map((entry) => ({ at: entry.at, by: 'learner' as const, action: entry.action }));
    const end = Math.max(...log.map((entry) => entry.at)) + 30;
    const checkpoint = replay(scenario, [], { until: 5 }).world;
    const checkpointHash = hashWorld(checkpoint);
    const shared = replay(scenario, log, { from: checkpoint, until: end }).world;
    const detached = replay(scenario, log, { from: checkpoint, until: end, detached: true }).world;
    expect(hashWorld(detached)).toBe(hashWorld(shared));
    expect(hashWorld(checkpoint)).toBe(checkpointHash);
    expect(frozenToSlices(detached)).toBe(null);
    // Nothing is shared with the checkpoint, so nothing the checkpoint holds can be reached through it.
    expect(detached.ecs.tasks).not.toBe(checkpoint.ecs.tasks);
    const onward = advance(detached, 60);
    expect(hashWorld(onward)).toBe(hashWorld(advance(shared, 60)));
    expect(hashWorld(detached)).toBe(hashWorld(shared));
  });
});
