/**
 * The ECS service scheduler (REPLICA): keeps desiredCount tasks, replaces tasks that stop,
 * scales in by the placement strategy's rules, and runs rolling deployments within
 * minimumHealthyPercent (rounded up) and maximumPercent (rounded down) (aws-facts.md §1.4).
 */
import type { Service, Task, World } from '../../model/types.ts';
import { emit } from '../../engine/events.ts';
import { sendTask } from './ecs-ops.ts';
import { ecsMessages } from './messages.ts';
import { serviceCause } from './answers.ts';
import { scaleInOrder } from './placement.ts';
import { resolveTaskDefinition } from './task-definitions.ts';
import { createTask, isLive } from './tasks.ts';
import { loadBalancerOf } from './task-controller.ts';
import { pendingRebalanceTask, rebalanceAzs } from './az-rebalancing.ts';
import { AZ_REBALANCE_CHECK_SECONDS } from '../../model/constants.ts';
import { taskList } from '../../engine/task-list.ts';
import { runEffects, transitionFor } from '../../engine/machine-table.ts';
import { ROLLOUT_TABLE, type RolloutState } from '../../engine/charts/rollout-machine.ts';

/** `options.rebalance` false: no AZ rebalancing (used while building the initial world). */
export function serviceSchedulerController(
  world: World,
  options: { rebalance?: boolean } = {},
): void {
  const byService = new Map<string, Task[]>();
  const stopping = new Map<string, number>();
  for (const t of taskList(world)) {
    if (t.service && t.lastStatus !== 'STOPPED' && t.desiredStatus === 'STOPPED') {
      stopping.set(t.service, (stopping.get(t.service) ?? 0) + 1);
    }
    if (t.service && isLive(t)) {
      let list = byService.get(t.service);
      if (!list) byService.set(t.service, (list = []));
      list.push(t);
    }
  }
  for (const name in world.ecs.services) {
    const service = world.ecs.services[name]!;
    if (service.status === 'INACTIVE') continue;
    const live = byService.get(name) ?? [];
    if (service.status === 'DRAINING') {
      drainDeletedService(world, service, live);
      continue;
    }
    schedule(world, service, live, stopping.get(name) ?? 0, options.rebalance ?? true);
  }
}

/** `stopping`: the service's tasks on their way to STOPPED, which still count toward maximumPercent. */
function schedule(
  world: World,
  service: Service,
  live: Task[],
  stopping: number,
  rebalance: boolean,
): void {
  const primary = service.deployments[0];
  if (!primary) return;
  const primaryLive = live.filter((t) => t.deploymentId === primary.id);
  let oldLive = live.filter((t) => t.deploymentId !== primary.id);
  const desired = service.desiredCount;
  const { minimumHealthyPercent, maximumPercent } = service.deploymentConfiguration;
  const maxTotal = Math.floor((desired * maximumPercent) / 100);
  const minHealthy = Math.ceil((desired * minimumHealthyPercent) / 100);
  const stopped: string[] = [];
  const reason = ecsMessages.scalingActivity(primary.id);

  // Scale in within the primary deployment (keeping an AZ-rebalancing task until it is healthy).
  let remaining = primaryLive;
  let stoppingNow = stopping;
  const keep = pendingRebalanceTask(world, service) ? desired + 1 : desired;
  while (remaining.length > keep) {
    const victim = scaleInOrder(world, remaining, service.placementStrategy)[0]!;
    if (victim.lastStatus === 'RUNNING') stopped.push(victim.id);
    sendTask(world, victim, 'task.stop', { stopCode: 'ServiceSchedulerInitiated', reason });
    remaining = remaining.filter((t) => t !== victim);
    stoppingNow++;
  }

  // Start new tasks of the primary deployment, within maximumPercent: RUNNING + PENDING +
  // STOPPING tasks of the service may not exceed ⌊desired × maximumPercent / 100⌋.
  const room = maxTotal - remaining.length - oldLive.length - stoppingNow;
  const toStart = Math.max(0, Math.min(desired - remaining.length, room));
  if (toStart > 0) {
    const td = resolveTaskDefinition(world, primary.taskDefinition);
    if (td) {
      for (let k = 0; k < toStart; k++)
        createTask(world, td, {
          launchType: primary.launchType,
          service: service.name,
          deploymentId: primary.id,
        });
      service.steady = false;
    }
  }

  // Stop old tasks, keeping minimumHealthyPercent healthy.
  if (oldLive.length > 0) {
    let healthy = 0;
    for (const t of live) if (t.healthy && t.desiredStatus === 'RUNNING') healthy++;
    const ordered = [...oldLive].sort((a, b) => Number(a.healthy) - Number(b.healthy));
    for (const t of ordered) {
      if (t.healthy) {
        if (healthy - 1 < minHealthy) break;
        healthy--;
      }
      if (t.lastStatus === 'RUNNING') stopped.push(t.id);
      sendTask(world, t, 'task.stop', { stopCode: 'ServiceSchedulerInitiated', reason });
    }
    oldLive = oldLive.filter((t) => t.desiredStatus === 'RUNNING');
    const primaryPending = remaining.some((t) => t.lastStatus !== 'RUNNING' || !t.healthy);
    if (
      toStart === 0 &&
      oldLive.length > 0 &&
      stopped.length === 0 &&
      !primaryPending &&
      remaining.length < desired &&
      !primary.stuckReported
    ) {
      primary.stuckReported = true;
      emit(world, 'ecs', 'error', ecsMessages.deploymentConfigurationStuck(service.name), {
        subject: service.name,
        cause: serviceCause(world, service.name),
      });
    }
  }

  if (stopped.length > 0) {
    const lb = loadBalancerOf(world, service.name);
    if (lb) {
      emit(
        world,
        'ecs',
        'info',
        ecsMessages.targetsDeregistered(service.name, stopped.length, lb.targetGroupArn),
        {
          subject: service.name,
          cause: serviceCause(world, service.name),
        },
      );
      emit(world, 'ecs', 'info', ecsMessages.draining(service.name, stopped.length), {
        subject: service.name,
        cause: serviceCause(world, service.name),
      });
    }
    emit(world, 'ecs', 'info', ecsMessages.tasksStopped(service.name, stopped), {
      subject: service.name,
      cause: serviceCause(world, service.name),
    });
  }

  // Deployment completion and steady state.
  let running = 0;
  let pending = 0;
  let healthyPrimary = 0;
  for (const t of live) {
    if (t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else pending++;
    if (t.deploymentId === primary.id && t.healthy) healthyPrimary++;
  }
  pending += toStart;
  service.runningCount = running;
  service.pendingCount = pending;
  if (oldLive.length === 0 && service.deployments.length > 1) {
    service.deployments = [primary];
  }
  // The rollout chart decides; the guard is this service's count of its tasks.
  const check = transitionFor(ROLLOUT_TABLE, primary.rolloutState, 'rollout.check', (guard) =>
    guard === 'newVersionAvailable'
      ? service.deployments.length === 1 && healthyPrimary >= desired && pending === 0
      : false,
  );
  if (check) {
    const previous = primary.rolloutState;
    primary.rolloutState = check.target as RolloutState;
    runEffects(ROLLOUT_TABLE, previous, check, {
      announce: () =>
        emit(world, 'ecs', 'info', ecsMessages.deploymentCompleted(service.name, primary.id), {
          subject: service.name,
          cause: serviceCause(world, service.name),
        }),
    });
  }
  // Steady: every desired task running and healthy, one deployment, nothing in flight.
  const steady =
    running === desired &&
    healthyPrimary === desired &&
    pending === 0 &&
    service.deployments.length === 1 &&
    primary.rolloutState === 'COMPLETED';
  if (steady && !service.steady)
    emit(world, 'ecs', 'info', ecsMessages.steadyState(service.name), {
      subject: service.name,
      cause: serviceCause(world, service.name),
    });
  service.steady = steady;
  if (steady) {
    service.rebalancingTaskId = null;
    if (rebalance && world.time % AZ_REBALANCE_CHECK_SECONDS === 0)
      rebalanceAzs(world, service, remaining);
  }
}

function drainDeletedService(world: World, service: Service, live: Task[]): void {
  const stopped: string[] = [];
  for (const t of live) {
    if (t.lastStatus === 'RUNNING') stopped.push(t.id);
    sendTask(world, t, 'task.stop', {
      stopCode: 'ServiceSchedulerInitiated',
      reason: ecsMessages.scalingActivity(service.deployments[0]?.id ?? ''),
    });
  }
  if (stopped.length > 0)
    emit(world, 'ecs', 'info', ecsMessages.tasksStopped(service.name, stopped), {
      subject: service.name,
      cause: serviceCause(world, service.name),
    });
  let any = false;
  for (const t of taskList(world)) {
    if (t.service === service.name && t.lastStatus !== 'STOPPED') {
      any = true;
      break;
    }
  }
  service.runningCount = 0;
  service.pendingCount = 0;
  if (!any) service.status = 'INACTIVE';
}
