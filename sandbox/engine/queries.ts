/** Read-only views of the world for the UI. */
import { own } from '../model/record.ts';
import type { Container, ContainerInstance, Service, World } from '../model/types.ts';

export function instanceUsage(
  world: World,
  instanceId: string,
): {
  cpuReserved: number;
  memoryReserved: number;
  cpuPercent: number;
  memoryPercent: number;
  cpuUtilization: number;
} | null {
  const i = own(world.ec2.instances, instanceId);
  if (!i) return null;
  // What is reserved on a host is the business of whatever runs on it: ECS tasks or containers.
  const held = own(world.ecs.containerInstances, instanceId) ?? own(world.docker.hosts, instanceId);
  const cpu = held?.reservedCpu ?? 0;
  const memory = held?.reservedMemory ?? 0;
  return {
    cpuReserved: cpu,
    memoryReserved: memory,
    cpuPercent: i.cpuUnits > 0 ? (cpu / i.cpuUnits) * 100 : 0,
    memoryPercent: i.memoryMiB > 0 ? (memory / i.memoryMiB) * 100 : 0,
    cpuUtilization: i.cpuUtilization,
  };
}

export function serviceSummary(
  world: World,
  name: string,
):
  | (Pick<
      Service,
      | 'name'
      | 'status'
      | 'desiredCount'
      | 'runningCount'
      | 'pendingCount'
      | 'launchType'
      | 'taskDefinition'
    > & { deployments: number })
  | null {
  const s = own(world.ecs.services, name);
  if (!s) return null;
  return {
    name: s.name,
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    launchType: s.launchType,
    taskDefinition: s.taskDefinition,
    deployments: s.deployments.length,
  };
}

/** Containers still waiting in the unplaced tray. */
export function unplacedContainers(world: World): Container[] {
  return Object.values(world.docker.containers).filter((c) => c.hostId === null);
}

/** What runs on a host, as the view shows it: running tasks (ECS) or running containers (Docker). */
export function hostRunningCount(world: World, instanceId: string): number {
  const held = own(world.ecs.containerInstances, instanceId) ?? own(world.docker.hosts, instanceId);
  return held?.runningCount ?? 0;
}

/** The ECS container instance on a host, if its agent ever registered. */
export function containerInstanceOf(world: World, instanceId: string): ContainerInstance | null {
  return own(world.ecs.containerInstances, instanceId) ?? null;
}
