/** EC2, Auto Scaling and fault actions, shared by every orchestrator. */
import { own } from '../../model/record.ts';
import { INSTANCE_TYPES, OOM_EXIT_CODE } from '../../model/aws-data.ts';
import { LIMITS } from '../../model/constants.ts';
import type { Action, ActionResult } from '../../model/actions.ts';
import type { Task, World } from '../../model/types.ts';
import { crashContainer, findContainer } from '../docker/docker-actions.ts';
import { ecsMessages } from '../ecs/messages.ts';
import { emit } from '../../engine/events.ts';
import { findInstance, launchInstance, sendInstance, sendTask } from '../../engine/world-ops.ts';
import { taskList } from '../../engine/task-list.ts';

type Handler<T extends Action['type']> = (
  world: World,
  action: Extract<Action, { type: T }>,
) => ActionResult;
const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });

function liveInstanceCount(world: World): number {
  let n = 0;
  for (const id in world.instances) if (world.instances[id]!.state !== 'terminated') n++;
  return n;
}

const launch: Handler<'ec2.instance.launch'> = (world, action) => {
  if (!INSTANCE_TYPES[action.instanceType]) {
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
      launchInstance(world, {
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

const terminate = (world: World, instanceId: string): ActionResult => {
  const instance = findInstance(world, instanceId);
  if (!instance)
    return fail(
      'instanceId',
      `InvalidInstanceID.NotFound: The instance ID '${instanceId}' does not exist`,
    );
  if (!sendInstance(world, instance, 'instance.terminate'))
    return fail('instanceId', `${instance.id} is already ${instance.state}.`);
  return { ok: true, message: `${instance.id} is shutting down.`, command: '' };
};

const asgUpdate: Handler<'ec2.asg.update'> = (world, action) => {
  const asg = own(world.autoScalingGroups, action.name);
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

function oldestRunningTask(world: World, service: string): Task | null {
  let best: Task | null = null;
  for (const t of taskList(world)) {
    if (t.service !== service || t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING')
      continue;
    if (!best || (t.startedAt ?? 0) < (best.startedAt ?? 0)) best = t;
  }
  return best;
}

const crash: Handler<'fault.crash'> = (world, action) => {
  const oom = action.oom ?? false;
  const exitCode = oom ? OOM_EXIT_CODE : (action.exitCode ?? 1);
  if (action.service !== undefined) {
    const task = oldestRunningTask(world, action.service);
    if (task) return crashTask(world, task, exitCode, oom);
    const c = findContainer(world, action.service);
    if (c) return crashContainer(world, c, exitCode, oom);
    return fail('service', `No running task of service ${action.service} to crash.`);
  }
  if (action.targetId === undefined)
    return fail('targetId', 'Name a container, a task or a service to crash.');
  const task = own(world.tasks, action.targetId);
  if (task) {
    if (task.lastStatus !== 'RUNNING')
      return fail('targetId', `Task ${task.id} is ${task.lastStatus}, not RUNNING.`);
    return crashTask(world, task, exitCode, oom);
  }
  const c = findContainer(world, action.targetId);
  if (c) return crashContainer(world, c, exitCode, oom);
  return fail('targetId', `No container or task ${action.targetId}.`);
};

function crashTask(world: World, task: Task, exitCode: number, oom: boolean): ActionResult {
  const container = task.containers.find((c) => c.essential) ?? task.containers[0];
  if (container) {
    container.exitCode = exitCode;
    container.reason = oom ? ecsMessages.outOfMemory : null;
    container.lastStatus = 'STOPPED';
  }
  sendTask(world, task, 'task.exited', {
    stopCode: 'EssentialContainerExited',
    reason: ecsMessages.essentialContainerExited,
  });
  return {
    ok: true,
    message: `Container ${container?.name ?? ''} in task ${task.id} exited with code ${exitCode}${oom ? ` (${ecsMessages.outOfMemory})` : ''}.`,
    command: '',
  };
}

const azOutage: Handler<'fault.az-outage'> = (world, action) => {
  if (!world.azs.includes(action.az))
    return fail('az', `${action.az} is not an Availability Zone of ${world.region}.`);
  if (world.azDown.includes(action.az)) return fail('az', `${action.az} is already down.`);
  world.azDown.push(action.az);
  emit(
    world,
    'ec2',
    'error',
    `Availability Zone ${action.az} is impaired: instances in it are unreachable.`,
    { subject: action.az },
  );
  for (const id in world.instances) {
    const i = world.instances[id]!;
    if (i.az !== action.az || i.state === 'terminated') continue;
    i.reachable = false;
    i.impairedAt = world.time;
    if (i.agent) i.agent.connected = false;
  }
  for (const t of taskList(world)) {
    if (t.az === action.az && t.lastStatus !== 'STOPPED')
      sendTask(world, t, 'task.lost', {
        stopCode: 'InfrastructureHealth',
        reason: ecsMessages.azUnavailable(action.az),
      });
  }
  return { ok: true, message: `Availability Zone ${action.az} is down.`, command: '' };
};

const azRecover: Handler<'fault.az-recover'> = (world, action) => {
  if (!world.azDown.includes(action.az)) return fail('az', `${action.az} is not down.`);
  world.azDown = world.azDown.filter((az) => az !== action.az);
  emit(world, 'ec2', 'info', `Availability Zone ${action.az} has recovered.`, {
    subject: action.az,
  });
  for (const id in world.instances) {
    const i = world.instances[id]!;
    if (i.az !== action.az || i.state === 'terminated') continue;
    i.reachable = true;
    i.impairedAt = null;
    if (i.agent) i.agent.connected = true;
  }
  return { ok: true, message: `Availability Zone ${action.az} is back.`, command: '' };
};

const agentConnection =
  (connected: boolean) =>
  (world: World, instanceId: string): ActionResult => {
    const instance = findInstance(world, instanceId);
    if (!instance) return fail('instanceId', `No instance ${instanceId}.`);
    if (!instance.agent) return fail('instanceId', `${instance.id} runs no ECS agent.`);
    if (instance.agent.connected === connected)
      return fail(
        'instanceId',
        `The agent on ${instance.id} is already ${connected ? 'connected' : 'disconnected'}.`,
      );
    instance.agent.connected = connected;
    emit(
      world,
      'ecs',
      connected ? 'info' : 'warning',
      `ECS Container Instance State Change: ${instance.id} ${instance.agent.status} (agentConnected ${connected})`,
      { subject: instance.id },
    );
    return {
      ok: true,
      message: `Agent on ${instance.id} ${connected ? 'reconnected' : 'disconnected'}.`,
      command: '',
    };
  };

const traffic: Handler<'fault.traffic'> = (world, action) => {
  const known =
    own(world.services, action.service) !== undefined ||
    own(world.traffic, action.service) !== undefined;
  if (!known) return fail('service', `No service ${action.service}.`);
  const from = own(world.traffic, action.service) ?? 0;
  world.traffic[action.service] = action.rps;
  emit(
    world,
    'elb',
    'info',
    `Traffic to ${action.service}: ${from} → ${action.rps} requests per second.`,
    { subject: action.service },
  );
  return {
    ok: true,
    message: `${action.service} now receives ${action.rps} requests per second.`,
    command: '',
  };
};

export const infraActions = {
  'ec2.instance.launch': launch,
  'ec2.instance.terminate': ((world, a) =>
    terminate(world, a.instanceId)) as Handler<'ec2.instance.terminate'>,
  'ec2.asg.update': asgUpdate,
  'fault.crash': crash,
  'fault.terminate-instance': ((world, a) =>
    terminate(world, a.instanceId)) as Handler<'fault.terminate-instance'>,
  'fault.az-outage': azOutage,
  'fault.az-recover': azRecover,
  'fault.agent-disconnect': ((world, a) =>
    agentConnection(false)(world, a.instanceId)) as Handler<'fault.agent-disconnect'>,
  'fault.agent-reconnect': ((world, a) =>
    agentConnection(true)(world, a.instanceId)) as Handler<'fault.agent-reconnect'>,
  'fault.traffic': traffic,
} as const;
