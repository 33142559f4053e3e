import { describe, expect, it } from 'vitest';
import {
  advance,
  applyAction,
  createWorld,
  type Scenario,
  type World,
} from '../../sandbox/index.ts';
import {
  PlacementIndex,
  chooseInstance,
  type PlacementRequest,
} from '../../sandbox/services/ecs/placement.ts';
import { parseQuery } from '../../sandbox/services/ecs/cluster-query.ts';
import { containerInstanceId } from '../../sandbox/services/ecs/ecs-ops.ts';
import { scenarioFromYaml } from './helpers.ts';

function cluster(instances: string, extra = ''): Scenario {
  return scenarioFromYaml(`
id: placement-test
title: t
orchestrator: ecs
duration: 600
initial:
  cluster: {name: demo}
  instances:
${instances}
  taskDefinitions:
    - family: web
      containerDefinitions: [{name: web, image: nginx:1.27, cpu: 512, memory: 1024}]
${extra}
goals: [{id: g, goal: toilAtMost, params: {count: 0}}]
solution: []
`);
}

const byName = (world: World, name: string) =>
  Object.values(world.ec2.instances).find((i) => i.name === name)!;
/** The ECS container instance on the host with this Name tag. */
const ciByName = (world: World, name: string) =>
  world.ecs.containerInstances[byName(world, name).id]!;
const nameOf = (world: World, id: string) => world.ec2.instances[id]!.name;
const req = (over: Partial<PlacementRequest> = {}): PlacementRequest => ({
  group: 'service:web',
  cpu: 512,
  memory: 1024,
  strategies: [],
  constraints: [],
  ...over,
});

describe('placement strategies (hand-computed)', () => {
  const three = `    - {name: a1, type: t3.medium, az: eu-west-3a, software: ecs}
    - {name: a2, type: t3.medium, az: eu-west-3a, software: ecs}
    - {name: b1, type: t3.large, az: eu-west-3b, software: ecs}`;

  it('binpack on memory picks the instance left with the least free memory', () => {
    const world = createWorld(cluster(three));
    // a1: 3952 registered, 2048 reserved → 880 left after the task; a2: 2928; b1 (7987): 6963.
    ciByName(world, 'a1').reservedMemory = 2048;
    const choice = chooseInstance(
      world,
      new PlacementIndex(world),
      req({ strategies: [{ type: 'binpack', field: 'memory' }] }),
    );
    expect(choice.ok && nameOf(world, choice.instance.id)).toBe('a1');
  });

  it('binpack on cpu uses CPU units', () => {
    const world = createWorld(cluster(three));
    ciByName(world, 'a2').reservedCpu = 1024; // a2 keeps 512 units after the task; a1 1536; b1 1536
    const choice = chooseInstance(
      world,
      new PlacementIndex(world),
      req({ strategies: [{ type: 'binpack', field: 'cpu' }] }),
    );
    expect(choice.ok && nameOf(world, choice.instance.id)).toBe('a2');
  });

  it('the default spreads by AZ first, then by instance', () => {
    const world = createWorld(
      cluster(three, '  services: [{serviceName: web, taskDefinition: web, desiredCount: 3}]'),
    );
    // Three tasks over AZs a, a, b: first a1 (AZ a, first launched), then b1 (AZ b has 0), then a2 (AZ a tie, a2 has 0 on it).
    const hosts = Object.values(world.ecs.tasks).map((t) =>
      byName(world, 'a1').id === t.instanceId
        ? 'a1'
        : byName(world, 'a2').id === t.instanceId
          ? 'a2'
          : 'b1',
    );
    expect(hosts).toEqual(['a1', 'b1', 'a2']);
  });

  it('spread on instanceId ignores AZs', () => {
    const world = createWorld(
      cluster(
        three,
        '  services: [{serviceName: web, taskDefinition: web, desiredCount: 2, placementStrategy: [{type: spread, field: instanceId}]}]',
      ),
    );
    const hosts = Object.values(world.ecs.tasks).map(
      (t) => Object.values(world.ec2.instances).find((i) => i.id === t.instanceId)!.name,
    );
    expect(hosts).toEqual(['a1', 'a2']);
  });

  it('random picks among candidates with the world PRNG, the same way every time', () => {
    const pick = () => {
      const world = createWorld(cluster(three));
      const c = chooseInstance(
        world,
        new PlacementIndex(world),
        req({ strategies: [{ type: 'random' }] }),
      );
      return c.ok ? nameOf(world, c.instance.id) : null;
    };
    expect(['a1', 'a2', 'b1']).toContain(pick());
    expect(pick()).toBe(pick());
  });
});

describe('placement constraints', () => {
  const four = `    - {name: a1, type: t3.medium, az: eu-west-3a, software: ecs}
    - {name: b1, type: m5.large, az: eu-west-3b, software: ecs}
    - {name: c1, type: t3.medium, az: eu-west-3c, software: ecs}`;

  it('distinctInstance puts each task on a different instance and refuses a fourth', () => {
    let world = createWorld(
      cluster(
        four,
        '  services: [{serviceName: web, taskDefinition: web, desiredCount: 3, placementConstraints: [{type: distinctInstance}]}]',
      ),
    );
    expect(new Set(Object.values(world.ecs.tasks).map((t) => t.instanceId)).size).toBe(3);
    world = applyAction(world, {
      type: 'ecs.service.update',
      service: 'web',
      desiredCount: 4,
    }).world;
    world = advance(world, 5);
    expect(world.events.map((e) => e.message)).toContain(
      'service web was unable to place a task because no container instance met all of its requirements.',
    );
  });

  it('memberOf with a regex on the instance type', () => {
    const world = createWorld(cluster(four));
    const c = chooseInstance(
      world,
      new PlacementIndex(world),
      req({
        constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }],
      }),
    );
    expect(c.ok && nameOf(world, c.instance.id)).toBe('b1');
  });

  it('memberOf with in [..] and not(task:group == …)', () => {
    const world = createWorld(
      cluster(
        four,
        '  services: [{serviceName: db, taskDefinition: web, desiredCount: 1, placementConstraints: [{type: memberOf, expression: "ec2InstanceId == PLACEHOLDER"}]}]'.replace(
          'ec2InstanceId == PLACEHOLDER',
          'attribute:ecs.availability-zone == eu-west-3c',
        ),
      ),
    );
    expect(Object.values(world.ecs.tasks).map((t) => t.az)).toEqual(['eu-west-3c']);
    const c = chooseInstance(
      world,
      new PlacementIndex(world),
      req({
        constraints: [
          {
            type: 'memberOf',
            expression:
              'attribute:ecs.availability-zone in [eu-west-3b, eu-west-3c] and not(task:group == db)',
          },
        ],
      }),
    );
    expect(c.ok && nameOf(world, c.instance.id)).toBe('b1');
  });

  it('query syntax errors name the column', () => {
    expect(parseQuery('attribute:ecs.instance-type ==')).toEqual({
      ok: false,
      error: 'expected a value at column 31',
    });
    expect(parseQuery('colour == red')).toEqual({
      ok: false,
      error: "unknown subject 'colour' at column 1",
    });
    expect(parseQuery('(attribute:ecs.availability-zone == eu-west-3a')).toEqual({
      ok: false,
      error: "expected ')' at column 47",
    });
    expect(parseQuery('runningTasksCount > lots')).toEqual({
      ok: false,
      error: "'lots' is not a number at column 21",
    });
    expect(parseQuery('attribute:ecs.instance-type =~ (').ok).toBe(false);
  });

  it('a memberOf constraint that cannot parse is refused by create-service', () => {
    const world = createWorld(cluster(four));
    const { result, world: after } = applyAction(world, {
      type: 'ecs.service.create',
      serviceName: 'x',
      taskDefinition: 'web',
      desiredCount: 1,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.az = a' }],
    });
    expect(result).toEqual({
      ok: false,
      field: 'placementConstraints[0].expression',
      error:
        "InvalidParameterException: Invalid placement constraint expression: unknown operator '=' at column 18.",
    });
    expect(after).toBe(world);
  });
});

describe('unable to place: the exact service events', () => {
  const one = '    - {name: a1, type: t3.medium, az: eu-west-3a, software: ecs}';

  it('insufficient memory names the closest container instance', () => {
    let world = createWorld(
      cluster(one, '  services: [{serviceName: web, taskDefinition: web, desiredCount: 3}]'),
    );
    world = advance(
      applyAction(world, { type: 'ecs.service.update', service: 'web', desiredCount: 4 }).world,
      2,
    );
    const ci = containerInstanceId(ciByName(world, 'a1'));
    expect(world.events.filter((e) => e.level === 'warning').map((e) => e.message)).toEqual([
      `service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${ci} has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    ]);
  });

  it('insufficient CPU when memory fits', () => {
    const s = cluster(
      one,
      `    - family: cpu-heavy
      containerDefinitions: [{name: c, image: busybox:1.36, cpu: 1536, memory: 256}]
  services: [{serviceName: crunch, taskDefinition: cpu-heavy, desiredCount: 2}]`,
    );
    const world = advance(createWorld(s), 1);
    const ci = containerInstanceId(ciByName(world, 'a1'));
    expect(
      world.events.some(
        (e) =>
          e.message ===
          `service crunch was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${ci} has insufficient CPU units available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
      ),
    ).toBe(true);
  });

  it('an empty cluster', () => {
    const s = cluster(
      '    - {name: d1, type: t3.medium, az: eu-west-3a, software: docker}',
      '  services: [{serviceName: web, taskDefinition: web, desiredCount: 1}]',
    );
    const world = createWorld(s);
    expect(world.events.map((e) => e.message)).toContain(
      'service web was unable to place a task because no container instance met all of its requirements. The reason for failure is No Container Instances were found in your cluster.',
    );
  });

  it('an agent that disconnected', () => {
    let world = createWorld(cluster(one));
    world = applyAction(
      world,
      { type: 'fault.agent-disconnect', instanceId: 'a1' },
      'instructor',
    ).world;
    world = applyAction(world, {
      type: 'ecs.service.create',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
    }).world;
    world = advance(world, 1);
    const ci = containerInstanceId(ciByName(world, 'a1'));
    expect(world.events.at(-1)!.message).toBe(
      `service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${ci} encountered error "AGENT". For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
  });

  it('RunTask reports failures instead of queueing', () => {
    const world = createWorld(
      cluster(one, '  services: [{serviceName: web, taskDefinition: web, desiredCount: 3}]'),
    );
    const { result } = applyAction(world, {
      type: 'ecs.task.run',
      taskDefinition: 'web',
      count: 2,
    });
    expect(result).toEqual({
      ok: false,
      field: 'count',
      error: 'RunTask failures: RESOURCE:MEMORY',
    });
    const empty = createWorld(
      cluster('    - {name: d1, type: t3.medium, az: eu-west-3a, software: docker}'),
    );
    expect(applyAction(empty, { type: 'ecs.task.run', taskDefinition: 'web' }).result).toEqual({
      ok: false,
      field: 'cluster',
      error: 'InvalidParameterException: No Container Instances were found in your cluster.',
    });
  });
});

describe('host ports', () => {
  const two = `    - {name: a1, type: m5.large, az: eu-west-3a, software: ecs}
    - {name: b1, type: m5.large, az: eu-west-3b, software: ecs}`;
  const portTd = `    - family: fixed
      containerDefinitions: [{name: web, image: nginx:1.27, cpu: 256, memory: 256, portMappings: [{containerPort: 80, hostPort: 80}]}]
    - family: dynamic
      containerDefinitions: [{name: web, image: nginx:1.27, cpu: 256, memory: 256, portMappings: [{containerPort: 80}]}]
    - family: ssh
      containerDefinitions: [{name: web, image: nginx:1.27, cpu: 256, memory: 256, portMappings: [{containerPort: 22, hostPort: 22}]}]`;

  it('a fixed host port allows one task per instance; the third gets the ports event', () => {
    let world = createWorld(
      cluster(
        two,
        `${portTd}\n  services: [{serviceName: web, taskDefinition: fixed, desiredCount: 2}]`,
      ),
    );
    expect(Object.values(world.ecs.containerInstances).map((i) => i.usedPorts)).toEqual([
      [80],
      [80],
    ]);
    world = advance(
      applyAction(world, { type: 'ecs.service.update', service: 'web', desiredCount: 3 }).world,
      1,
    );
    const closest = containerInstanceId(ciByName(world, 'a1'));
    expect(world.events.at(-1)!.message).toBe(
      `service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${closest} is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
    expect(applyAction(world, { type: 'ecs.task.run', taskDefinition: 'fixed' }).result).toEqual({
      ok: false,
      field: 'count',
      error: 'RunTask failures: RESOURCE:PORTS',
    });
  });

  it('dynamic ports do not conflict, and reserved ports are never free', () => {
    const world = createWorld(
      cluster(
        two,
        `${portTd}\n  services: [{serviceName: web, taskDefinition: dynamic, desiredCount: 4}]`,
      ),
    );
    expect(Object.values(world.ecs.tasks).filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(
      4,
    );
    expect(applyAction(world, { type: 'ecs.task.run', taskDefinition: 'ssh' }).result).toEqual({
      ok: false,
      field: 'count',
      error: 'RunTask failures: RESOURCE:PORTS',
    });
  });

  it('a stopped task frees its port', () => {
    let world = createWorld(
      cluster(
        two,
        `${portTd}\n  services: [{serviceName: web, taskDefinition: fixed, desiredCount: 2}]`,
      ),
    );
    world = applyAction(world, {
      type: 'ecs.service.update',
      service: 'web',
      desiredCount: 1,
    }).world;
    world = advance(world, 30);
    expect(
      Object.values(world.ecs.containerInstances)
        .map((i) => i.usedPorts.length)
        .sort(),
    ).toEqual([0, 1]);
  });
});
