/** ECS API actions: RegisterTaskDefinition, CreateService, UpdateService, DeleteService, RunTask, StopTask, … */
import { own } from '../../model/record.ts';
import {
  CRASH_AFTER_START_SECONDS,
  DEFAULT_MAXIMUM_PERCENT,
  DEFAULT_MINIMUM_HEALTHY_PERCENT,
  DEFAULT_SCALING_COOLDOWN_SECONDS,
} from '../../model/aws-data.ts';
import { LIMITS } from '../../model/constants.ts';
import type { ActionOf, ActionResult, ActionType } from '../../model/actions.ts';
import type { EngineContext } from '../../engine/module.ts';
import type {
  Deployment,
  LaunchType,
  PlacementConstraint,
  PlacementStrategy,
  Service,
  TaskDefinition,
  World,
} from '../../model/types.ts';
import { serviceArn } from '../../engine/arns.ts';
import { ids } from '../../engine/rng.ts';
import { completeNetwork, networkRefusal, taskAzs, type NetworkInput } from '../../model/vpc.ts';
import { findInstance } from '../../engine/world-ops.ts';
import { containerInstanceOf, sendAgent, sendTask } from './ecs-ops.ts';
import { parseQuery } from './cluster-query.ts';
import { ecsMessages } from './messages.ts';
import { failureReason, placeTasks } from './placement-controller.ts';
import { registerTaskDefinition, resolveTaskDefinition } from './task-definitions.ts';
import { createTask } from './tasks.ts';
import { taskList, tasksChanged } from '../../engine/task-list.ts';

type Handler<T extends ActionType> = (ctx: EngineContext, action: ActionOf<T>) => ActionResult;
const fail = (field: string, error: string): ActionResult => ({ ok: false, field, error });

function needCluster(world: World): ActionResult | null {
  return world.ecs.cluster ? null : fail('cluster', ecsMessages.clusterNotFound);
}

function supports(td: TaskDefinition, launchType: LaunchType): boolean {
  return td.requiresCompatibilities.includes(launchType);
}

function newDeployment(world: World, td: TaskDefinition, launchType: LaunchType): Deployment {
  return {
    id: ids.deployment(world),
    status: 'PRIMARY',
    taskDefinition: `${td.family}:${td.revision}`,
    launchType,
    rolloutState: 'IN_PROGRESS',
    createdAt: world.time,
    stuckReported: false,
  };
}

function checkConstraints(
  constraints: { type: string; expression?: string | undefined }[] | undefined,
): ActionResult | null {
  for (const [i, c] of (constraints ?? []).entries()) {
    if (c.type === 'memberOf') {
      if (!c.expression)
        return fail(
          `placementConstraints[${i}].expression`,
          'InvalidParameterException: memberOf requires an expression.',
        );
      const parsed = parseQuery(c.expression);
      if (!parsed.ok)
        return fail(
          `placementConstraints[${i}].expression`,
          `InvalidParameterException: Invalid placement constraint expression: ${parsed.error}.`,
        );
    }
  }
  return null;
}

export const register: Handler<'ecs.taskdef.register'> = (ctx, action) => {
  const world = ctx.world;
  const result = registerTaskDefinition(world, action.taskDefinition, action.notModelled);
  if (!result.ok) return fail(`taskDefinition.${result.error.field}`, result.error.error);
  return {
    ok: true,
    message: `Registered task definition ${result.value.family}:${result.value.revision} (${result.value.arn}).`,
    command: '',
  };
};

/**
 * The network configuration a create, an update or a RunTask gives, checked as AWS checks it
 * (networkRefusal). Without security groups a task gets the VPC's default one; without
 * assignPublicIp, none.
 */
function checkNetwork(
  world: World,
  td: TaskDefinition,
  network: NetworkInput | undefined,
): { ok: true; value: Service['network'] } | { ok: false; result: ActionResult } {
  if (network === undefined) return { ok: true, value: undefined };
  const refused = networkRefusal(world, td, network);
  if (refused) return { ok: false, result: fail(refused.field, refused.error) };
  return { ok: true, value: completeNetwork(world, network) };
}

/** Fargate places tasks by subnet alone: strategies and constraints are refused, not ignored. */
function refusePlacementOnFargate(
  launchType: LaunchType,
  strategies: readonly PlacementStrategy[],
  constraints: readonly PlacementConstraint[],
): ActionResult | null {
  if (launchType !== 'FARGATE') return null;
  if (strategies.length > 0)
    return fail('placementStrategy', ecsMessages.fargatePlacementStrategies);
  if (constraints.length > 0)
    return fail('placementConstraints', ecsMessages.fargatePlacementConstraints);
  return null;
}

export const createService: Handler<'ecs.service.create'> = (ctx, action) => {
  const world = ctx.world;
  const noCluster = needCluster(world);
  if (noCluster) return noCluster;
  const existing = own(world.ecs.services, action.serviceName);
  if (existing && existing.status !== 'INACTIVE')
    return fail('serviceName', ecsMessages.serviceExists);
  const active = Object.values(world.ecs.services).filter((s) => s.status !== 'INACTIVE').length;
  if (active >= LIMITS.servicesTotal)
    return fail(
      'serviceName',
      `LimitExceededException: at most ${LIMITS.servicesTotal} services per cluster in the sandbox.`,
    );
  const td = resolveTaskDefinition(world, action.taskDefinition);
  if (!td) return fail('taskDefinition', ecsMessages.taskDefinitionNotFound);
  const launchType = action.launchType ?? 'EC2';
  if (!supports(td, launchType))
    return fail('launchType', ecsMessages.launchTypeNotSupported(launchType));
  const onFargate = refusePlacementOnFargate(
    launchType,
    action.placementStrategy ?? [],
    action.placementConstraints ?? [],
  );
  if (onFargate) return onFargate;
  const bad = checkConstraints(action.placementConstraints);
  if (bad) return bad;
  const network = checkNetwork(world, td, action.network);
  if (!network.ok) return network.result;
  const dc = {
    minimumHealthyPercent:
      action.deploymentConfiguration?.minimumHealthyPercent ?? DEFAULT_MINIMUM_HEALTHY_PERCENT,
    maximumPercent: action.deploymentConfiguration?.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT,
  };
  const service: Service = {
    name: action.serviceName,
    arn: serviceArn(world, world.ecs.cluster!.name, action.serviceName),
    status: 'ACTIVE',
    taskDefinition: `${td.family}:${td.revision}`,
    desiredCount: action.desiredCount,
    launchType,
    // Fargate ignores placement strategies and constraints.
    placementStrategy:
      launchType === 'FARGATE' ? [] : (action.placementStrategy ?? []).map((s) => ({ ...s })),
    placementConstraints:
      launchType === 'FARGATE' ? [] : (action.placementConstraints ?? []).map((c) => ({ ...c })),
    deploymentConfiguration: dc,
    deployments: [newDeployment(world, td, launchType)],
    loadBalancer: action.loadBalancer ?? null,
    autoScaling: null,
    createdAt: world.time,
    lastPlacementFailure: null,
    runningCount: 0,
    pendingCount: 0,
    steady: false,
    availabilityZoneRebalancing: (action.placementStrategy ?? []).some((s) => s.type === 'binpack')
      ? 'DISABLED'
      : 'ENABLED',
    rebalancingTaskId: null,
    azBalanced: null,
    ...(network.value ? { network: network.value } : {}),
  };
  world.ecs.services[service.name] = service;
  // The load balancer and the traffic model are ELB's: it answers for them.
  ctx.raise({
    type: 'service.created',
    service: service.name,
    loadBalancer: action.loadBalancer ?? null,
    eventId: null,
  });
  return {
    ok: true,
    message: `Created service ${service.name} (desired ${service.desiredCount}, ${launchType}).`,
    command: '',
  };
};

export const updateService: Handler<'ecs.service.update'> = (ctx, action) => {
  const world = ctx.world;
  const noCluster = needCluster(world);
  if (noCluster) return noCluster;
  const service = own(world.ecs.services, action.service);
  if (!service || service.status !== 'ACTIVE') return fail('service', ecsMessages.serviceNotFound);
  const changes: string[] = [];
  let td: TaskDefinition | null = null;
  if (action.taskDefinition !== undefined) {
    td = resolveTaskDefinition(world, action.taskDefinition);
    if (!td) return fail('taskDefinition', ecsMessages.taskDefinitionNotFound);
  }
  const launchType = action.launchType ?? service.launchType;
  const target = td ?? resolveTaskDefinition(world, service.taskDefinition);
  if (!target) return fail('taskDefinition', ecsMessages.taskDefinitionNotFound);
  if (!supports(target, launchType))
    return fail('launchType', ecsMessages.launchTypeNotSupported(launchType));
  // A service changes launch type only through a capacity provider strategy (update-service has
  // no --launch-type), and the provider must be associated with the cluster first.
  if (
    launchType === 'FARGATE' &&
    launchType !== service.launchType &&
    !(world.ecs.cluster?.capacityProviders ?? []).includes('FARGATE')
  )
    return fail('launchType', ecsMessages.capacityProviderNotAssociated);
  // What the service would hold after this update: AWS refuses it on Fargate, even when the
  // strategies were set earlier on EC2 (an update must clear them with an empty list).
  const onFargate = refusePlacementOnFargate(
    launchType,
    action.placementStrategy ?? service.placementStrategy,
    action.placementConstraints ?? service.placementConstraints,
  );
  if (onFargate) return onFargate;
  const network = checkNetwork(world, target, action.network);
  if (!network.ok) return network.result;
  if (network.value) {
    service.network = network.value;
    changes.push('network configuration');
  }
  if (action.desiredCount !== undefined) {
    service.desiredCount = action.desiredCount;
    if (service.autoScaling) {
      service.desiredCount = Math.min(
        service.autoScaling.maxCapacity,
        Math.max(service.autoScaling.minCapacity, action.desiredCount),
      );
    }
    changes.push(`desired count ${service.desiredCount}`);
  }
  if (action.placementStrategy !== undefined) {
    service.placementStrategy = action.placementStrategy.map((s) => ({ ...s }));
    service.availabilityZoneRebalancing = action.placementStrategy.some((s) => s.type === 'binpack')
      ? 'DISABLED'
      : 'ENABLED';
    changes.push('placement strategy');
  }
  if (action.placementConstraints !== undefined) {
    const bad = checkConstraints(action.placementConstraints);
    if (bad) return bad;
    service.placementConstraints = action.placementConstraints.map((c) => ({ ...c }));
    service.lastPlacementFailure = null;
    changes.push('placement constraints');
  }
  if (action.deploymentConfiguration) {
    service.deploymentConfiguration = {
      minimumHealthyPercent:
        action.deploymentConfiguration.minimumHealthyPercent ??
        service.deploymentConfiguration.minimumHealthyPercent,
      maximumPercent:
        action.deploymentConfiguration.maximumPercent ??
        service.deploymentConfiguration.maximumPercent,
    };
    changes.push('deployment configuration');
  }
  const newRevision = td !== null && `${td.family}:${td.revision}` !== service.taskDefinition;
  const newLaunchType = launchType !== service.launchType;
  if (newRevision || newLaunchType || action.forceNewDeployment) {
    service.taskDefinition = `${target.family}:${target.revision}`;
    service.launchType = launchType;
    if (launchType === 'FARGATE') {
      service.placementStrategy = [];
      service.placementConstraints = [];
    }
    for (const d of service.deployments) d.status = 'ACTIVE';
    const deployment = newDeployment(world, target, launchType);
    service.deployments.unshift(deployment);
    service.steady = false;
    changes.push(`new deployment ${deployment.id} (${service.taskDefinition}, ${launchType})`);
  }
  if (changes.length === 0) return fail('service', 'InvalidParameterException: nothing to update.');
  return {
    ok: true,
    message: `Updated service ${service.name}: ${changes.join(', ')}.`,
    command: '',
  };
};

export const deleteService: Handler<'ecs.service.delete'> = (ctx, action) => {
  const world = ctx.world;
  const service = own(world.ecs.services, action.service);
  if (!service || service.status !== 'ACTIVE') return fail('service', ecsMessages.serviceNotFound);
  service.status = 'DRAINING';
  service.desiredCount = 0;
  service.autoScaling = null;
  return {
    ok: true,
    message: `Service ${service.name} is DRAINING; its tasks are stopping.`,
    command: '',
  };
};

export const autoscale: Handler<'ecs.service.autoscale'> = (ctx, action) => {
  const world = ctx.world;
  const service = own(world.ecs.services, action.service);
  if (!service || service.status !== 'ACTIVE') return fail('service', ecsMessages.serviceNotFound);
  if (action.minCapacity > action.maxCapacity) {
    return fail(
      'minCapacity',
      'ValidationException: Minimum capacity cannot be greater than maximum capacity',
    );
  }
  service.autoScaling = {
    minCapacity: action.minCapacity,
    maxCapacity: action.maxCapacity,
    targetCpu: action.targetCpu,
    scaleOutCooldown: action.scaleOutCooldown ?? DEFAULT_SCALING_COOLDOWN_SECONDS,
    scaleInCooldown: action.scaleInCooldown ?? DEFAULT_SCALING_COOLDOWN_SECONDS,
    lastScaleOutAt: null,
    lastScaleInAt: null,
    datapoints: [],
  };
  const clamped = Math.min(action.maxCapacity, Math.max(action.minCapacity, service.desiredCount));
  service.desiredCount = clamped;
  return {
    ok: true,
    message: `Target tracking on ECSServiceAverageCPUUtilization ${action.targetCpu} % for ${service.name} (min ${action.minCapacity}, max ${action.maxCapacity}).`,
    command: '',
  };
};

export const runTask: Handler<'ecs.task.run'> = (ctx, action) => {
  const world = ctx.world;
  const noCluster = needCluster(world);
  if (noCluster) return noCluster;
  const td = resolveTaskDefinition(world, action.taskDefinition);
  if (!td) return fail('taskDefinition', ecsMessages.taskDefinitionNotFound);
  const launchType = action.launchType ?? 'EC2';
  if (!supports(td, launchType))
    return fail('launchType', ecsMessages.launchTypeNotSupported(launchType));
  if (Object.keys(world.ecs.tasks).length + (action.count ?? 1) > LIMITS.tasksTotal) {
    return fail(
      'count',
      `LimitExceededException: the sandbox runs at most ${LIMITS.tasksTotal} tasks.`,
    );
  }
  if (launchType === 'EC2') {
    const registered = Object.values(world.ec2.instances).some(
      (i) => i.state === 'running' && containerInstanceOf(world, i.id)?.status === 'ACTIVE',
    );
    if (!registered) return fail('cluster', ecsMessages.runTaskNoInstances);
  }
  const network = checkNetwork(world, td, action.network);
  if (!network.ok) return network.result;
  const tasks = [];
  for (let k = 0; k < (action.count ?? 1); k++)
    tasks.push(
      createTask(world, td, {
        launchType,
        service: null,
        deploymentId: null,
        network: network.value,
      }),
    );
  const failures = placeTasks(world, tasks);
  for (const t of tasks) if (t.az === null) delete world.ecs.tasks[t.id];
  tasksChanged(world);
  const placed = tasks.filter((t) => t.az !== null);
  if (placed.length === 0 && launchType === 'FARGATE') {
    // Fargate fails only for want of an AZ; what AWS reports then is not known, so the sandbox says it.
    const azs = taskAzs(world, tasks[0]!, undefined);
    return fail(
      'count',
      `RunTask failures: the sandbox has no Availability Zone of the task's subnets up (${azs.join(', ')} down).`,
    );
  }
  if (placed.length === 0) {
    const first = failures.values().next().value;
    return fail('count', `RunTask failures: ${first ? failureReason(first) : 'RESOURCE:CPU'}`);
  }
  const failureNote =
    failures.size > 0
      ? ` ${failures.size} failed: ${[...new Set([...failures.values()].map(failureReason))].join(', ')}.`
      : '';
  return {
    ok: true,
    message: `Started ${placed.length} task(s): ${placed.map((t) => t.id).join(' ')}.${failureNote}`,
    command: '',
  };
};

export const putCapacityProviders: Handler<'ecs.cluster.put-capacity-providers'> = (
  ctx,
  action,
) => {
  const cluster = ctx.world.ecs.cluster;
  if (!cluster) return fail('cluster', ecsMessages.clusterNotFound);
  const strategy = action.defaultCapacityProviderStrategy;
  if (strategy.some((s) => !action.capacityProviders.includes(s.capacityProvider)))
    return fail(
      'defaultCapacityProviderStrategy',
      'InvalidParameterException: The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster.',
    );
  cluster.capacityProviders = [...action.capacityProviders];
  cluster.defaultCapacityProviderStrategy = strategy.map((s) => ({ ...s }));
  return {
    ok: true,
    message: `Cluster ${cluster.name} can use the capacity providers ${action.capacityProviders.join(', ') || '(none)'}.`,
    command: '',
  };
};

export const stopTask: Handler<'ecs.task.stop'> = (ctx, action) => {
  const world = ctx.world;
  const task =
    own(world.ecs.tasks, action.taskId) ??
    Object.values(world.ecs.tasks).find((t) => t.arn === action.taskId);
  if (!task || task.lastStatus === 'STOPPED')
    return fail('taskId', 'InvalidParameterException: The referenced task was not found.');
  if (task.desiredStatus === 'STOPPED')
    return fail('taskId', `Task ${task.id} is already stopping.`);
  sendTask(world, task, 'task.stop', {
    stopCode: 'UserInitiated',
    reason: action.reason ?? ecsMessages.userInitiated,
  });
  return { ok: true, message: `Stopping task ${task.id}.`, command: '' };
};

export const crashOnStart: Handler<'fault.ecs-crash-on-start'> = (ctx, action) => {
  const world = ctx.world;
  const td = resolveTaskDefinition(world, action.taskDefinition);
  if (!td) return fail('taskDefinition', ecsMessages.taskDefinitionNotFound);
  const key = `${td.family}:${td.revision}`;
  const oom = action.oom ?? false;
  const exitCode = oom ? 137 : (action.exitCode ?? 1);
  world.ecs.crashOnStart = {
    ...world.ecs.crashOnStart,
    [key]: { exitCode, oom, since: world.time },
  };
  return {
    ok: true,
    message: `The essential container of every ${key} task now ${oom ? 'runs out of memory (exit 137)' : `exits with code ${exitCode}`}, ${CRASH_AFTER_START_SECONDS} s after it starts.`,
    command: '',
  };
};

export const drain: Handler<'ecs.container-instance.drain'> = (ctx, action) => {
  const world = ctx.world;
  const instance = findInstance(world, action.instanceId);
  const ci = instance ? containerInstanceOf(world, instance.id) : undefined;
  if (!instance || !ci)
    return fail('instanceId', 'InvalidParameterException: Container instance not found.');
  if (!sendAgent(world, ci, 'agent.drain'))
    return fail(
      'instanceId',
      `Container instance is ${ci.status}; only ACTIVE instances can be drained.`,
    );
  // Service tasks on a draining instance are replaced elsewhere.
  for (const t of taskList(world)) {
    if (t.instanceId === instance.id && t.service && t.desiredStatus === 'RUNNING') {
      sendTask(world, t, 'task.stop', {
        stopCode: 'ServiceSchedulerInitiated',
        reason: 'Container instance is being drained',
      });
    }
  }
  return { ok: true, message: `${instance.id} is DRAINING.`, command: '' };
};
