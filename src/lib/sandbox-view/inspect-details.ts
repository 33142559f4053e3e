/**
 * What the inspector shows for a selected entity, as label/value rows in the order and
 * wording of the AWS console and the CLI's describe output.
 */
import type { Service, Task, TaskDefinition, World } from '@sandbox';
import {
  SECURITY_GROUP_ID,
  containerInstanceOf,
  hostRunningCount,
  instanceProfileOf,
  instanceUsage,
  serviceNetworkConfiguration,
  subnetIdFor,
} from '@sandbox/view.ts';
import type { EntityRef } from './entity-actions.ts';
import {
  formatClock,
  formatMemory,
  formatPercent,
  formatPerHour,
  formatUsd,
  formatVcpu,
} from './format.ts';
import { containerStatus, taskFamily } from './layout.ts';

export interface DetailRow {
  label: string;
  value: string;
  /** Ids and ARNs are shown in monospace and can be copied. */
  code?: boolean;
}

export interface Details {
  heading: string;
  rows: DetailRow[];
}

/** The sandbox's joining phase is labelled as the agent registering: most real accounts see ACTIVE directly. */
function agentStatusText(status: string): string {
  return status === 'REGISTERING'
    ? 'joining: the agent is registering (most AWS accounts show ACTIVE directly)'
    : status;
}

const none = (value: string | null) => value ?? 'none';

/** The IAM roles a task definition names (TaskRoleArn, ExecutionRoleArn in describe output). */
function roleRows(td: TaskDefinition | undefined): DetailRow[] {
  if (!td) return [];
  return [
    { label: 'Task role', value: none(td.taskRoleArn), code: td.taskRoleArn !== null },
    {
      label: 'Task execution role',
      value: none(td.executionRoleArn),
      code: td.executionRoleArn !== null,
    },
    ...(td.notModelled && td.notModelled.length > 0
      ? [
          {
            label: 'Accepted, not modelled',
            value: `${td.notModelled.join(', ')} (AWS takes these; the sandbox keeps them but does not simulate them)`,
          },
        ]
      : []),
  ];
}

const at = (time: number | null | undefined) =>
  time === null || time === undefined ? '—' : formatClock(time);

export function inspect(ref: EntityRef, world: World): Details | null {
  switch (ref.kind) {
    case 'instance': {
      const i = world.ec2.instances[ref.id];
      if (!i) return null;
      const usage = instanceUsage(world, i.id);
      const agent = containerInstanceOf(world, i.id);
      const rows: DetailRow[] = [
        { label: 'Instance ID', value: i.id, code: true },
        { label: 'Name', value: i.name ?? '—' },
        { label: 'Instance state', value: i.state },
        { label: 'Instance type', value: i.type },
        { label: 'Availability Zone', value: i.az },
        { label: 'Subnet', value: subnetIdFor(i.az), code: true },
        { label: 'Security groups', value: SECURITY_GROUP_ID, code: true },
        { label: 'IAM instance profile', value: none(instanceProfileOf(i)) },
        { label: 'Software', value: i.bootstrap === 'ecs' ? 'Docker + ECS agent' : 'Docker' },
        {
          label: 'CPU reserved',
          value: `${formatVcpu(usage?.cpuReserved ?? 0)} of ${formatVcpu(i.cpuUnits)}`,
        },
        {
          label: 'Memory reserved',
          value: `${formatMemory(usage?.memoryReserved ?? 0)} of ${formatMemory(i.memoryMiB)}`,
        },
        { label: 'CPU utilisation', value: formatPercent(i.cpuUtilization) },
        { label: 'Running', value: String(hostRunningCount(world, i.id)) },
        { label: 'Launched at', value: at(i.launchedAt) },
        { label: 'Price', value: formatPerHour(i.pricePerHour) },
        { label: 'Cost so far', value: formatUsd(world.cost.byResource[i.id] ?? 0) },
      ];
      if (agent) {
        rows.push(
          {
            label: 'Agent status',
            value: `${agentStatusText(agent.status)}${agent.connected ? '' : ' (disconnected)'}`,
          },
          { label: 'Container instance ARN', value: agent.containerInstanceArn, code: true },
        );
      }
      if (i.asg) rows.push({ label: 'Auto Scaling group', value: i.asg });
      if (i.chores.length) rows.push({ label: 'Chores you still own', value: i.chores.join('; ') });
      if (!i.reachable) rows.push({ label: 'Reachability', value: 'unreachable (AZ outage)' });
      return { heading: `Instance ${i.id}`, rows };
    }
    case 'container': {
      const c = world.docker.containers[ref.id];
      if (!c) return null;
      const host = c.hostId ? world.ec2.instances[c.hostId] : undefined;
      return {
        heading: `Container ${c.name}`,
        rows: [
          { label: 'Container ID', value: c.id, code: true },
          { label: 'Name', value: c.name },
          { label: 'Image', value: c.image, code: true },
          { label: 'Status', value: containerStatus(c) },
          {
            label: 'Host',
            value: host ? `${host.id} (${host.az})` : 'not placed',
            code: Boolean(host),
          },
          { label: 'CPU limit', value: formatVcpu(c.cpu) },
          { label: 'Memory limit', value: formatMemory(c.memoryMiB) },
          { label: 'Started at', value: at(c.startedAt) },
          { label: 'Finished at', value: at(c.finishedAt) },
          { label: 'Exit code', value: c.exitCode === null ? '—' : String(c.exitCode) },
          { label: 'OOMKilled', value: c.oomKilled ? 'true' : 'false' },
          { label: 'Restart count', value: String(c.restartCount) },
        ],
      };
    }
    case 'task': {
      const t = world.ecs.tasks[ref.id];
      if (!t) return null;
      const rows: DetailRow[] = [
        { label: 'Task ID', value: t.id, code: true },
        { label: 'Task ARN', value: t.arn, code: true },
        { label: 'Task definition', value: t.taskDefinition },
        { label: 'Group', value: t.group },
        { label: 'Launch type', value: t.launchType },
        { label: 'Last status', value: t.lastStatus },
        { label: 'Desired status', value: t.desiredStatus },
        { label: 'Health', value: t.healthy ? 'HEALTHY' : 'UNKNOWN' },
        {
          label: 'Container instance',
          value: t.instanceId ?? (t.launchType === 'FARGATE' ? 'Fargate' : 'not placed'),
          code: Boolean(t.instanceId),
        },
        { label: 'Availability Zone', value: t.az ?? '—' },
        ...taskNetworkRows(world, t),
        ...roleRows(world.ecs.taskDefinitions[t.taskDefinition]),
        { label: 'CPU', value: formatVcpu(t.cpu) },
        { label: 'Memory', value: formatMemory(t.memory) },
        { label: 'CPU utilisation', value: formatPercent(t.cpuUtilization) },
        { label: 'Created at', value: at(t.createdAt) },
        { label: 'Started at', value: at(t.startedAt) },
        { label: 'Stopped at', value: at(t.stoppedAt) },
      ];
      if (t.stopCode) rows.push({ label: 'Stop code', value: t.stopCode });
      if (t.stoppedReason) rows.push({ label: 'Stopped reason', value: t.stoppedReason });
      for (const c of t.containers) {
        rows.push({
          label: `Container ${c.name}`,
          value: `${c.lastStatus}${c.exitCode === null ? '' : `, exit code ${c.exitCode}`}${c.reason ? `, ${c.reason}` : ''}`,
        });
      }
      if (t.launchType === 'FARGATE') {
        rows.push({ label: 'Cost so far', value: formatUsd(world.cost.byResource[t.id] ?? 0) });
      }
      return { heading: `Task ${taskFamily(t.taskDefinition)} ${t.id.slice(0, 8)}`, rows };
    }
    case 'service': {
      const s = world.ecs.services[ref.id];
      if (!s) return null;
      const strategy = s.placementStrategy
        .map((p) => (p.field ? `${p.type}(${p.field})` : p.type))
        .join(', ');
      const rows: DetailRow[] = [
        { label: 'Service name', value: s.name },
        { label: 'Service ARN', value: s.arn, code: true },
        { label: 'Status', value: s.status },
        { label: 'Task definition', value: s.taskDefinition },
        { label: 'Launch type', value: s.launchType },
        { label: 'Desired tasks', value: String(s.desiredCount) },
        { label: 'Running tasks', value: String(s.runningCount) },
        { label: 'Pending tasks', value: String(s.pendingCount) },
        { label: 'Placement strategy', value: strategy || '—' },
        ...serviceNetworkRows(world, world.ecs.taskDefinitions[s.taskDefinition], s),
        ...roleRows(world.ecs.taskDefinitions[s.taskDefinition]),
        {
          label: 'Deployment configuration',
          value: `minimum healthy ${s.deploymentConfiguration.minimumHealthyPercent}%, maximum ${s.deploymentConfiguration.maximumPercent}%`,
        },
        { label: 'Load balancer', value: s.loadBalancer ?? '—' },
        { label: 'Steady state', value: s.steady ? 'yes' : 'no' },
      ];
      for (const d of s.deployments) {
        rows.push({
          label: `Deployment ${d.status}`,
          value: `${d.id}, ${d.taskDefinition}, ${d.rolloutState}`,
          code: true,
        });
      }
      if (s.autoScaling) {
        rows.push({
          label: 'Auto scaling',
          value: `${s.autoScaling.minCapacity}–${s.autoScaling.maxCapacity} tasks, target CPU ${s.autoScaling.targetCpu}%`,
        });
      }
      if (s.lastPlacementFailure)
        rows.push({ label: 'Last placement failure', value: s.lastPlacementFailure });
      return { heading: `Service ${s.name}`, rows };
    }
  }
}

/** Where a task's network traffic goes: its own interface (awsvpc) or its instance's. */
function taskNetworkRows(world: World, task: Task): DetailRow[] {
  const { taskDefinition, az, service: serviceName } = task;
  const td = world.ecs.taskDefinitions[taskDefinition];
  if (!td) return [];
  if (td.networkMode !== 'awsvpc')
    return [{ label: 'Network mode', value: `${td.networkMode} (the instance's network)` }];
  const service = serviceName ? world.ecs.services[serviceName] : undefined;
  const groups = (service ?? task).network?.securityGroups ?? [SECURITY_GROUP_ID];
  return [
    { label: 'Network mode', value: 'awsvpc (its own network interface)' },
    { label: 'Subnet', value: az ? subnetIdFor(az) : '—', code: az !== null },
    { label: 'Security groups', value: groups.join(', '), code: true },
  ];
}

/** A service's network configuration, which AWS asks for with awsvpc task definitions only. */
function serviceNetworkRows(
  world: World,
  td: TaskDefinition | undefined,
  service: Service,
): DetailRow[] {
  if (!td) return [];
  const network = serviceNetworkConfiguration(world, td, service);
  if (!network)
    return [
      {
        label: 'Network configuration',
        value: `none (${td.networkMode}: tasks use their instance's network)`,
      },
    ];
  return [
    { label: 'Subnets', value: network.subnets.join(', '), code: true },
    { label: 'Security groups', value: network.securityGroups.join(', '), code: true },
    { label: 'Public IP', value: network.assignPublicIp },
  ];
}
