/**
 * Small mutations shared by action handlers and controllers. They work on a draft world
 * (a private copy made by applyAction/advance), never on a world the caller still holds.
 */
import { own } from '../model/record.ts';
import {
  AGENT_TABLE,
  INSTANCE_TABLE,
  TASK_TABLE,
  delayedTransition,
  nextState,
} from './machine-table.ts';
import { agentDelaySeconds, type AgentDelayName } from '../services/ecs/agent-machine.ts';
import { instanceDelaySeconds, type InstanceDelayName } from '../services/ec2/instance-machine.ts';
import { taskDelaySeconds, type TaskDelayName } from '../services/ecs/task-machine.ts';
import { INSTANCE_TYPES, MINIMUM_BILLED_SECONDS, REGIONS } from '../model/aws-data.ts';
import { registeredMemoryMiB } from '../model/constants.ts';
import type {
  Instance,
  InstanceState,
  Software,
  StopCode,
  Task,
  TaskStatus,
  World,
} from '../model/types.ts';
import { containerInstanceArn } from './arns.ts';
import { emit } from './events.ts';
import { ids, randomHex, randomInt } from './rng.ts';
import { taskList } from './task-list.ts';

const draw = (world: World) => (min: number, max: number) => randomInt(world, min, max);

// ── Instances ────────────────────────────────────────────────────────────────────────

export function launchInstance(
  world: World,
  spec: { type: string; az: string; software: Software; name?: string | null; asg?: string | null },
  options: { alreadyRunning?: boolean } = {},
): Instance {
  const info = INSTANCE_TYPES[spec.type];
  if (!info) throw new Error(`unknown instance type ${spec.type}`);
  const id = ids.instance(world);
  const instance: Instance = {
    id,
    name: spec.name ?? null,
    type: spec.type,
    az: spec.az,
    state: 'pending',
    software: spec.software,
    launchedAt: world.time,
    cpuUnits: info.vcpu * 1024,
    memoryMiB: registeredMemoryMiB(info.memoryGiB),
    pricePerHour: info.pricePerHour[world.region] ?? info.pricePerHour['us-east-1'] ?? 0,
    agent: null,
    asg: spec.asg ?? null,
    chores:
      spec.software === 'ecs'
        ? ['OS patches due', 'ECS agent update available']
        : ['OS patches due', 'Docker Engine update available'],
    reachable: !world.azDown.includes(spec.az),
    impairedAt: world.azDown.includes(spec.az) ? world.time : null,
    reservedCpu: 0,
    reservedMemory: 0,
    usedPorts: [],
    runningCount: 0,
    cpuUtilization: 0,
    nextTransitionAt: null,
    billedSeconds: 0,
  };
  world.instances[id] = instance;
  if (options.alreadyRunning) {
    instance.state = 'running';
    if (instance.software === 'ecs' && world.cluster) {
      instance.agent = {
        status: 'ACTIVE',
        connected: instance.reachable,
        containerInstanceArn: containerInstanceArn(world, world.cluster.name, randomHex(world, 32)),
        registeredAt: world.time,
        nextTransitionAt: null,
      };
    }
  } else {
    scheduleInstanceTimer(world, instance);
  }
  return instance;
}

function scheduleInstanceTimer(world: World, instance: Instance): void {
  const after = delayedTransition(INSTANCE_TABLE, instance.state);
  instance.nextTransitionAt = after
    ? world.time + instanceDelaySeconds(after.delay as InstanceDelayName, draw(world))
    : null;
}

/** Moves an instance to a new state, with the side effects of entering it. */
export function setInstanceState(world: World, instance: Instance, state: InstanceState): void {
  const previous = instance.state;
  if (previous === 'running' && state !== 'running') settleInstanceBilling(instance, world);
  instance.state = state;
  scheduleInstanceTimer(world, instance);
  emit(
    world,
    'ec2',
    state === 'terminated' || state === 'shutting-down' ? 'warning' : 'info',
    `EC2 Instance State-change Notification: ${instance.id} (${instance.type}, ${instance.az}) is ${state}`,
    { subject: instance.id },
  );
  if (state === 'running' && instance.software === 'ecs') startAgent(world, instance);
  if (state === 'shutting-down' || state === 'stopping') {
    loseEverythingOn(world, instance);
    if (instance.agent && instance.agent.status !== 'INACTIVE')
      setAgentStatus(world, instance, 'INACTIVE');
  }
}

/** Sends an event to the instance's lifecycle; returns false when the machine ignores it. */
export function sendInstance(world: World, instance: Instance, eventType: string): boolean {
  const next = nextState(INSTANCE_TABLE, instance.state, eventType) as InstanceState | null;
  if (!next) return false;
  setInstanceState(world, instance, next);
  return true;
}

function startAgent(world: World, instance: Instance): void {
  if (!world.cluster) {
    emit(
      world,
      'ecs',
      'warning',
      `ECS agent on ${instance.id} cannot register: cluster not found (ECS_CLUSTER).`,
      { subject: instance.id },
    );
    return;
  }
  instance.agent = {
    status: 'REGISTERING',
    connected: instance.reachable,
    containerInstanceArn: containerInstanceArn(world, world.cluster.name, randomHex(world, 32)),
    registeredAt: null,
    nextTransitionAt: null,
  };
  const after = delayedTransition(AGENT_TABLE, 'REGISTERING');
  instance.agent.nextTransitionAt = after
    ? world.time + agentDelaySeconds(after.delay as AgentDelayName, draw(world))
    : null;
  emit(
    world,
    'ecs',
    'info',
    `ECS Container Instance State Change: ${instance.id} REGISTERING in cluster ${world.cluster.name}`,
    { subject: instance.id },
  );
}

export function setAgentStatus(
  world: World,
  instance: Instance,
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE',
): void {
  const agent = instance.agent;
  if (!agent) return;
  agent.status = status;
  agent.nextTransitionAt = null;
  if (status === 'ACTIVE' && agent.registeredAt === null) agent.registeredAt = world.time;
  emit(
    world,
    'ecs',
    status === 'INACTIVE' ? 'warning' : 'info',
    `ECS Container Instance State Change: ${instance.id} ${status} (agentConnected ${agent.connected})`,
    { subject: instance.id },
  );
}

export function sendAgent(world: World, instance: Instance, eventType: string): boolean {
  if (!instance.agent) return false;
  const next = nextState(AGENT_TABLE, instance.agent.status, eventType);
  if (!next) return false;
  setAgentStatus(world, instance, next as 'ACTIVE' | 'DRAINING' | 'INACTIVE');
  return true;
}

export function containerInstanceId(instance: Instance): string {
  const arn = instance.agent?.containerInstanceArn ?? '';
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Tasks and containers on a host that goes away. */
function loseEverythingOn(world: World, instance: Instance): void {
  for (const task of taskList(world)) {
    if (task.instanceId === instance.id && task.lastStatus !== 'STOPPED') {
      sendTask(world, task, 'task.lost', {
        stopCode: 'InfrastructureHealth',
        reason: `Host EC2 (instance ${instance.id}) terminated.`,
      });
    }
  }
  for (const id in world.containers) {
    const c = world.containers[id]!;
    if (c.hostId === instance.id && c.state === 'running') {
      c.state = 'exited';
      c.exitCode = 137;
      c.finishedAt = world.time;
      emit(
        world,
        'docker',
        'error',
        `container die ${c.id} (exitCode=137, image=${c.image}, name=${c.name}): host ${instance.id} is ${instance.state}`,
        { subject: c.id },
      );
    }
  }
  instance.reservedCpu = 0;
  instance.reservedMemory = 0;
  instance.runningCount = 0;
  instance.usedPorts = [];
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

export function settleInstanceBilling(instance: Instance, world: World): void {
  if (instance.billedSeconds > 0 && instance.billedSeconds < MINIMUM_BILLED_SECONDS) {
    charge(
      world,
      instance.id,
      'ec2',
      ((MINIMUM_BILLED_SECONDS - instance.billedSeconds) * instance.pricePerHour) / 3600,
    );
  }
  instance.billedSeconds = 0;
}

export function charge(world: World, resource: string, kind: string, usd: number): void {
  world.cost.total += usd;
  world.cost.byResource[resource] = (world.cost.byResource[resource] ?? 0) + usd;
  world.cost.byKind[kind] = (world.cost.byKind[kind] ?? 0) + usd;
}

export function fargatePricePerHour(world: World, task: Task): number {
  const region = REGIONS[world.region] ?? REGIONS['eu-west-3']!;
  return (task.cpu / 1024) * region.fargateVcpuHour + (task.memory / 1024) * region.fargateGbHour;
}

export function canHostTasks(instance: Instance): boolean {
  return (
    instance.state === 'running' &&
    instance.reachable &&
    instance.agent !== null &&
    instance.agent.status === 'ACTIVE' &&
    instance.agent.connected
  );
}

/** Find an instance by id or Name tag. */
export function findInstance(world: World, ref: string): Instance | null {
  const byId = own(world.instances, ref);
  if (byId) return byId;
  for (const id in world.instances) {
    const i = world.instances[id]!;
    if (i.name === ref && i.state !== 'terminated') return i;
  }
  return null;
}

// ── Tasks ────────────────────────────────────────────────────────────────────────────

export const LIVE_BEFORE_RUNNING: ReadonlySet<TaskStatus> = new Set([
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
]);

/** Sends an event to a task's lifecycle and applies the effects of the state it enters. */
export function sendTask(
  world: World,
  task: Task,
  eventType: 'task.placed' | 'task.stop' | 'task.exited' | 'task.lost',
  detail: { stopCode?: StopCode; reason?: string } = {},
): boolean {
  const next = nextState(TASK_TABLE, task.lastStatus, eventType) as TaskStatus | null;
  if (!next) return false;
  if (eventType !== 'task.placed') {
    task.desiredStatus = 'STOPPED';
    if (task.stopCode === null) {
      task.stopCode = detail.stopCode ?? null;
      task.stoppedReason = detail.reason ?? null;
      task.stoppingAt = world.time;
    }
  }
  enterTaskState(world, task, next);
  return true;
}

export function enterTaskState(world: World, task: Task, state: TaskStatus): void {
  const previous = task.lastStatus;
  task.lastStatus = state;
  const after = delayedTransition(TASK_TABLE, state);
  task.nextTransitionAt = after
    ? world.time + taskDelaySeconds(after.delay as TaskDelayName, task.launchType, draw(world))
    : null;
  if (LIVE_BEFORE_RUNNING.has(previous) && !LIVE_BEFORE_RUNNING.has(state))
    recordPending(world, task);
  if (state === 'RUNNING') {
    task.startedAt = world.time;
    for (const c of task.containers) c.lastStatus = 'RUNNING';
    const host = task.instanceId ? world.instances[task.instanceId] : undefined;
    if (host) host.runningCount++;
  }
  if (previous === 'RUNNING') {
    task.healthy = false;
    task.cpuUtilization = 0;
    const host = task.instanceId ? world.instances[task.instanceId] : undefined;
    if (host && host.runningCount > 0) host.runningCount--;
  }
  if (state === 'STOPPED') finishTask(world, task);
}

function recordPending(world: World, task: Task): void {
  const seconds = world.time - task.createdAt;
  const record = world.longestPending[task.group];
  if (!record || seconds > record.seconds) {
    world.longestPending[task.group] = { seconds, taskId: task.id, since: task.createdAt };
  }
}

function finishTask(world: World, task: Task): void {
  task.stoppedAt = world.time;
  task.nextTransitionAt = null;
  for (const c of task.containers) if (c.lastStatus !== 'STOPPED') c.lastStatus = 'STOPPED';
  if (task.instanceId) {
    const host = world.instances[task.instanceId];
    if (
      host &&
      host.state !== 'shutting-down' &&
      host.state !== 'terminated' &&
      host.state !== 'stopping'
    ) {
      host.reservedCpu = Math.max(0, host.reservedCpu - task.cpu);
      host.reservedMemory = Math.max(0, host.reservedMemory - task.memory);
      if (task.hostPorts.length > 0) host.usedPorts = releasePorts(host.usedPorts, task.hostPorts);
    }
  }
  if (
    task.launchType === 'FARGATE' &&
    task.billedSeconds > 0 &&
    task.billedSeconds < MINIMUM_BILLED_SECONDS
  ) {
    charge(
      world,
      task.id,
      'fargate',
      ((MINIMUM_BILLED_SECONDS - task.billedSeconds) * fargatePricePerHour(world, task)) / 3600,
    );
  }
  task.billedSeconds = 0;
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

/** Places a PROVISIONING task on an EC2 instance (resources reserved at once). */
export function placeTaskOn(world: World, task: Task, instance: Instance): void {
  task.instanceId = instance.id;
  task.az = instance.az;
  instance.reservedCpu += task.cpu;
  instance.reservedMemory += task.memory;
  if (task.hostPorts.length > 0) instance.usedPorts = [...instance.usedPorts, ...task.hostPorts];
  sendTask(world, task, 'task.placed');
}
