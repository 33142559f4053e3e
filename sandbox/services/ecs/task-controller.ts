/**
 * Steps every task's delayed transitions (from the task statechart's table) and the health
 * gate: a task with no health check counts as healthy 40 s after RUNNING (aws-facts.md §1.4).
 * Stopped tasks are forgotten an hour after they stop, as DescribeTasks does.
 */
import {
  HEALTHY_AFTER_RUNNING_SECONDS,
  STOPPED_TASK_RETENTION_SECONDS,
} from '../../model/aws-data.ts';
import type { LoadBalancer, World } from '../../model/types.ts';
import { delayedTransition } from '../../engine/machine-table.ts';
import { TASK_TABLE } from './task-machine.ts';
import { fireTaskTimer } from './ecs-ops.ts';
import { taskList, tasksChanged } from '../../engine/task-list.ts';
import { emit, withCause } from '../../engine/events.ts';
import { own } from '../../model/record.ts';
import { ecsMessages } from './messages.ts';
import { serviceCause } from './answers.ts';

export function taskLifecycleController(world: World): void {
  const now = world.time;
  let expired: string[] | null = null;
  let registered: Map<string, number> | null = null;
  for (const task of taskList(world)) {
    while (task.nextTransitionAt !== null && task.nextTransitionAt <= now) {
      const timer = delayedTransition(TASK_TABLE, task.lastStatus)?.delay ?? 'none';
      const fired = withCause(world, { kind: 'timer', subject: task.id, timer }, () =>
        fireTaskTimer(world, task),
      );
      if (!fired) break;
    }
    if (task.lastStatus === 'RUNNING') {
      if (
        !task.healthy &&
        task.startedAt !== null &&
        now - task.startedAt >= HEALTHY_AFTER_RUNNING_SECONDS
      ) {
        task.healthy = true;
        if (task.service && task.desiredStatus === 'RUNNING') {
          registered ??= new Map();
          registered.set(task.service, (registered.get(task.service) ?? 0) + 1);
        }
      }
    } else if (
      task.lastStatus === 'STOPPED' &&
      task.stoppedAt !== null &&
      now - task.stoppedAt >= STOPPED_TASK_RETENTION_SECONDS
    ) {
      (expired ??= []).push(task.id);
    }
  }
  if (expired) {
    for (const id of expired) delete world.ecs.tasks[id];
    tasksChanged(world);
  }
  if (registered) {
    for (const [name, count] of registered) {
      const lb = loadBalancerOf(world, name);
      if (lb)
        emit(world, 'ecs', 'info', ecsMessages.targetsRegistered(name, count, lb.targetGroupArn), {
          subject: name,
          cause: serviceCause(world, name),
        });
    }
  }
}

/** The load balancer in front of a service, if it has one. */
export function loadBalancerOf(world: World, service: string): LoadBalancer | null {
  const name = own(world.ecs.services, service)?.loadBalancer;
  return name ? (own(world.elb.loadBalancers, name) ?? null) : null;
}
