/**
 * EC2 and Auto Scaling actions, and the infrastructure faults (an instance terminated, an AZ
 * down or back). Faults change EC2 and announce a domain event; each service answers for its
 * own workloads.
 */
import { own } from '../../model/record.ts';
import { INSTANCE_TYPES } from '../../model/aws-data.ts';
import { LIMITS } from '../../model/constants.ts';
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import type { World } from '../../model/types.ts';
import type { EngineContext } from '../../engine/module.ts';
import { findInstance } from '../../engine/world-ops.ts';
import { launchInstance, sendInstance } from './instances.ts';

type Handler<T extends ActionType> = (ctx: EngineContext, action: ActionOf<T>) => ActionResult;
const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });

function liveInstanceCount(world: World): number {
  let n = 0;
  for (const id in world.ec2.instances) if (world.ec2.instances[id]!.state !== 'terminated') n++;
  return n;
}

export const launch: Handler<'ec2.instance.launch'> = (ctx, action) => {
  const world = ctx.world;
  if (!own(INSTANCE_TYPES, action.instanceType)) {
    return fail(
      'instanceType',
      `InvalidParameterValue: Invalid value '${action.instanceType}' for InstanceType. The sandbox offers ${Object.keys(INSTANCE_TYPES).join(', ')}.`,
    );
  }
  if (!world.azs.includes(action.az)) {
    return fail(
      'az',
      `InvalidParameterValue: Invalid availability zone: [${action.az}]. ${world.region} has ${world.azs.join(', ')}.`,
    );
  }
  if (world.azDown.includes(action.az)) {
    return fail(
      'az',
      `InsufficientInstanceCapacity: We currently do not have sufficient ${action.instanceType} capacity in the Availability Zone you requested (${action.az}).`,
    );
  }
  const count = action.count ?? 1;
  if (liveInstanceCount(world) + count > LIMITS.instancesTotal) {
    return fail(
      'count',
      `InstanceLimitExceeded: the sandbox runs at most ${LIMITS.instancesTotal} instances.`,
    );
  }
  const launched: string[] = [];
  for (let k = 0; k < count; k++) {
    const name = action.name ? (count > 1 ? `${action.name}-${k + 1}` : action.name) : null;
    launched.push(
      launchInstance(ctx, {
        type: action.instanceType,
        az: action.az,
        software: action.software,
        name,
      }).id,
    );
  }
  return {
    ok: true,
    message: `Launching ${launched.join(', ')} (${action.instanceType}, ${action.az}, ${action.software === 'ecs' ? 'Docker + ECS agent' : 'Docker'}).`,
    command: '',
  };
};

export const terminate = (ctx: EngineContext, instanceId: string): ActionResult => {
  const instance = findInstance(ctx.world, instanceId);
  if (!instance)
    return fail(
      'instanceId',
      `InvalidInstanceID.NotFound: The instance ID '${instanceId}' does not exist`,
    );
  if (!sendInstance(ctx, instance, 'instance.terminate'))
    return fail('instanceId', `${instance.id} is already ${instance.state}.`);
  return { ok: true, message: `${instance.id} is shutting down.`, command: '' };
};

export const asgUpdate: Handler<'ec2.asg.update'> = (ctx, action) => {
  const asg = own(ctx.world.ec2.autoScalingGroups, action.name);
  if (!asg)
    return fail(
      'name',
      `ValidationError: AutoScalingGroup name not found - AutoScalingGroup ${action.name} not found`,
    );
  const min = action.min ?? asg.minSize;
  const max = action.max ?? asg.maxSize;
  const desired = action.desired ?? Math.min(max, Math.max(min, asg.desiredCapacity));
  if (!(min <= desired && desired <= max)) {
    return fail(
      'desired',
      `ValidationError: Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
    );
  }
  asg.minSize = min;
  asg.maxSize = max;
  asg.desiredCapacity = desired;
  return {
    ok: true,
    message: `${asg.name}: min ${min}, desired ${desired}, max ${max}.`,
    command: '',
  };
};

export const azOutage: Handler<'fault.az-outage'> = (ctx, action) => {
  const world = ctx.world;
  if (!world.azs.includes(action.az))
    return fail('az', `${action.az} is not an Availability Zone of ${world.region}.`);
  if (world.azDown.includes(action.az)) return fail('az', `${action.az} is already down.`);
  world.azDown.push(action.az);
  const eventId = ctx.emit(
    'ec2',
    'error',
    `Availability Zone ${action.az} is impaired: instances in it are unreachable.`,
    { subject: action.az },
  );
  for (const id in world.ec2.instances) {
    const i = world.ec2.instances[id]!;
    if (i.az !== action.az || i.state === 'terminated') continue;
    i.reachable = false;
    i.impairedAt = world.time;
  }
  ctx.raise({ type: 'az.down', az: action.az, eventId });
  return { ok: true, message: `Availability Zone ${action.az} is down.`, command: '' };
};

export const azRecover: Handler<'fault.az-recover'> = (ctx, action) => {
  const world = ctx.world;
  if (!world.azDown.includes(action.az)) return fail('az', `${action.az} is not down.`);
  world.azDown = world.azDown.filter((az) => az !== action.az);
  const eventId = ctx.emit('ec2', 'info', `Availability Zone ${action.az} has recovered.`, {
    subject: action.az,
  });
  for (const id in world.ec2.instances) {
    const i = world.ec2.instances[id]!;
    if (i.az !== action.az || i.state === 'terminated') continue;
    i.reachable = true;
    i.impairedAt = null;
  }
  ctx.raise({ type: 'az.up', az: action.az, eventId });
  return { ok: true, message: `Availability Zone ${action.az} is back.`, command: '' };
};
