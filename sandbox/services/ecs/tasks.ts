/** Creating ECS tasks from a task definition. */
import type { LaunchType, Task, TaskDefinition, World } from '../../model/types.ts';
import { taskArn } from '../../engine/arns.ts';
import { ids } from '../../engine/rng.ts';
import { taskSize } from './task-definitions.ts';
import { tasksChanged } from '../../engine/task-list.ts';

export function createTask(
  world: World,
  td: TaskDefinition,
  options: {
    launchType: LaunchType;
    service: string | null;
    deploymentId: string | null;
    /** A standalone task's own network configuration (RunTask). */
    network?: Task['network'];
  },
): Task {
  const id = ids.task(world);
  const size = taskSize(td);
  const task: Task = {
    id,
    arn: taskArn(world, world.ecs.cluster?.name ?? 'default', id),
    taskDefinition: `${td.family}:${td.revision}`,
    group: options.service ? `service:${options.service}` : `family:${td.family}`,
    service: options.service,
    deploymentId: options.deploymentId,
    launchType: options.launchType,
    instanceId: null,
    az: null,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    cpu: size.cpu,
    memory: size.memory,
    createdAt: world.time,
    startedAt: null,
    stoppingAt: null,
    stoppedAt: null,
    stopCode: null,
    stoppedReason: null,
    containers: td.containerDefinitions.map((c) => ({
      name: c.name,
      image: c.image,
      essential: c.essential,
      lastStatus: 'PENDING',
      exitCode: null,
      reason: null,
    })),
    healthy: false,
    cpuUtilization: 0,
    nextTransitionAt: null,
    hostPorts: options.launchType === 'FARGATE' ? [] : fixedHostPorts(td),
    ...(options.network ? { network: options.network } : {}),
  };
  world.ecs.tasks[id] = task;
  tasksChanged(world);
  return task;
}

export function isLive(t: Task): boolean {
  return t.lastStatus !== 'STOPPED' && t.desiredStatus === 'RUNNING';
}

/** Host ports a task of this definition pins on an EC2 instance (dynamic ports, 0 or unset in bridge mode, pin nothing). */
export function fixedHostPorts(td: TaskDefinition): number[] {
  if (td.networkMode === 'awsvpc' || td.networkMode === 'none') return [];
  const ports: number[] = [];
  for (const c of td.containerDefinitions) {
    for (const p of c.portMappings) {
      const port = td.networkMode === 'host' ? (p.hostPort ?? p.containerPort) : p.hostPort;
      if (port) ports.push(port);
    }
  }
  return ports;
}
