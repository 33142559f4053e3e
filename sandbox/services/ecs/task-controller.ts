/**
 * Steps every task's delayed transitions (from the task statechart's table) and the health
 * gate: a task with no health check counts as healthy 40 s after RUNNING (aws-facts.md §1.4).
 * Stopped tasks are forgotten an hour after they stop, as DescribeTasks does.
 */
import {
  CRASH_AFTER_START_SECONDS,
  HEALTHY_AFTER_RUNNING_SECONDS,
  STOPPED_TASK_RETENTION_SECONDS,
} from '../../model/aws-data.ts';
import type { ImageResolution } from '../../model/images.ts';
import type { LoadBalancer, Task, World } from '../../model/types.ts';
import { delayedTransition } from '../../engine/machine-table.ts';
import { TASK_TABLE } from './task-machine.ts';
import { exitEssentialContainer, fireTaskTimer, sendTask } from './ecs-ops.ts';
import { taskList, tasksChanged } from '../../engine/task-list.ts';
import { emit, withCause } from '../../engine/events.ts';
import { own } from '../../model/record.ts';
import { ecsMessages } from './messages.ts';
import { serviceCause } from './answers.ts';
import { touch } from '../../engine/cow.ts';

/** Answers a pull for a task starting (the engine's registries); null = a public image. */
export type ResolveTaskImage = (image: string, role: string | null) => ImageResolution | null;

/**
 * The agent pulls each container's image when the task leaves PENDING: a reference the registry
 * does not have, or will not give this task's execution role, stops the task before it runs.
 */
function pullFailure(world: World, task: Task, resolve: ResolveTaskImage): string | null {
  const role = own(world.ecs.taskDefinitions, task.taskDefinition)?.executionRoleArn ?? null;
  for (const c of task.containers) {
    const r = resolve(c.image, role);
    if (!r || r.result === 'found') continue;
    const reason = cannotPullContainer(task.launchType, r);
    touch(task);
    c.reason = reason;
    return reason;
  }
  return null;
}

/** ECS's CannotPullContainerError, as Fargate (platform 1.4.0) and the EC2 agent's Docker word it. */
export function cannotPullContainer(launchType: Task['launchType'], r: ImageResolution): string {
  const ref = r.reference;
  const host = ref.slice(0, ref.indexOf('/'));
  const colon = ref.lastIndexOf(':');
  const tag = ref.slice(colon + 1);
  if (launchType === 'FARGATE')
    return r.result === 'access-denied'
      ? `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: pulling from host ${host} failed with status code [manifests ${tag}]: 403 Forbidden`
      : `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: ${ref}: not found`;
  return r.result === 'access-denied'
    ? `CannotPullContainerError: Error response from daemon: pull access denied for ${ref.slice(0, colon)}, repository does not exist or may require 'docker login': denied: Not Authorized`
    : `CannotPullContainerError: Error response from daemon: manifest for ${ref} not found: manifest unknown: Requested image not found`;
}

export function taskLifecycleController(world: World, resolve?: ResolveTaskImage): void {
  const now = world.time;
  let expired: string[] | null = null;
  let registered: Map<string, number> | null = null;
  for (const task of taskList(world)) {
    while (task.nextTransitionAt !== null && task.nextTransitionAt <= now) {
      const timer = delayedTransition(TASK_TABLE, task.lastStatus)?.delay ?? 'none';
      if (resolve && task.lastStatus === 'PENDING') {
        const failed = pullFailure(world, task, resolve);
        if (failed) {
          withCause(world, { kind: 'timer', subject: task.id, timer }, () =>
            sendTask(world, task, 'task.stop', { stopCode: 'TaskFailedToStart', reason: failed }),
          );
          continue;
        }
      }
      const fired = withCause(world, { kind: 'timer', subject: task.id, timer }, () =>
        fireTaskTimer(world, task),
      );
      if (!fired) break;
    }
    if (task.lastStatus === 'RUNNING' && crashesNow(world, task)) continue;
    if (task.lastStatus === 'RUNNING') {
      if (
        !task.healthy &&
        task.startedAt !== null &&
        now - task.startedAt >= HEALTHY_AFTER_RUNNING_SECONDS
      ) {
        touch(task);
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

/**
 * A task whose revision crashes on start (`fault.ecs-crash-on-start`) exits
 * CRASH_AFTER_START_SECONDS after it started, or after the fault began if it was already running.
 */
function crashesNow(world: World, task: Task): boolean {
  const fault = world.ecs.crashOnStart && own(world.ecs.crashOnStart, task.taskDefinition);
  if (!fault || task.startedAt === null || task.desiredStatus !== 'RUNNING') return false;
  if (world.time < Math.max(task.startedAt, fault.since) + CRASH_AFTER_START_SECONDS) return false;
  withCause(world, { kind: 'timer', subject: task.id, timer: 'crash-on-start' }, () => {
    const what = exitEssentialContainer(world, task, fault.exitCode, fault.oom);
    emit(world, task.launchType === 'FARGATE' ? 'fargate' : 'ecs', 'warning', what, {
      subject: task.id,
    });
  });
  return true;
}

/** The load balancer in front of a service, if it has one. */
export function loadBalancerOf(world: World, service: string): LoadBalancer | null {
  const name = own(world.ecs.services, service)?.loadBalancer;
  return name ? (own(world.elb.loadBalancers, name) ?? null) : null;
}
