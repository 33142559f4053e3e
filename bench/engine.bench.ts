/**
 * Engine benchmarks (wall time, so only bench/ may use performance.now):
 *   engine.sim_second_1k_tasks  median wall time of one advance(world, 1), 100 instances,
 *                               1,000 running tasks under load, a new world each call as
 *                               the island asks for it (budget ≤ 1 ms)
 *   engine.place_10k_tasks      placing 10,000 tasks onto 1,000 instances (budget ≤ 100 ms)
 * plus a few supporting figures.
 */
import { performance } from 'node:perf_hooks';
import {
  createWorld,
  hashWorld,
  serializeWorld,
  advance,
  applyAction,
  loadServices,
} from '../sandbox/index.ts';
import { validateScenarioData } from '../sandbox/scenarios/parse.ts';
import { applyActionInPlace, stepInPlace } from '../sandbox/composition.ts';
import { placeTasks } from '../sandbox/services/ecs/placement-controller.ts';
import { createTask } from '../sandbox/services/ecs/tasks.ts';
import { resolveTaskDefinition } from '../sandbox/services/ecs/task-definitions.ts';
import type { Scenario } from '../sandbox/index.ts';

await loadServices();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

function scenario(instances: number, services: number, tasksPerService: number): Scenario {
  const azs = ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'];
  const data = {
    id: 'bench',
    title: 'bench',
    orchestrator: 'ecs',
    duration: 86400,
    initial: {
      cluster: { name: 'demo' },
      instances: azs.map((az, i) => ({
        name: `host-${az}`,
        type: 'm5.xlarge',
        az,
        software: 'ecs',
        count: Math.floor(instances / 3) + (i < instances % 3 ? 1 : 0),
      })),
      taskDefinitions: [
        {
          family: 'web',
          containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512 }],
        },
      ],
      services: Array.from({ length: services }, (_, i) => ({
        serviceName: `svc-${i}`,
        taskDefinition: 'web',
        desiredCount: tasksPerService,
        ...(i === 0
          ? {
              autoScaling: {
                minCapacity: tasksPerService,
                maxCapacity: tasksPerService * 2,
                targetCpu: 90,
              },
            }
          : {}),
      })),
      traffic: Object.fromEntries(
        Array.from({ length: services }, (_, i) => [`svc-${i}`, tasksPerService * 40]),
      ),
    },
    goals: [{ id: 'g', goal: 'toilAtMost', params: { count: 0 } }],
    solution: [],
  };
  const parsed = validateScenarioData(data);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

// ── one simulated second, 100 instances, 1,000 running tasks under load ────────────────
{
  const s = scenario(100, 10, 100);
  let world = createWorld(s);
  const running = Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  if (running !== 1000) throw new Error(`expected 1000 running tasks, got ${running}`);
  world = advance(world, 120);
  // As the island asks for it: advance(world, 1), a new world sharing what did not change.
  // A crash now and then keeps the scheduler and task lifecycle busy too.
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    if (i % 60 === 0)
      world = applyAction(
        world,
        { type: 'fault.crash', service: `svc-${(i / 60) % 10}` },
        'instructor',
      ).world;
    const t0 = performance.now();
    world = advance(world, 1);
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  console.log(`engine.sim_second_1k_tasks: ${fmt(median(times))} ms`);
  console.log(`engine.sim_second_1k_tasks_mean: ${fmt(mean)} ms`);
  // The same second mutated in place (no new world): what the controllers alone cost.
  const draft = createWorld(s);
  for (let i = 0; i < 120; i++) stepInPlace(draft);
  const inPlace: number[] = [];
  for (let i = 0; i < 600; i++) {
    if (i % 60 === 0)
      applyActionInPlace(
        draft,
        { type: 'fault.crash', service: `svc-${(i / 60) % 10}` },
        'instructor',
      );
    const t0 = performance.now();
    stepInPlace(draft);
    inPlace.push(performance.now() - t0);
  }
  console.log(`engine.sim_second_1k_tasks_in_place: ${fmt(median(inPlace))} ms`);

  const t0 = performance.now();
  const later = advance(world, 600);
  console.log(`engine.advance_600s_1k_tasks: ${fmt(performance.now() - t0)} ms`);
  const t1 = performance.now();
  const text = serializeWorld(later);
  console.log(
    `engine.serialize_1k_tasks: ${fmt(performance.now() - t1)} ms (${(text.length / 1024).toFixed(0)} KB)`,
  );
  const t2 = performance.now();
  hashWorld(later);
  console.log(`engine.hash_1k_tasks: ${fmt(performance.now() - t2)} ms`);
  const t3 = performance.now();
  applyAction(later, { type: 'ecs.service.update', service: 'svc-1', desiredCount: 120 });
  console.log(`engine.apply_action_1k_tasks: ${fmt(performance.now() - t3)} ms`);
}

// ── placing 10,000 tasks onto 1,000 instances ────────────────────────────────────────────
{
  const s = scenario(1000, 10, 0);
  const runs: number[] = [];
  for (let run = 0; run < 7; run++) {
    const world = createWorld(s);
    const td = resolveTaskDefinition(world, 'web')!;
    const tasks = [];
    for (let svc = 0; svc < 10; svc++) {
      const deployment = world.ecs.services[`svc-${svc}`]!.deployments[0]!.id;
      for (let k = 0; k < 1000; k++)
        tasks.push(
          createTask(world, td, {
            launchType: 'EC2',
            service: `svc-${svc}`,
            deploymentId: deployment,
          }),
        );
    }
    const t0 = performance.now();
    const failures = placeTasks(world, tasks);
    runs.push(performance.now() - t0);
    if (failures.size > 0) throw new Error(`${failures.size} tasks failed to place`);
  }
  console.log(`engine.place_10k_tasks: ${fmt(median(runs))} ms`);
}

// ── a whole scenario day, headless ───────────────────────────────────────────────────────
{
  const { readFileSync } = await import('node:fs');
  const { parseScenario, replay } = await import('../sandbox/index.ts');
  const parsed = parseScenario(
    readFileSync('sandbox/scenarios/fargate-cost-comparison.yaml', 'utf8'),
  );
  if (parsed.ok) {
    const t0 = performance.now();
    const log = parsed.value.solution.map((a) => ({
      at: a.at,
      by: 'learner' as const,
      action: a.action,
    }));
    const { world: day } = replay(parsed.value, log, { until: parsed.value.duration });
    console.log(`engine.replay_one_day_scenario: ${fmt(performance.now() - t0)} ms`);
    const steps: number[] = [];
    let w = day;
    for (let i = 0; i < 50; i++) {
      const t1 = performance.now();
      w = advance(w, 1);
      steps.push(performance.now() - t1);
    }
    console.log(
      `engine.advance_1s_after_a_day: ${fmt(median(steps))} ms (${day.events.length} events, ${day.metrics.length} samples)`,
    );
  }
}
