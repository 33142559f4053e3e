/**
 * ECS state changes with their effects: container-instance registration (the agent's chart)
 * and the task lifecycle (the task chart). They work on a draft world.
 */
import { own } from '../../model/record.ts';
import { MINIMUM_BILLED_SECONDS, REGIONS } from '../../model/aws-data.ts';
import type {
  ContainerInstance,
  Instance,
  StopCode,
  Task,
  TaskStatus,
  World,
} from '../../model/types.ts';
import {
  delayedTransition,
  nextState,
  runEffects,
  transitionFor,
  type TransitionRow,
} from '../../engine/machine-table.ts';
import { containerInstanceArn } from '../../engine/arns.ts';
import { emit } from '../../engine/events.ts';
import { randomHex, randomInt } from '../../engine/rng.ts';
import { ecsMessages } from './messages.ts';
import { charge } from '../../engine/world-ops.ts';
import { taskList } from '../../engine/task-list.ts';
import { AGENT_TABLE, agentDelaySeconds, type AgentDelayName } from './agent-machine.ts';
import { TASK_TABLE, taskDelaySeconds, type TaskDelayName } from './task-machine.ts';
import { touch } from '../../engine/cow.ts';

const draw = (world: World) => (min: number, max: number) => randomInt(world, min, max);

// ── Container instances ──────────────────────────────────────────────────────────────

function newContainerInstance(
  world: World,
  instance: Instance,
  cluster: string,
  status: 'REGISTERING' | 'ACTIVE',
): ContainerInstance {
  const ci: ContainerInstance = {
    id: instance.id,
    containerInstanceArn: containerInstanceArn(world, cluster, randomHex(world, 32)),
    status,
    connected: instance.reachable,
    registeredAt: status === 'ACTIVE' ? world.time : null,
    nextTransitionAt: null,
    az: instance.az,
    type: instance.type,
    cpuUnits: instance.cpuUnits,
    memoryMiB: instance.memoryMiB,
    reservedCpu: 0,
    reservedMemory: 0,
    usedPorts: [],
    runningCount: 0,
  };
  world.ecs.containerInstances[instance.id] = ci;
  return ci;
}

/** A host with the ECS agent is running: the agent registers it with the cluster. */
export function startAgent(world: World, instance: Instance, initial: boolean): void {
  if (instance.bootstrap !== 'ecs') return;
  const cluster = world.ecs.cluster;
  if (initial) {
    if (cluster) newContainerInstance(world, instance, cluster.name, 'ACTIVE');
    return;
  }
  if (!cluster) {
    emit(
      world,
      'ecs',
      'warning',
      `ECS agent on ${instance.id} cannot register: cluster not found (ECS_CLUSTER).`,
      { subject: instance.id },
    );
    return;
  }
  const ci = newContainerInstance(world, instance, cluster.name, 'REGISTERING');
  const after = delayedTransition(AGENT_TABLE, 'REGISTERING');
  ci.nextTransitionAt = after
    ? world.time + agentDelaySeconds(after.delay as AgentDelayName, draw(world))
    : null;
  emit(
    world,
    'ecs',
    'info',
    `ECS Container Instance State Change: ${instance.id} REGISTERING in cluster ${cluster.name}`,
    { subject: instance.id },
  );
}

/** What the agent chart's named effects do (agent-machine.ts). */
const AGENT_EFFECTS: Record<string, (world: World, ci: ContainerInstance) => void> = {
  recordRegistration: (world, ci) => {
    if (ci.registeredAt === null) ci.registeredAt = world.time;
  },
};

export function setAgentStatus(
  world: World,
  ci: ContainerInstance,
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE',
): void {
  const previous = ci.status;
  ci.status = status;
  ci.nextTransitionAt = null;
  if (previous !== status)
    for (const name of AGENT_TABLE.states[status]?.entry ?? []) {
      const effect = own(AGENT_EFFECTS, name);
      if (!effect) throw new Error(`${AGENT_TABLE.id}: no effect named ${name}`);
      effect(world, ci);
    }
  emit(
    world,
    'ecs',
    status === 'INACTIVE' ? 'warning' : 'info',
    `ECS Container Instance State Change: ${ci.id} ${status} (agentConnected ${ci.connected})`,
    { subject: ci.id },
  );
}

export function sendAgent(world: World, ci: ContainerInstance, eventType: string): boolean {
  const next = nextState(AGENT_TABLE, ci.status, eventType);
  if (!next) return false;
  setAgentStatus(world, ci, next as 'ACTIVE' | 'DRAINING' | 'INACTIVE');
  return true;
}

export function containerInstanceId(ci: ContainerInstance | undefined): string {
  const arn = ci?.containerInstanceArn ?? '';
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** The container instance of an EC2 host, if its agent ever registered. */
export function containerInstanceOf(
  world: World,
  instanceId: string,
): ContainerInstance | undefined {
  return own(world.ecs.containerInstances, instanceId);
}

/** A connected ACTIVE container instance on a running, reachable host accepts tasks. */
export function canHostTasks(world: World, ci: ContainerInstance): boolean {
  const host = own(world.ec2.instances, ci.id);
  return (
    host !== undefined &&
    host.state === 'running' &&
    host.reachable &&
    ci.status === 'ACTIVE' &&
    ci.connected
  );
}

/** The host went away: its tasks are lost and its container instance goes INACTIVE. */
export function loseTasksOn(world: World, instance: Instance): void {
  for (const task of taskList(world)) {
    if (task.instanceId === instance.id && task.lastStatus !== 'STOPPED') {
      sendTask(world, task, 'task.lost', {
        stopCode: 'InfrastructureHealth',
        reason: `Host EC2 (instance ${instance.id}) terminated.`,
      });
    }
  }
  const ci = containerInstanceOf(world, instance.id);
  if (!ci) return;
  ci.reservedCpu = 0;
  ci.reservedMemory = 0;
  ci.runningCount = 0;
  ci.usedPorts = [];
  if (ci.status !== 'INACTIVE') setAgentStatus(world, ci, 'INACTIVE');
}

/** Removes one occurrence of each released port. */
function releasePorts(used: number[], released: number[]): number[] {
  const out = [...used];
  for (const p of released) {
    const k = out.indexOf(p);
    if (k >= 0) out.splice(k, 1);
  }
  return out;
}

export function fargatePricePerHour(world: World, task: Task): number {
  const region = own(REGIONS, world.region) ?? REGIONS['eu-west-3']!;
  return (task.cpu / 1024) * region.fargateVcpuHour + (task.memory / 1024) * region.fargateGbHour;
}

// ── Tasks ────────────────────────────────────────────────────────────────────────────

export const LIVE_BEFORE_RUNNING: ReadonlySet<TaskStatus> = new Set([
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
]);

interface TaskStep {
  previous: TaskStatus;
  detail: { stopCode?: StopCode; reason?: string };
}

/**
 * What the task chart's named actions do (task-machine.ts names them; the engine carries
 * them out here, in statechart order: exit, transition, entry).
 */
const recordStopCode = (world: World, task: Task, step: TaskStep) => {
  task.desiredStatus = 'STOPPED';
  // The first reason a task stops is its stop code (the chart's record* actions agree).
  if (task.stopCode === null) {
    task.stopCode = step.detail.stopCode ?? null;
    task.stoppedReason = step.detail.reason ?? null;
    task.stoppingAt = world.time;
  }
};

export const TASK_EFFECTS: Record<string, (world: World, task: Task, step: TaskStep) => void> = {
  recordStop: recordStopCode,
  recordExit: recordStopCode,
  recordLoss: recordStopCode,
  recordPending: (world, task, step) => {
    if (LIVE_BEFORE_RUNNING.has(step.previous)) recordPending(world, task);
  },
  markRunning: (world, task) => {
    task.startedAt = world.time;
    for (const c of task.containers) c.lastStatus = 'RUNNING';
    const ci = task.instanceId ? containerInstanceOf(world, task.instanceId) : undefined;
    if (ci) ci.runningCount++;
  },
  markNotRunning: (world, task) => {
    task.healthy = false;
    task.cpuUtilization = 0;
    const ci = task.instanceId ? containerInstanceOf(world, task.instanceId) : undefined;
    if (ci && ci.runningCount > 0) ci.runningCount--;
  },
  finishTask: (world, task) => finishTask(world, task),
};

function moveTask(
  world: World,
  task: Task,
  transition: TransitionRow,
  detail: TaskStep['detail'],
): void {
  touch(task);
  const previous = task.lastStatus;
  const state = transition.target as TaskStatus;
  task.lastStatus = state;
  const after = delayedTransition(TASK_TABLE, state);
  task.nextTransitionAt = after
    ? world.time + taskDelaySeconds(after.delay as TaskDelayName, task.launchType, draw(world))
    : null;
  runEffects(TASK_TABLE, previous, transition, TASK_EFFECTS, world, task, { previous, detail });
}

/** Sends an event to a task's chart and carries out the effects it names. */
export function sendTask(
  world: World,
  task: Task,
  eventType: 'task.placed' | 'task.stop' | 'task.exited' | 'task.lost',
  detail: { stopCode?: StopCode; reason?: string } = {},
): boolean {
  const transition = transitionFor(TASK_TABLE, task.lastStatus, eventType);
  if (!transition) return false;
  moveTask(world, task, transition, detail);
  return true;
}

/**
 * The task's essential container exits (a crash, or the OOM killer with exit 137): the task
 * stops as ECS reports it. Returns what happened, in words.
 */
export function exitEssentialContainer(
  world: World,
  task: Task,
  exitCode: number,
  oom: boolean,
): string {
  const container = task.containers.find((c) => c.essential) ?? task.containers[0];
  touch(task);
  if (container) {
    container.exitCode = exitCode;
    container.reason = oom ? ecsMessages.outOfMemory : null;
    container.lastStatus = 'STOPPED';
  }
  sendTask(world, task, 'task.exited', {
    stopCode: 'EssentialContainerExited',
    reason: ecsMessages.essentialContainerExited,
  });
  return `Container ${container?.name ?? ''} in task ${task.id} exited with code ${exitCode}${oom ? ` (${ecsMessages.outOfMemory})` : ''}.`;
}

/** Fires the task's delayed transition now; false when its state has none. */
export function fireTaskTimer(world: World, task: Task): boolean {
  const after = delayedTransition(TASK_TABLE, task.lastStatus);
  if (!after) {
    touch(task);
    task.nextTransitionAt = null;
    return false;
  }
  moveTask(world, task, after, {});
  return true;
}

function recordPending(world: World, task: Task): void {
  const seconds = world.time - task.createdAt;
  const record = world.ecs.longestPending[task.group];
  if (!record || seconds > record.seconds) {
    world.ecs.longestPending[task.group] = { seconds, taskId: task.id, since: task.createdAt };
  }
}

function finishTask(world: World, task: Task): void {
  task.stoppedAt = world.time;
  task.nextTransitionAt = null;
  for (const c of task.containers) if (c.lastStatus !== 'STOPPED') c.lastStatus = 'STOPPED';
  if (task.instanceId) {
    const host = own(world.ec2.instances, task.instanceId);
    const ci = containerInstanceOf(world, task.instanceId);
    if (
      host &&
      ci &&
      host.state !== 'shutting-down' &&
      host.state !== 'terminated' &&
      host.state !== 'stopping'
    ) {
      ci.reservedCpu = Math.max(0, ci.reservedCpu - task.cpu);
      ci.reservedMemory = Math.max(0, ci.reservedMemory - task.memory);
      if (task.hostPorts.length > 0) ci.usedPorts = releasePorts(ci.usedPorts, task.hostPorts);
    }
  }
  const billed = world.ecs.billedSeconds;
  const seconds = billed ? (own(billed, task.id) ?? 0) : 0;
  if (task.launchType === 'FARGATE' && seconds > 0 && seconds < MINIMUM_BILLED_SECONDS) {
    charge(
      world,
      task.id,
      'fargate',
      ((MINIMUM_BILLED_SECONDS - seconds) * fargatePricePerHour(world, task)) / 3600,
    );
  }
  if (billed && Object.hasOwn(billed, task.id)) delete billed[task.id];
  const level =
    task.stopCode === 'UserInitiated' || task.stopCode === 'ServiceSchedulerInitiated'
      ? 'info'
      : 'warning';
  emit(
    world,
    task.launchType === 'FARGATE' ? 'fargate' : 'ecs',
    level,
    `ECS Task State Change: (task ${task.id}) ${task.group} STOPPED (${task.stopCode ?? 'unknown'}: ${task.stoppedReason ?? ''})`,
    { subject: task.id },
  );
}

/** Places a PROVISIONING task on a container instance (resources reserved at once). */
export function placeTaskOn(world: World, task: Task, ci: ContainerInstance): void {
  touch(task);
  task.instanceId = ci.id;
  task.az = ci.az;
  ci.reservedCpu += task.cpu;
  ci.reservedMemory += task.memory;
  if (task.hostPorts.length > 0) ci.usedPorts = [...ci.usedPorts, ...task.hostPorts];
  sendTask(world, task, 'task.placed');
}
