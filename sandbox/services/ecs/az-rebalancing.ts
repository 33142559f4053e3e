/**
 * AZ rebalancing (aws-facts.md §1.4, [E29]): once a service is steady, if its tasks are
 * uneven across the AZs it can use (max − min > 1), start one extra task where it is missing;
 * when that task is healthy the scheduler's scale-in stops one in the fullest AZ. Repeat
 * until balanced. Services with binpack are not rebalanced.
 */
import type { Service, Task, World } from '../../model/types.ts';
import { emit } from '../../engine/events.ts';
import { own } from '../../model/record.ts';
import { ecsMessages } from './messages.ts';
import { serviceCause } from './answers.ts';
import { PlacementIndex, chooseInstance, serviceConstraints } from './placement.ts';
import { serviceAzs } from '../../model/vpc.ts';
import { resolveTaskDefinition, taskSize } from './task-definitions.ts';
import { createTask, fixedHostPorts } from './tasks.ts';

/** The extra rebalancing task while it is still on its way to healthy, or null. */
export function pendingRebalanceTask(world: World, service: Service): Task | null {
  if (!service.rebalancingTaskId) return null;
  const task = own(world.ecs.tasks, service.rebalancingTaskId);
  if (!task || task.lastStatus === 'STOPPED' || task.desiredStatus !== 'RUNNING') {
    service.rebalancingTaskId = null;
    return null;
  }
  return task.healthy ? null : task;
}

/** "3 tasks in eu-west-3a, 3 in eu-west-3b, and 0 in eu-west-3c" */
export function describeCounts(counts: [string, number][]): string {
  const parts = counts.map(([az, n], i) => (i === 0 ? `${n} tasks in ${az}` : `${n} in ${az}`));
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts.at(-1)}`;
}

/** Called for a steady service: reports balance and starts one rebalancing task if needed. */
export function rebalanceAzs(world: World, service: Service, live: Task[]): void {
  if (service.availabilityZoneRebalancing !== 'ENABLED' || service.rebalancingTaskId) return;
  if (service.placementStrategy.some((s) => s.type === 'binpack')) return;
  const usable = usableAzs(world, service);
  if (usable.length < 2) return;
  const perAz = new Map<string, number>(usable.map((az) => [az, 0]));
  for (const t of live) if (t.az && perAz.has(t.az)) perAz.set(t.az, perAz.get(t.az)! + 1);
  const counts = [...perAz.entries()];
  const values = counts.map(([, n]) => n);
  const balanced = Math.max(...values) - Math.min(...values) <= 1;
  if (balanced) {
    if (service.azBalanced === false)
      emit(world, 'ecs', 'info', ecsMessages.azBalanced(service.name, describeCounts(counts)), {
        subject: service.name,
        cause: serviceCause(world, service.name),
      });
    service.azBalanced = true;
    return;
  }
  const fewest = Math.min(...values);
  const td = resolveTaskDefinition(
    world,
    service.deployments[0]?.taskDefinition ?? service.taskDefinition,
  );
  if (!td) return;
  if (service.launchType === 'EC2') {
    // Only if the placement engine would really put the task in an AZ that lacks tasks.
    const size = taskSize(td);
    const choice = chooseInstance(world, new PlacementIndex(world), {
      group: `service:${service.name}`,
      cpu: size.cpu,
      memory: size.memory,
      ports: fixedHostPorts(td),
      strategies: service.placementStrategy,
      constraints: serviceConstraints(world, service),
    });
    if (!choice.ok || (perAz.get(choice.instance.az) ?? Infinity) !== fewest) return;
  }
  if (service.azBalanced !== false)
    emit(world, 'ecs', 'info', ecsMessages.notAzBalanced(service.name, describeCounts(counts)), {
      subject: service.name,
      cause: serviceCause(world, service.name),
    });
  service.azBalanced = false;
  const deployment = service.deployments[0];
  const task = createTask(world, td, {
    launchType: service.launchType,
    service: service.name,
    deploymentId: deployment?.id ?? null,
  });
  service.rebalancingTaskId = task.id;
  service.steady = false;
}

function usableAzs(world: World, service: Service): string[] {
  const up = serviceAzs(world, service).filter((az) => !world.azDown.includes(az));
  if (service.launchType === 'FARGATE') return up;
  const withHosts = new Set<string>();
  for (const id in world.ec2.instances) {
    const i = world.ec2.instances[id]!;
    const ci = world.ecs.containerInstances[id];
    if (i.state === 'running' && i.reachable && ci?.status === 'ACTIVE' && ci.connected)
      withHosts.add(i.az);
  }
  return up.filter((az) => withHosts.has(az));
}
