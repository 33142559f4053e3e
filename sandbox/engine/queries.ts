/** Read-only views of the world for the UI. */
import { own } from '../model/record.ts';
import type { Container, Service, World } from '../model/types.ts';

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
  const i = own(world.instances, instanceId);
  if (!i) return null;
  return {
    cpuReserved: i.reservedCpu,
    memoryReserved: i.reservedMemory,
    cpuPercent: i.cpuUnits > 0 ? (i.reservedCpu / i.cpuUnits) * 100 : 0,
    memoryPercent: i.memoryMiB > 0 ? (i.reservedMemory / i.memoryMiB) * 100 : 0,
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
  const s = own(world.services, name);
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
  return Object.values(world.containers).filter((c) => c.hostId === null);
}
