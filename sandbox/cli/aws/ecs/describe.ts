/** What `aws ecs describe-*` prints for a service, a task and a task definition, in the API's field names. */
import { containerInstanceOf } from '../../../engine/queries.ts';
import { own } from '../../../model/record.ts';
import { serviceNetworkConfiguration } from '../../../model/vpc.ts';
import type { Service, Task, TaskDefinition, World } from '../../../model/types.ts';
import { isoTime } from '../../format.ts';

/** World entities rendered the way the ECS and EC2 APIs describe them. */
export function describeTaskDefinition(td: TaskDefinition): Record<string, unknown> {
  return {
    taskDefinitionArn: td.arn,
    containerDefinitions: td.containerDefinitions.map((c) => ({
      name: c.name,
      image: c.image,
      cpu: c.cpu,
      ...(c.memory !== null ? { memory: c.memory } : {}),
      ...(c.memoryReservation !== null ? { memoryReservation: c.memoryReservation } : {}),
      portMappings: c.portMappings.map((p) => ({
        containerPort: p.containerPort,
        ...(p.hostPort !== null ? { hostPort: p.hostPort } : {}),
        protocol: p.protocol,
      })),
      essential: c.essential,
    })),
    family: td.family,
    ...(td.taskRoleArn !== null ? { taskRoleArn: td.taskRoleArn } : {}),
    ...(td.executionRoleArn !== null ? { executionRoleArn: td.executionRoleArn } : {}),
    networkMode: td.networkMode,
    revision: td.revision,
    status: td.status,
    requiresCompatibilities: td.requiresCompatibilities,
    ...(td.cpu !== null ? { cpu: String(td.cpu) } : {}),
    ...(td.memory !== null ? { memory: String(td.memory) } : {}),
    registeredAt: isoTime(td.registeredAt),
  };
}

function taskDefinitionArn(world: World, ref: string): string {
  return own(world.ecs.taskDefinitions, ref)?.arn ?? ref;
}

export function describeService(world: World, s: Service): Record<string, unknown> {
  const events = world.events
    .filter((e) => e.source === 'ecs' && e.subject === s.name)
    .slice(-10)
    .reverse()
    .map((e) => ({ id: `event-${e.id}`, createdAt: isoTime(e.time), message: e.message }));
  return {
    serviceArn: s.arn,
    serviceName: s.name,
    clusterArn: world.ecs.cluster?.arn ?? '',
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    launchType: s.launchType,
    taskDefinition: taskDefinitionArn(world, s.taskDefinition),
    deploymentConfiguration: {
      maximumPercent: s.deploymentConfiguration.maximumPercent,
      minimumHealthyPercent: s.deploymentConfiguration.minimumHealthyPercent,
    },
    deployments: s.deployments.map((d) => ({
      id: d.id,
      status: d.status,
      taskDefinition: taskDefinitionArn(world, d.taskDefinition),
      launchType: d.launchType,
      rolloutState: d.rolloutState,
      createdAt: isoTime(d.createdAt),
    })),
    events,
    createdAt: isoTime(s.createdAt),
    placementConstraints: s.placementConstraints,
    placementStrategy: s.placementStrategy,
    ...networkConfigurationOf(world, s),
    schedulingStrategy: 'REPLICA',
  };
}

/** An awsvpc service's subnets and security groups, as DescribeServices shows them (sandbox/model/vpc.ts). */
function networkConfigurationOf(world: World, s: Service): Record<string, unknown> {
  const td = own(world.ecs.taskDefinitions, s.taskDefinition);
  const network = td ? serviceNetworkConfiguration(world, td, s) : null;
  return network ? { networkConfiguration: { awsvpcConfiguration: network } } : {};
}

export function describeTask(world: World, t: Task): Record<string, unknown> {
  const ci = t.instanceId ? containerInstanceOf(world, t.instanceId) : null;
  return {
    taskArn: t.arn,
    clusterArn: world.ecs.cluster?.arn ?? '',
    taskDefinitionArn: taskDefinitionArn(world, t.taskDefinition),
    ...(ci ? { containerInstanceArn: ci.containerInstanceArn } : {}),
    group: t.group,
    launchType: t.launchType,
    ...(t.az ? { availabilityZone: t.az } : {}),
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    cpu: String(t.cpu),
    memory: String(t.memory),
    healthStatus: t.lastStatus === 'RUNNING' ? (t.healthy ? 'HEALTHY' : 'UNKNOWN') : 'UNKNOWN',
    containers: t.containers.map((c) => ({
      name: c.name,
      image: c.image,
      lastStatus: c.lastStatus,
      ...(c.exitCode !== null ? { exitCode: c.exitCode } : {}),
      ...(c.reason !== null ? { reason: c.reason } : {}),
    })),
    createdAt: isoTime(t.createdAt),
    ...(t.startedAt !== null ? { startedAt: isoTime(t.startedAt) } : {}),
    ...(t.stoppedAt !== null ? { stoppedAt: isoTime(t.stoppedAt) } : {}),
    ...(t.stopCode !== null ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedReason !== null ? { stoppedReason: t.stoppedReason } : {}),
  };
}
