/** Hand-built worlds for the view's pure tests (no engine needed). */
import type { Container, Instance, MetricSample, SimEvent, Task, World } from '@sandbox';

export function instance(id: string, az: string, extra: Partial<Instance> = {}): Instance {
  return {
    id,
    name: null,
    type: 't3.medium',
    az,
    state: 'running',
    software: 'docker',
    launchedAt: 0,
    cpuUnits: 2048,
    memoryMiB: 3891,
    pricePerHour: 0.0472,
    agent: null,
    asg: null,
    chores: [],
    reachable: true,
    reservedCpu: 0,
    reservedMemory: 0,
    runningCount: 0,
    cpuUtilization: 0,
    nextTransitionAt: null,
    billedSeconds: 0,
    impairedAt: null,
    usedPorts: [],
    ...extra,
  };
}

export function container(id: string, name: string, extra: Partial<Container> = {}): Container {
  return {
    id,
    name,
    image: `shipyard/${name}:1.0`,
    hostId: null,
    cpu: 256,
    memoryMiB: 256,
    state: 'created',
    exitCode: null,
    oomKilled: false,
    startedAt: null,
    finishedAt: null,
    restartCount: 0,
    ...extra,
  };
}

export function task(id: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    arn: `arn:aws:ecs:eu-west-3:123456789012:task/demo/${id}`,
    taskDefinition: 'web:1',
    group: 'service:web',
    service: 'web',
    deploymentId: null,
    launchType: 'EC2',
    instanceId: null,
    az: null,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    cpu: 256,
    memory: 512,
    createdAt: 0,
    startedAt: 0,
    stoppingAt: null,
    stoppedAt: null,
    stopCode: null,
    stoppedReason: null,
    containers: [],
    healthy: true,
    cpuUtilization: 10,
    nextTransitionAt: null,
    billedSeconds: 0,
    hostPorts: [],
    ...extra,
  };
}

export function event(id: number, extra: Partial<SimEvent> = {}): SimEvent {
  return { id, time: id * 10, source: 'docker', level: 'info', message: `event ${id}`, ...extra };
}

export function sample(time: number, extra: Partial<MetricSample> = {}): MetricSample {
  return {
    time,
    services: {},
    instances: {},
    pendingTasks: 0,
    costPerHour: 0,
    costTotal: 0,
    ...extra,
  };
}

export function world(extra: Partial<World> = {}): World {
  return {
    scenarioId: 'test',
    seed: 1,
    rng: 1,
    time: 0,
    region: 'eu-west-3',
    azs: ['eu-west-3a', 'eu-west-3b', 'eu-west-3c'],
    azDown: [],
    orchestrator: 'none',
    accountId: '123456789012',
    instances: {},
    containers: {},
    cluster: null,
    taskDefinitions: {},
    tasks: {},
    services: {},
    autoScalingGroups: {},
    loadBalancers: {},
    traffic: {},
    load: {},
    toil: 0,
    cost: { total: 0, perHour: 0, byResource: {}, byKind: {} },
    events: [],
    metrics: [],
    log: [],
    allowedActions: [],
    longestPending: {},
    script: [],
    scriptCursor: 0,
    nextEventId: 0,
    ...extra,
  };
}

export const byId = <T extends { id: string }>(items: T[]): Record<string, T> =>
  Object.fromEntries(items.map((item) => [item.id, item]));
