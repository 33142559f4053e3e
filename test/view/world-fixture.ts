/** Hand-built worlds for the view's pure tests: the engine's empty world plus hand-made entities. */
import {
  emptyWorld,
  type Container,
  type ContainerInstance,
  type CoreWorld,
  type DockerHost,
  type Instance,
  type MetricSample,
  type SimEvent,
  type Task,
  type World,
} from '@sandbox';

export function instance(id: string, az: string, extra: Partial<Instance> = {}): Instance {
  return {
    id,
    name: null,
    type: 't3.medium',
    az,
    state: 'running',
    bootstrap: 'docker',
    launchedAt: 0,
    cpuUnits: 2048,
    memoryMiB: 3891,
    pricePerHour: 0.0472,
    asg: null,
    chores: [],
    reachable: true,
    cpuUtilization: 0,
    nextTransitionAt: null,
    impairedAt: null,
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
    hostPorts: [],
    ...extra,
  };
}

export function event(id: number, extra: Partial<SimEvent> = {}): SimEvent {
  return {
    id,
    time: id * 10,
    source: 'docker',
    level: 'info',
    message: `event ${id}`,
    cause: { kind: 'scenario' },
    ...extra,
  };
}

/** An ECS container instance registered on host `id` (ACTIVE, connected). */
export function containerInstance(
  id: string,
  az: string,
  extra: Partial<ContainerInstance> = {},
): ContainerInstance {
  return {
    id,
    containerInstanceArn: `arn:aws:ecs:eu-west-3:123456789012:container-instance/demo/${id}`,
    status: 'ACTIVE',
    connected: true,
    registeredAt: 0,
    nextTransitionAt: null,
    az,
    type: 't3.medium',
    cpuUnits: 2048,
    memoryMiB: 3891,
    reservedCpu: 0,
    reservedMemory: 0,
    usedPorts: [],
    runningCount: 0,
    ...extra,
  };
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

/** Core fields to override, and the entities to put in each service's slice. */
export interface WorldSpec extends Partial<CoreWorld> {
  instances?: Record<string, Instance>;
  containers?: Record<string, Container>;
  dockerHosts?: Record<string, DockerHost>;
  tasks?: Record<string, Task>;
  containerInstances?: Record<string, ContainerInstance>;
}

export function world(spec: WorldSpec = {}): World {
  const { instances, containers, dockerHosts, tasks, containerInstances, ...core } = spec;
  const base = emptyWorld({ scenarioId: 'test', orchestrator: core.orchestrator ?? 'none' });
  return {
    ...base,
    rng: 1,
    nextEventId: 0,
    ...core,
    ec2: { ...base.ec2, instances: instances ?? {} },
    docker: { ...base.docker, containers: containers ?? {}, hosts: dockerHosts ?? {} },
    ecs: {
      ...base.ecs,
      tasks: tasks ?? {},
      containerInstances: containerInstances ?? {},
    },
  };
}

export const byId = <T extends { id: string }>(items: T[]): Record<string, T> =>
  Object.fromEntries(items.map((item) => [item.id, item]));
