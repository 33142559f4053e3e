/**
 * What ECS's control loops answer, for the causes of their events (README "Causes"): a
 * service's scheduler, placement and auto scaling act after a change to what they watch.
 */
import type { Cause, SimEvent, World } from '../../model/types.ts';
import { actionOfEvent, answeringCause } from '../../engine/events.ts';
import { own } from '../../model/record.ts';

/** Whether `event` changed what service `name`'s control loops reconcile. */
function changesService(world: World, name: string, event: SimEvent): boolean {
  const action = actionOfEvent(world, event);
  if (action) {
    // An action naming the service: create, update, delete, auto scaling, traffic, a crash…
    if ('serviceName' in action && action.serviceName === name) return true;
    if ('service' in action && action.service === name) return true;
    if (action.type === 'fault.crash' && action.targetId !== undefined)
      return own(world.ecs.tasks, action.targetId)?.service === name;
    return false;
  }
  // Auto scaling set its desired count; its load balancer's traffic changed.
  if (event.subject === name) return event.source === 'autoscaling' || event.source === 'elb';
  // One of its tasks stopped (not one the scheduler itself stopped: that is its own doing).
  if (
    (event.source === 'ecs' || event.source === 'fargate') &&
    event.subject !== undefined &&
    event.message.startsWith('ECS Task State Change:')
  ) {
    const task = own(world.ecs.tasks, event.subject);
    return task?.service === name && task.stopCode !== 'ServiceSchedulerInitiated';
  }
  // Capacity came or went (a container instance registered, drained or was lost).
  return (
    event.source === 'ecs' &&
    event.subject !== undefined &&
    event.message.startsWith('ECS Container Instance State Change:')
  );
}

/** The cause of a control loop's event about service `name`: the loop, after the change it answers. */
export function serviceCause(world: World, name: string): Cause {
  return answeringCause(world, name, (event) => changesService(world, name, event));
}

/** Auto scaling answers its service's load: a traffic change, or an action on the service. */
export function scalingCause(world: World, name: string): Cause {
  return answeringCause(world, name, (event) => {
    const action = actionOfEvent(world, event);
    if (action) return 'service' in action && action.service === name;
    return event.subject === name && event.source === 'elb';
  });
}
