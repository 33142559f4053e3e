/** EC2 instances: launching, the lifecycle chart's effects, and billing's 60-second minimum. */
import { own } from '../../model/record.ts';
import { INSTANCE_TYPES, MINIMUM_BILLED_SECONDS } from '../../model/aws-data.ts';
import { registeredMemoryMiB } from '../../model/constants.ts';
import type { HostSoftware, Instance, InstanceState } from '../../model/types.ts';
import type { EngineContext } from '../../engine/module.ts';
import { delayedTransition, nextState } from '../../engine/machine-table.ts';
import { ids } from '../../engine/rng.ts';
import { charge } from '../../engine/world-ops.ts';
import {
  INSTANCE_TABLE,
  instanceDelaySeconds,
  type InstanceDelayName,
} from './instance-machine.ts';

export function launchInstance(
  ctx: EngineContext,
  spec: {
    type: string;
    az: string;
    software: HostSoftware;
    name?: string | null;
    asg?: string | null;
  },
  options: { alreadyRunning?: boolean } = {},
): Instance {
  const world = ctx.world;
  const info = own(INSTANCE_TYPES, spec.type);
  if (!info) throw new Error(`unknown instance type ${spec.type}`);
  const id = ids.instance(world);
  const instance: Instance = {
    id,
    name: spec.name ?? null,
    type: spec.type,
    az: spec.az,
    state: 'pending',
    bootstrap: spec.software,
    launchedAt: world.time,
    cpuUnits: info.vcpu * 1024,
    memoryMiB: registeredMemoryMiB(info.memoryGiB),
    pricePerHour: own(info.pricePerHour, world.region) ?? info.pricePerHour['us-east-1'] ?? 0,
    asg: spec.asg ?? null,
    chores:
      spec.software === 'ecs'
        ? ['OS patches due', 'ECS agent update available']
        : ['OS patches due', 'Docker Engine update available'],
    reachable: !world.azDown.includes(spec.az),
    impairedAt: world.azDown.includes(spec.az) ? world.time : null,
    cpuUtilization: 0,
    nextTransitionAt: null,
  };
  world.ec2.instances[id] = instance;
  if (options.alreadyRunning) {
    instance.state = 'running';
    ctx.raise({ type: 'instance.running', instanceId: id, initial: true, eventId: null });
  } else {
    scheduleInstanceTimer(ctx, instance);
  }
  return instance;
}

function scheduleInstanceTimer(ctx: EngineContext, instance: Instance): void {
  const after = delayedTransition(INSTANCE_TABLE, instance.state);
  instance.nextTransitionAt = after
    ? ctx.world.time + instanceDelaySeconds(after.delay as InstanceDelayName, ctx.randomInt)
    : null;
}

type InstanceEffect = (ctx: EngineContext, instance: Instance, eventId: number | null) => void;

/** What the instance chart's named effects do (instance-machine.ts). */
const INSTANCE_EFFECTS: Record<string, InstanceEffect> = {
  settleBilling: (ctx, instance) => settleInstanceBilling(ctx, instance),
  announceRunning: (ctx, instance, eventId) =>
    ctx.raise({ type: 'instance.running', instanceId: instance.id, initial: false, eventId }),
  announceLost: (ctx, instance, eventId) =>
    ctx.raise({ type: 'instance.lost', instanceId: instance.id, eventId }),
};

function runInstanceEffects(
  names: readonly string[],
  ctx: EngineContext,
  instance: Instance,
  eventId: number | null,
): void {
  for (const name of names) {
    const effect = own(INSTANCE_EFFECTS, name);
    if (!effect) throw new Error(`${INSTANCE_TABLE.id}: no effect named ${name}`);
    effect(ctx, instance, eventId);
  }
}

/**
 * Moves an instance to a new state: the chart's exit effects of the old state, the state
 * change and its timer, the state-change notification, then the entry effects of the new one
 * (which name the notification as their cause).
 */
export function setInstanceState(
  ctx: EngineContext,
  instance: Instance,
  state: InstanceState,
): void {
  const previous = instance.state;
  const changed = previous !== state;
  if (changed) runInstanceEffects(INSTANCE_TABLE.states[previous]?.exit ?? [], ctx, instance, null);
  instance.state = state;
  scheduleInstanceTimer(ctx, instance);
  const eventId = ctx.emit(
    'ec2',
    state === 'terminated' || state === 'shutting-down' ? 'warning' : 'info',
    `EC2 Instance State-change Notification: ${instance.id} (${instance.type}, ${instance.az}) is ${state}`,
    { subject: instance.id },
  );
  if (changed)
    runInstanceEffects(INSTANCE_TABLE.states[state]?.entry ?? [], ctx, instance, eventId);
}

/** Sends an event to the instance's lifecycle; returns false when the machine ignores it. */
export function sendInstance(ctx: EngineContext, instance: Instance, eventType: string): boolean {
  const next = nextState(INSTANCE_TABLE, instance.state, eventType) as InstanceState | null;
  if (!next) return false;
  setInstanceState(ctx, instance, next);
  return true;
}

export function settleInstanceBilling(ctx: EngineContext, instance: Instance): void {
  const billed = ctx.world.ec2.billedSeconds;
  const seconds = billed ? (own(billed, instance.id) ?? 0) : 0;
  if (seconds > 0 && seconds < MINIMUM_BILLED_SECONDS) {
    charge(
      ctx.world,
      instance.id,
      'ec2',
      ((MINIMUM_BILLED_SECONDS - seconds) * instance.pricePerHour) / 3600,
    );
  }
  if (billed && Object.hasOwn(billed, instance.id)) delete billed[instance.id];
}
