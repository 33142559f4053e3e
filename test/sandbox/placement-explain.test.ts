/**
 * The placement explanation agrees with the placement itself: through every scenario's
 * solution run, as the golden tests replay it, each task placed is explained (against the
 * world right after its placement round, with the later placements of that round taken back)
 * and the instance or AZ the explanation picks is the one the task went to.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../sandbox/index.ts';
import { applyActionInPlace, createWorld, stepInPlace } from '../../sandbox/composition.ts';
import { explainTaskPlacement } from '../../sandbox/services/ecs/placement-explain.ts';
import { loadScenario, scenarioFiles } from './helpers.ts';

const placedIds = (world: World) =>
  new Set(
    Object.values(world.ecs.tasks)
      .filter((t) => t.az !== null)
      .map((t) => t.id),
  );

/** Scenarios whose runs start no ECS task (ECR lessons on an ECS cluster that stays empty). */
const NO_TASKS = new Set([
  'ecr-first-push.yaml',
  'ecr-immutable-tags.yaml',
  'ecr-lifecycle-preview.yaml',
]);

describe('every placement, explained, picks where the task went', () => {
  for (const file of scenarioFiles()) {
    const scenario = loadScenario(file);
    if (scenario.orchestrator !== 'ecs') continue;
    it(
      file,
      () => {
        const world = createWorld(scenario);
        const solution = [...scenario.solution].sort((a, b) => a.at - b.at);
        let next = 0;
        let before = placedIds(world);
        let explained = 0;
        const problems: string[] = [];
        const check = () => {
          for (const task of Object.values(world.ecs.tasks)) {
            if (task.az === null || before.has(task.id)) continue;
            const why = explainTaskPlacement(world, task.id, { world, placedBefore: before });
            const actual = task.launchType === 'FARGATE' ? task.az : task.instanceId;
            if (!why) problems.push(`${world.time}: task ${task.id} has no explanation`);
            else if (why.chosen !== actual || why.actual !== actual)
              problems.push(
                `${world.time}: task ${task.id} went to ${actual}, explained ${why.chosen}`,
              );
            else if (why.kind === 'ec2' && !why.tied.includes(actual!))
              problems.push(`${world.time}: task ${task.id} is not among the tied best`);
            explained++;
          }
          before = placedIds(world);
        };
        while (world.time < scenario.duration) {
          while (next < solution.length && solution[next]!.at <= world.time) {
            applyActionInPlace(world, solution[next++]!.action, 'learner');
            check();
          }
          stepInPlace(world);
          check();
        }
        expect(problems.slice(0, 5)).toEqual([]);
        if (NO_TASKS.has(file)) expect(explained).toBe(0);
        else expect(explained).toBeGreaterThan(0);
      },
      120_000,
    );
  }
});
