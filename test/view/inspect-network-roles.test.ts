import { describe, expect, it } from 'vitest';
import { advance, createWorld, type World } from '../../sandbox/index.ts';
import { inspect } from '../../src/lib/sandbox-view/inspect-details.ts';
import { loadScenario } from '../sandbox/helpers.ts';

/** The rows a learner reads about IAM and VPC, as "label: value". */
function rows(world: World, ref: Parameters<typeof inspect>[0], labels: string[]): string[] {
  return (inspect(ref, world)?.rows ?? [])
    .filter((r) => labels.includes(r.label))
    .map((r) => `${r.label}: ${r.value}`);
}

const NETWORK_AND_ROLES = [
  'Subnet',
  'Subnets',
  'Security groups',
  'IAM instance profile',
  'Network mode',
  'Network configuration',
  'Public IP',
  'Task role',
  'Task execution role',
];

describe('IAM and VPC settings in Inspect', () => {
  it('an EC2 host, a bridge task and its service (lesson ecs, healthy targets)', () => {
    const world = advance(createWorld(loadScenario('ecs-healthy-targets.yaml')), 120);
    const host = Object.values(world.ec2.instances).find((i) => i.name === 'host-b')!;
    expect(rows(world, { kind: 'instance', id: host.id }, NETWORK_AND_ROLES)).toEqual([
      'Subnet: subnet-0b1b2c3d4e5f6071',
      'Security groups: sg-0123456789abcdef0',
      'IAM instance profile: ecsInstanceRole',
    ]);
    const task = Object.values(world.ecs.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    expect(rows(world, { kind: 'task', id: task.id }, NETWORK_AND_ROLES)).toEqual([
      "Network mode: bridge (the instance's network)",
      'Task role: arn:aws:iam::123456789012:role/webTaskRole',
      'Task execution role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    ]);
    expect(rows(world, { kind: 'service', id: 'web' }, NETWORK_AND_ROLES)).toEqual([
      "Network configuration: none (bridge: tasks use their instance's network)",
      'Task role: arn:aws:iam::123456789012:role/webTaskRole',
      'Task execution role: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    ]);
  });

  it('a Fargate task has its own interface in a subnet, and its service the network configuration', () => {
    const world = advance(createWorld(loadScenario('fargate-scale-out.yaml')), 120);
    const tasks = Object.values(world.ecs.tasks);
    expect(tasks.map((t) => t.az).sort()).toEqual(['eu-west-3a', 'eu-west-3b']);
    const task = tasks.find((t) => t.az === 'eu-west-3b')!;
    expect(rows(world, { kind: 'task', id: task.id }, NETWORK_AND_ROLES)).toEqual([
      'Network mode: awsvpc (its own network interface)',
      'Subnet: subnet-0b1b2c3d4e5f6071',
      'Security groups: sg-0123456789abcdef0',
      'Task role: none',
      'Task execution role: none',
    ]);
    expect(rows(world, { kind: 'service', id: 'web' }, NETWORK_AND_ROLES)).toEqual([
      'Subnets: subnet-0a1b2c3d4e5f6071, subnet-0b1b2c3d4e5f6071, subnet-0c1b2c3d4e5f6071',
      'Security groups: sg-0123456789abcdef0',
      'Public IP: DISABLED',
      'Task role: none',
      'Task execution role: none',
    ]);
  });

  it('a plain Docker host has no instance profile', () => {
    const world = createWorld(loadScenario('why-orchestration-by-hand.yaml'));
    const host = Object.values(world.ec2.instances).find((i) => i.name === 'host-a')!;
    expect(rows(world, { kind: 'instance', id: host.id }, NETWORK_AND_ROLES)).toEqual([
      'Subnet: subnet-0a1b2c3d4e5f6071',
      'Security groups: sg-0123456789abcdef0',
      'IAM instance profile: none',
    ]);
  });
});

describe('fields AWS accepts that the sandbox does not model', () => {
  it('are named in Inspect for a task of that task definition', () => {
    // The world createWorld makes is the caller's to change; what advance hands out is frozen.
    const start = createWorld(loadScenario('ecs-healthy-targets.yaml'));
    for (const td of Object.values(start.ecs.taskDefinitions))
      td.notModelled = ['containerDefinitions[0].logConfiguration', 'volumes'];
    const world = advance(start, 120);
    const task = Object.values(world.ecs.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    expect(rows(world, { kind: 'task', id: task.id }, ['Accepted, not modelled'])).toEqual([
      'Accepted, not modelled: containerDefinitions[0].logConfiguration, volumes (AWS takes these; the sandbox keeps them but does not simulate them)',
    ]);
  });
});
