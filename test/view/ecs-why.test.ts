/**
 * "Why here?" and "Why still waiting?" for ECS tasks, word for word: the placement explanation
 * in the sandbox, the moment of placement rebuilt by replay, and the view's sentences.
 */
import { describe, expect, it } from 'vitest';
import type { Action, Scenario, TimedAction, World } from '../../sandbox/index.ts';
import { replay } from '../../sandbox/index.ts';
import { explainTaskPlacement } from '../../sandbox/services/ecs/placement-explain.ts';
import { placementMoment } from '../../src/lib/sandbox-view/ecs-placement-moment.ts';
import { taskWhyView } from '../../src/lib/sandbox-view/ecs-why.ts';
import { whyQuestion } from '../../src/lib/sandbox-view/entity-actions.ts';
import { loadScenario, scenarioFromYaml } from '../sandbox/helpers.ts';

function cluster(instances: string[], container: string, extra = ''): Scenario {
  return scenarioFromYaml(`
id: why-test
title: t
orchestrator: ecs
duration: 600
seed: 7
initial:
  cluster: {name: demo}
  instances:
${instances.map((i) => `    - ${i}`).join('\n')}
  taskDefinitions:
    - family: web
      containerDefinitions: [${container}]
${extra}
goals: [{id: g, goal: toilAtMost, params: {count: 0}}]
solution: []
`);
}

const createService = (over: Record<string, unknown>): TimedAction => ({
  at: 5,
  by: 'learner',
  action: {
    type: 'ecs.service.create',
    serviceName: 'web',
    taskDefinition: 'web:1',
    launchType: 'EC2',
    ...over,
  } as Action,
});

/** Runs the scenario to 00:00:20 and explains every task, in the order they were created. */
function explainAll(scenario: Scenario, log: TimedAction[]) {
  const { world } = replay(scenario, log, { until: 20 });
  const id = (name: string) => Object.values(world.ec2.instances).find((i) => i.name === name)!.id;
  const tasks = Object.values(world.ecs.tasks).sort((a, b) => a.createdAt - b.createdAt);
  const why = tasks.map((t) => {
    const moment = placementMoment({ replay }, scenario, scenario.seed, world, t.id);
    const x = explainTaskPlacement(world, t.id, moment ?? undefined)!;
    return { task: t, moment, x, view: taskWhyView(x) };
  });
  return { world, id, why };
}

const ciId = (world: World, instanceId: string) =>
  world.ecs.containerInstances[instanceId]!.containerInstanceArn.split('/').at(-1)!;

const T3 = (name: string, az: string) =>
  `{name: ${name}, type: t3.medium, az: ${az}, software: ecs}`;
const WEB_80 =
  '{name: web, image: nginx:1.27, cpu: 256, memory: 1536, portMappings: [{containerPort: 80, hostPort: 80}]}';

describe('Why here? for a task placed with others in one round', () => {
  // One placement round at 00:00:06 places three tasks: a1 (first AZ, launched first), then b1
  // (eu-west-3b holds none of the group yet), then a2 (the only instance with port 80 free).
  const scenario = cluster(
    [T3('a1', 'eu-west-3a'), T3('a2', 'eu-west-3a'), T3('b1', 'eu-west-3b')],
    WEB_80,
  );
  const { world, id, why } = explainAll(scenario, [createService({ desiredCount: 4 })]);
  const [a1, a2, b1] = [id('a1'), id('a2'), id('b1')];

  it('rebuilds the moment of each placement, not the world now', () => {
    expect(why.map((w) => w.task.instanceId)).toEqual([a1, b1, a2, null]);
    expect(why.map((w) => w.moment?.world.time ?? null)).toEqual([6, 6, 6, null]);
    expect(why.map((w) => whyQuestion(w.task))).toEqual([
      'Why here?',
      'Why here?',
      'Why here?',
      'Why still waiting?',
    ]);
  });

  it('the first task: every instance fits; spread by AZ, then by instance, ties to the first', () => {
    expect(why[0]!.view).toEqual({
      question: 'Why here?',
      answer: `The task needs 256 CPU units, 1536 MiB of memory and host port 80. 3 of 3 container instances could take it; ECS ranked those by spread(attribute:ecs.availability-zone), then spread(instanceId) and placed it on ${a1}.`,
      quote: null,
      listLabel: 'Per container instance',
      verdicts: [
        {
          key: a1,
          name: `${a1} (t3.medium, eu-west-3a)`,
          outcome: 'chosen',
          detail: 'spread(attribute:ecs.availability-zone) 0, spread(instanceId) 0',
          text: 'passes every step and ties for first; ties go to the instance launched first, so the task went here.',
        },
        {
          key: a2,
          name: `${a2} (t3.medium, eu-west-3a)`,
          outcome: 'fits',
          detail: 'spread(attribute:ecs.availability-zone) 0, spread(instanceId) 0',
          text: 'passes every step and ties for first, but ties go to the instance launched first.',
        },
        {
          key: b1,
          name: `${b1} (t3.medium, eu-west-3b)`,
          outcome: 'fits',
          detail: 'spread(attribute:ecs.availability-zone) 0, spread(instanceId) 0',
          text: "passes every step and ties on every strategy, but eu-west-3a comes first among AZs with as few of the group's tasks.",
        },
      ],
      note: null,
    });
  });

  it('the second task: spread across AZs sends it to eu-west-3b; port 80 is taken on a1', () => {
    const v = why[1]!.view;
    expect(v.answer).toBe(
      `The task needs 256 CPU units, 1536 MiB of memory and host port 80. 2 of 3 container instances could take it; ECS ranked those by spread(attribute:ecs.availability-zone), then spread(instanceId) and placed it on ${b1}.`,
    );
    expect(v.verdicts.map((r) => [r.key, r.outcome, r.detail, r.text])).toEqual([
      [
        b1,
        'chosen',
        'spread(attribute:ecs.availability-zone) 0, spread(instanceId) 0',
        'passes every step and ranks first, so the task went here.',
      ],
      [
        a2,
        'fits',
        'spread(attribute:ecs.availability-zone) 1, spread(instanceId) 0',
        `passes every step but ranks lower on spread(attribute:ecs.availability-zone): 1 task of the group in eu-west-3a, 0 in eu-west-3b where the chosen ${b1} is.`,
      ],
      [
        a1,
        'ruled out',
        'host port taken',
        'host port 80 is already taken by a task there: one task per host port per instance.',
      ],
    ]);
  });

  it('the fourth task waits: port 80 is taken everywhere, in ECS’s own words too', () => {
    const v = why[3]!.view;
    expect(v.question).toBe('Why still waiting?');
    expect(v.answer).toBe(
      'The task needs 256 CPU units, 1536 MiB of memory and host port 80. No container instance passes every placement step, so the task waits in PROVISIONING; ECS tries again every second.',
    );
    expect(v.quote).toEqual({
      label: 'ECS service event',
      text: `service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${ciId(world, a1)} is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    });
    expect(v.verdicts.map((r) => [r.key, r.detail])).toEqual([
      [a1, 'host port taken'],
      [a2, 'host port taken'],
      [b1, 'host port taken'],
    ]);
  });
});

describe('Why still waiting?', () => {
  it('insufficient memory: the numbers, and the closest matching container instance', () => {
    const scenario = cluster(
      [T3('a1', 'eu-west-3a'), T3('b1', 'eu-west-3b')],
      '{name: web, image: nginx:1.27, cpu: 256, memory: 3072}',
    );
    const { world, id, why } = explainAll(scenario, [createService({ desiredCount: 3 })]);
    const [a1, b1] = [id('a1'), id('b1')];
    const waiting = why.find((w) => w.task.az === null)!;
    expect(why.filter((w) => w.task.az === null)).toHaveLength(1);
    expect(waiting.view.verdicts.map((r) => [r.key, r.outcome, r.detail, r.text])).toEqual([
      [
        a1,
        'ruled out',
        'insufficient memory',
        '880 MiB of memory unreserved; the task needs 3072 MiB.',
      ],
      [
        b1,
        'ruled out',
        'insufficient memory',
        '880 MiB of memory unreserved; the task needs 3072 MiB.',
      ],
    ]);
    expect(waiting.view.quote?.text).toBe(
      `service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${ciId(world, a1)} has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
  });

  it('distinctInstance: each instance already runs one of the group', () => {
    const scenario = cluster(
      [T3('a1', 'eu-west-3a'), T3('b1', 'eu-west-3b')],
      '{name: web, image: nginx:1.27, cpu: 256, memory: 512}',
    );
    const { id, why } = explainAll(scenario, [
      createService({ desiredCount: 3, placementConstraints: [{ type: 'distinctInstance' }] }),
    ]);
    const waiting = why.find((w) => w.task.az === null)!;
    expect(waiting.view.verdicts.map((r) => [r.key, r.outcome, r.detail, r.text])).toEqual(
      [id('a1'), id('b1')].map((key) => [
        key,
        'ruled out',
        'distinctInstance',
        'already runs a task of this group, and the distinctInstance constraint allows one per instance.',
      ]),
    );
    expect(waiting.view.quote?.text).toBe(
      'service web was unable to place a task because no container instance met all of its requirements.',
    );
  });
});

describe('Why on Fargate?', () => {
  it('names the AZ (and its subnet) with the fewest of the group’s tasks, EC2 ones included', () => {
    const scenario = loadScenario('fargate-service.yaml');
    const log = scenario.solution
      .filter((e) => e.at <= 100)
      .map((e) => ({ ...e, by: 'learner' as const }));
    const { world } = replay(scenario, log, { until: 100 });
    const [first, second] = Object.values(world.ecs.tasks)
      .filter((t) => t.launchType === 'FARGATE')
      .sort((a, b) => a.createdAt - b.createdAt);
    const viewOf = (taskId: string) => {
      const moment = placementMoment({ replay }, scenario, scenario.seed, world, taskId);
      expect(moment?.world.time).toBe(21);
      return taskWhyView(explainTaskPlacement(world, taskId, moment!)!);
    };
    const more = "more of the group's tasks than the chosen AZ.";
    expect(viewOf(first!.id)).toEqual({
      question: 'Why on Fargate?',
      answer:
        'Fargate runs each task in a micro-VM of its own, so no container instance is involved: ECS picks a subnet of the service’s network configuration, in the healthy AZ with the fewest of its tasks: eu-west-3c (subnet-0c1b2c3d4e5f6071).',
      quote: null,
      listLabel: 'Per Availability Zone',
      verdicts: [
        {
          key: 'eu-west-3c',
          name: 'eu-west-3c (subnet-0c1b2c3d4e5f6071)',
          outcome: 'chosen',
          detail: '0 tasks of the group there',
          text: "the fewest of the group's tasks.",
        },
        {
          key: 'eu-west-3a',
          name: 'eu-west-3a (subnet-0a1b2c3d4e5f6071)',
          outcome: 'fits',
          detail: '2 tasks of the group there',
          text: more,
        },
        {
          key: 'eu-west-3b',
          name: 'eu-west-3b (subnet-0b1b2c3d4e5f6071)',
          outcome: 'fits',
          detail: '2 tasks of the group there',
          text: more,
        },
      ],
      note: null,
    });
    // Placed in the same round, after the first: eu-west-3c then held one.
    expect(viewOf(second!.id).verdicts.map((v) => [v.key, v.detail])).toEqual([
      ['eu-west-3c', '1 task of the group there'],
      ['eu-west-3a', '2 tasks of the group there'],
      ['eu-west-3b', '2 tasks of the group there'],
    ]);
  });
});
