/** EC2's controllers: instance lifecycles (their timers) and Auto Scaling groups. */
import { ASG_HEALTH_CHECK_SECONDS } from '../../model/constants.ts';
import type { Cause, Instance, InstanceState, SimEvent, World } from '../../model/types.ts';
import { actionOfEvent, answeringCause } from '../../engine/events.ts';
import { own } from '../../model/record.ts';
import type { EngineContext } from '../../engine/module.ts';
import { delayedTransition } from '../../engine/machine-table.ts';
import { INSTANCE_TABLE } from './instance-machine.ts';
import { launchInstance, sendInstance, setInstanceState } from './instances.ts';

export function ec2InstancesController(ctx: EngineContext): void {
  const world = ctx.world;
  const now = world.time;
  for (const id in world.ec2.instances) {
    const i = world.ec2.instances[id]!;
    if (i.nextTransitionAt !== null && i.nextTransitionAt <= now) {
      const after = delayedTransition(INSTANCE_TABLE, i.state);
      if (after)
        ctx.withCause({ kind: 'timer', subject: i.id, timer: after.delay }, () =>
          setInstanceState(ctx, i, after.target as InstanceState),
        );
      else i.nextTransitionAt = null;
    }
  }
}

export function autoScalingGroupsController(ctx: EngineContext): void {
  const world = ctx.world;
  for (const name in world.ec2.autoScalingGroups) {
    const asg = world.ec2.autoScalingGroups[name]!;
    let live: Instance[] = [];
    for (const id in world.ec2.instances) {
      const i = world.ec2.instances[id]!;
      if (i.asg === name && (i.state === 'pending' || i.state === 'running')) live.push(i);
    }
    for (const i of live) {
      if (i.impairedAt !== null && world.time - i.impairedAt >= ASG_HEALTH_CHECK_SECONDS) {
        const eventId = ctx.emit(
          'autoscaling',
          'warning',
          `Terminating EC2 instance: ${i.id} (an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped).`,
          { subject: name, cause: groupCause(world, name) },
        );
        ctx.withCause({ kind: 'event', eventId }, () => sendInstance(ctx, i, 'instance.terminate'));
      }
    }
    live = live.filter((i) => i.state === 'pending' || i.state === 'running');
    const azs = asg.azs.filter((az) => !world.azDown.includes(az));
    while (live.length < asg.desiredCapacity && azs.length > 0) {
      let az = azs[0]!;
      let fewest = Infinity;
      for (const candidate of azs) {
        const n = live.filter((i) => i.az === candidate).length;
        if (n < fewest) {
          fewest = n;
          az = candidate;
        }
      }
      const instance = launchInstance(ctx, {
        type: asg.instanceType,
        az,
        software: asg.software,
        asg: name,
      });
      live.push(instance);
      ctx.emit(
        'autoscaling',
        'info',
        `Launching a new EC2 instance: ${instance.id} (${name}: capacity ${live.length - 1} → ${live.length}, desired ${asg.desiredCapacity}).`,
        { subject: name, cause: groupCause(world, name) },
      );
    }
    while (live.length > asg.desiredCapacity) {
      const victim = live.pop()!;
      const eventId = ctx.emit(
        'autoscaling',
        'info',
        `Terminating EC2 instance: ${victim.id} (${name}: desired capacity ${asg.desiredCapacity}).`,
        { subject: name, cause: groupCause(world, name) },
      );
      ctx.withCause({ kind: 'event', eventId }, () =>
        sendInstance(ctx, victim, 'instance.terminate'),
      );
    }
  }
}

/** Whether `event` changed what Auto Scaling group `name` reconciles: its size, its instances, its AZs. */
function changesGroup(world: World, name: string, event: SimEvent): boolean {
  const azs = own(world.ec2.autoScalingGroups, name)?.azs ?? [];
  const action = actionOfEvent(world, event);
  if (action) {
    if (action.type === 'ec2.asg.update') return action.name === name;
    if (action.type === 'fault.az-outage' || action.type === 'fault.az-recover')
      return azs.includes(action.az);
    if (action.type === 'ec2.instance.terminate' || action.type === 'fault.terminate-instance')
      return own(world.ec2.instances, action.instanceId)?.asg === name;
    return false;
  }
  if (event.source !== 'ec2' || event.subject === undefined) return false;
  // One of its instances changed state, or one of its AZs went down or came back.
  return own(world.ec2.instances, event.subject)?.asg === name || azs.includes(event.subject);
}

/** The cause of the group's event: the control loop, after the change it answers. */
function groupCause(world: World, name: string): Cause {
  return answeringCause(world, name, (event) => changesGroup(world, name, event));
}
