/**
 * Places tasks waiting in PROVISIONING: EC2 tasks on container instances (placement.ts),
 * Fargate tasks each on a fresh micro-VM in a healthy AZ. A service that cannot place a task
 * gets the real "unable to place a task" event, suppressed while it repeats.
 */
import type { Service, Task, World } from '../../model/types.ts';
import { emit } from '../../engine/events.ts';
import { placeTaskOn, sendTask } from './ecs-ops.ts';
import { ecsMessages } from './messages.ts';
import { serviceCause } from './answers.ts';
import {
  PlacementIndex,
  chooseFargateAz,
  chooseInstance,
  taskConstraints,
  type PlacementFailure,
} from './placement.ts';
import { taskAzs } from '../../model/vpc.ts';
import { taskList } from '../../engine/task-list.ts';
import { touch } from '../../engine/cow.ts';

export function placementController(world: World): void {
  let waiting: Task[] | null = null;
  for (const t of taskList(world)) {
    if (t.lastStatus === 'PROVISIONING' && t.desiredStatus === 'RUNNING' && t.az === null)
      (waiting ??= []).push(t);
  }
  if (!waiting) return;
  placeTasks(world, waiting);
}

/** Places the given tasks in order; returns the failures by task id (used by RunTask). */
export function placeTasks(world: World, waiting: Task[]): Map<string, PlacementFailure> {
  const index = new PlacementIndex(world);
  const failed = new Map<string, PlacementFailure>();
  const blockedGroups = new Set<string>();
  const started = new Map<string, string[]>();
  for (const task of waiting) {
    if (blockedGroups.has(task.group)) continue;
    const service = task.service ? world.ecs.services[task.service] : undefined;
    if (task.launchType === 'FARGATE') {
      const az = chooseFargateAz(world, index, task.group, taskAzs(world, task, service));
      if (!az) {
        blockedGroups.add(task.group);
        continue;
      }
      touch(task);
      task.az = az;
      index.add(task.group, null, az);
      sendTask(world, task, 'task.placed');
    } else {
      const choice = chooseInstance(world, index, {
        group: task.group,
        cpu: task.cpu,
        memory: task.memory,
        ports: task.hostPorts,
        strategies: service?.placementStrategy ?? [],
        constraints: taskConstraints(world, task, service),
      });
      if (!choice.ok) {
        blockedGroups.add(task.group);
        failed.set(task.id, choice.failure);
        if (service) reportFailure(world, service, choice.failure);
        continue;
      }
      placeTaskOn(world, task, choice.instance);
      index.add(task.group, choice.instance.id, choice.instance.az);
    }
    if (service) {
      service.lastPlacementFailure = null;
      let list = started.get(service.name);
      if (!list) started.set(service.name, (list = []));
      list.push(task.id);
    }
  }
  for (const [name, taskIds] of started) {
    emit(world, 'ecs', 'info', ecsMessages.tasksStarted(name, taskIds), {
      subject: name,
      cause: serviceCause(world, name),
    });
  }
  return failed;
}

export function failureMessage(service: string, failure: PlacementFailure): string {
  switch (failure.kind) {
    case 'empty-cluster':
      return ecsMessages.emptyCluster(service);
    case 'insufficient-memory':
      return ecsMessages.closestInsufficientMemory(service, failure.containerInstanceId);
    case 'insufficient-cpu':
      return ecsMessages.closestInsufficientCpu(service, failure.containerInstanceId);
    case 'ports':
      return ecsMessages.closestPorts(service, failure.containerInstanceId);
    case 'agent':
      return ecsMessages.closestAgent(service, failure.containerInstanceId);
    case 'constraints':
      return ecsMessages.unableToPlace(service);
  }
}

/** RunTask `failures[].reason` codes (aws-facts.md §1.3). */
export function failureReason(failure: PlacementFailure): string {
  switch (failure.kind) {
    case 'empty-cluster':
      return 'MISSING';
    case 'insufficient-memory':
      return 'RESOURCE:MEMORY';
    case 'insufficient-cpu':
      return 'RESOURCE:CPU';
    case 'ports':
      return 'RESOURCE:PORTS';
    case 'agent':
      return 'AGENT';
    case 'constraints':
      return 'MemberOf placement constraint unsatisfied';
  }
}

function reportFailure(world: World, service: Service, failure: PlacementFailure): void {
  const message = failureMessage(service.name, failure);
  if (service.lastPlacementFailure === message) return;
  service.lastPlacementFailure = message;
  emit(world, 'ecs', 'warning', message, {
    subject: service.name,
    cause: serviceCause(world, service.name),
  });
}
