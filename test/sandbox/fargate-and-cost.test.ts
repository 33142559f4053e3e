import { describe, expect, it } from 'vitest';
import { FARGATE_CPU_MEMORY, advance, applyAction, createWorld } from '../../sandbox/index.ts';
import { checkFargateSize } from '../../sandbox/services/ecs/task-definitions.ts';
import { scenarioFromYaml } from './helpers.ts';

const base = (extra: string, orchestrator = 'ecs') =>
  scenarioFromYaml(`
id: cost-test
title: t
orchestrator: ${orchestrator}
duration: 7200
initial:
${extra}
goals: [{id: g, goal: toilAtMost, params: {count: 0}}]
solution: []
`);

const fargateTd = (cpu: string, memory: string) => ({
  type: 'ecs.taskdef.register' as const,
  taskDefinition: {
    family: 'web',
    requiresCompatibilities: ['FARGATE' as const],
    networkMode: 'awsvpc' as const,
    cpu,
    memory,
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
  },
});

describe('Fargate task sizes', () => {
  it('accepts every pair in the table and only those', () => {
    expect(Object.keys(FARGATE_CPU_MEMORY).map(Number)).toEqual([
      256, 512, 1024, 2048, 4096, 8192, 16384,
    ]);
    expect(FARGATE_CPU_MEMORY[256]).toEqual([512, 1024, 2048]);
    expect(FARGATE_CPU_MEMORY[512]).toEqual([1024, 2048, 3072, 4096]);
    expect(FARGATE_CPU_MEMORY[8192]![1]).toBe(20480);
    expect(FARGATE_CPU_MEMORY[16384]!.at(-1)).toBe(122880);
    expect(checkFargateSize(1024, 16384)).toEqual({
      ok: false,
      error: {
        field: 'memory',
        error:
          'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.',
      },
    });
    expect(checkFargateSize(768, 2048)).toEqual({
      ok: false,
      error: {
        field: 'cpu',
        error:
          "An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid 'cpu' setting for task.",
      },
    });
    expect(checkFargateSize(4096, 30720).ok).toBe(true);
    expect(checkFargateSize(8192, 18432).ok).toBe(false);
  });

  it('register-task-definition answers with the real messages and changes nothing when refusing', () => {
    const world = createWorld(base('  cluster: {name: demo}'));
    const refused = [
      [
        fargateTd('1 vCPU', '16GB'),
        'taskDefinition.memory',
        'An error occurred (ClientException) when calling the RegisterTaskDefinition operation: No Fargate configuration exists for given values.',
      ],
      [
        fargateTd('3000', '4096'),
        'taskDefinition.cpu',
        "An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Invalid 'cpu' setting for task.",
      ],
    ] as const;
    for (const [action, field, error] of refused) {
      const r = applyAction(world, action);
      expect(r.result).toEqual({ ok: false, field, error });
      expect(r.world).toBe(world);
    }
    const noCpu = applyAction(world, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        memory: '1024',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
      },
    });
    expect(noCpu.result).toEqual({
      ok: false,
      field: 'taskDefinition.cpu',
      error: "ClientException: Fargate requires that 'cpu' be defined at the task level",
    });
    const bridge = applyAction(world, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'bridge',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
      },
    });
    expect(bridge.result.ok).toBe(false);
    const ok = applyAction(world, fargateTd('0.25 vCPU', '0.5GB'));
    expect(ok.result).toEqual({
      ok: true,
      message:
        'Registered task definition web:1 (arn:aws:ecs:eu-west-3:123456789012:task-definition/web:1).',
      command: 'aws ecs register-task-definition --cli-input-json file://web.json',
    });
    const again = applyAction(ok.world, fargateTd('512', '2048'));
    expect(again.world.ecs.taskDefinitions['web:2']?.memory).toBe(2048);
  });

  it('container memory above task memory is refused on EC2 too', () => {
    const world = createWorld(base('  cluster: {name: demo}'));
    const r = applyAction(world, {
      type: 'ecs.taskdef.register',
      taskDefinition: {
        family: 'x',
        memory: '512',
        containerDefinitions: [{ name: 'x', image: 'nginx:1.27', memory: 1024 }],
      },
    });
    expect(r.result).toEqual({
      ok: false,
      field: 'taskDefinition.containerDefinitions[0].memory',
      error: "ClientException: The 'memory' setting for container is greater than for the task",
    });
  });
});

describe('costs to the cent', () => {
  it('an m5.large in Paris for one hour costs $0.112; an early termination bills 60 s', () => {
    let world = createWorld(
      base(
        `  instances:
    - {name: a, type: m5.large, az: eu-west-3a, software: docker}
    - {name: b, type: t3.medium, az: eu-west-3b, software: docker}`,
        'none',
      ),
    );
    world = advance(world, 3600);
    expect(world.cost.total.toFixed(4)).toBe('0.1592'); // 0.112 + 0.0472
    expect(world.cost.perHour).toBeCloseTo(0.1592, 10);
    expect(
      world.cost.byResource[
        Object.values(world.ec2.instances).find((i) => i.name === 'a')!.id
      ]!.toFixed(6),
    ).toBe('0.112000');
    // A new t3.medium that runs for only ~10 s is billed the 60 s minimum: 0.0472 / 60 = $0.000787.
    world = applyAction(world, {
      type: 'ec2.instance.launch',
      instanceType: 't3.medium',
      az: 'eu-west-3c',
      software: 'docker',
      name: 'short',
    }).world;
    const id = Object.values(world.ec2.instances).find((i) => i.name === 'short')!.id;
    world = advance(world, 70);
    expect(world.ec2.instances[id]!.state).toBe('running');
    world = applyAction(world, { type: 'ec2.instance.terminate', instanceId: 'short' }).world;
    world = advance(world, 30);
    expect(world.cost.byResource[id]!.toFixed(6)).toBe((0.0472 / 60).toFixed(6));
  });

  it('a Fargate task of 1 vCPU / 2 GB in Paris costs $0.05678 an hour, per second, from image pull to stop', () => {
    let world = createWorld(base('  cluster: {name: demo}'));
    world = applyAction(world, fargateTd('1024', '2048')).world;
    world = applyAction(world, {
      type: 'ecs.task.run',
      taskDefinition: 'web',
      launchType: 'FARGATE',
    }).world;
    const task = Object.values(world.ecs.tasks)[0]!;
    world = advance(world, 3600);
    expect(world.cost.byKind.fargate!.toFixed(5)).toBe('0.05678');
    expect(world.ecs.tasks[task.id]!.lastStatus).toBe('RUNNING');
    world = applyAction(world, { type: 'ecs.task.stop', taskId: task.id }).world;
    world = advance(world, 60);
    // Billing stops when the task is STOPPED (DEACTIVATING 5 s + STOPPING 3 s + DEPROVISIONING 5 s = 13 s more).
    expect(world.cost.byKind.fargate!.toFixed(6)).toBe((((3600 + 13) * 0.05678) / 3600).toFixed(6));
  });

  it('a Fargate task stopped after 20 s is billed 60 s', () => {
    let world = createWorld(base('  cluster: {name: demo}'));
    world = applyAction(world, fargateTd('256', '512')).world;
    world = applyAction(world, {
      type: 'ecs.task.run',
      taskDefinition: 'web',
      launchType: 'FARGATE',
    }).world;
    const id = Object.keys(world.ecs.tasks)[0]!;
    world = advance(world, 20);
    world = applyAction(world, { type: 'ecs.task.stop', taskId: id }).world;
    world = advance(world, 30);
    const hourly = 0.25 * 0.04656 + 0.5 * 0.00511;
    expect(world.ecs.tasks[id]!.lastStatus).toBe('STOPPED');
    expect(world.cost.byResource[id]!.toFixed(8)).toBe(((60 * hourly) / 3600).toFixed(8));
  });
});
