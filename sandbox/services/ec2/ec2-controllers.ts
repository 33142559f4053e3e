/**
 * Controllers every orchestrator shares: EC2 lifecycles, Auto Scaling groups, the load
 * balancer's load model, billing and metrics.
 */
import { ASG_HEALTH_CHECK_SECONDS, METRIC_PERIOD_SECONDS } from '../../model/constants.ts';
import type { Instance, InstanceState, MetricSample, World } from '../../model/types.ts';
import { AGENT_TABLE, INSTANCE_TABLE, delayedTransition } from '../../engine/machine-table.ts';
import { emit } from '../../engine/events.ts';
import {
  charge,
  fargatePricePerHour,
  launchInstance,
  sendInstance,
  setAgentStatus,
  setInstanceState,
} from '../../engine/world-ops.ts';
import { taskList } from '../../engine/task-list.ts';

export function ec2InstancesController(world: World): void {
  const now = world.time;
  for (const id in world.instances) {
    const i = world.instances[id]!;
    if (i.nextTransitionAt !== null && i.nextTransitionAt <= now) {
      const after = delayedTransition(INSTANCE_TABLE, i.state);
      if (after) setInstanceState(world, i, after.target as InstanceState);
      else i.nextTransitionAt = null;
    }
  }
}

export function ecsAgentsController(world: World): void {
  const now = world.time;
  for (const id in world.instances) {
    const i = world.instances[id]!;
    const agent = i.agent;
    if (agent && agent.nextTransitionAt !== null && agent.nextTransitionAt <= now) {
      const after = delayedTransition(AGENT_TABLE, agent.status);
      if (after) setAgentStatus(world, i, after.target as 'ACTIVE');
      else agent.nextTransitionAt = null;
    }
  }
}

export function autoScalingGroupsController(world: World): void {
  for (const name in world.autoScalingGroups) {
    const asg = world.autoScalingGroups[name]!;
    let live: Instance[] = [];
    for (const id in world.instances) {
      const i = world.instances[id]!;
      if (i.asg === name && (i.state === 'pending' || i.state === 'running')) live.push(i);
    }
    for (const i of live) {
      if (i.impairedAt !== null && world.time - i.impairedAt >= ASG_HEALTH_CHECK_SECONDS) {
        emit(
          world,
          'autoscaling',
          'warning',
          `Terminating EC2 instance: ${i.id} (an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped).`,
          { subject: name },
        );
        sendInstance(world, i, 'instance.terminate');
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
      const instance = launchInstance(world, {
        type: asg.instanceType,
        az,
        software: asg.software,
        asg: name,
      });
      live.push(instance);
      emit(
        world,
        'autoscaling',
        'info',
        `Launching a new EC2 instance: ${instance.id} (${name}: capacity ${live.length - 1} → ${live.length}, desired ${asg.desiredCapacity}).`,
        { subject: name },
      );
    }
    while (live.length > asg.desiredCapacity) {
      const victim = live.pop()!;
      emit(
        world,
        'autoscaling',
        'info',
        `Terminating EC2 instance: ${victim.id} (${name}: desired capacity ${asg.desiredCapacity}).`,
        { subject: name },
      );
      sendInstance(world, victim, 'instance.terminate');
    }
  }
}

/** What an instance costs per hour right now: EC2 bills while it is running. */
function instanceRate(i: World['instances'][string]): number {
  return i.state === 'running' ? i.pricePerHour : 0;
}

/** What a task costs per hour right now: Fargate bills from image pull until the task ends. */
function taskRate(world: World, t: ReturnType<typeof taskList>[number]): number {
  if (t.launchType !== 'FARGATE' || t.lastStatus === 'PROVISIONING' || t.lastStatus === 'STOPPED')
    return 0;
  return fargatePricePerHour(world, t);
}

/** The bill's current rate in $/hour, as the cost meter shows it. */
export function ratePerHour(world: World): number {
  let perHour = 0;
  for (const id in world.instances) perHour += instanceRate(world.instances[id]!);
  for (const t of taskList(world)) perHour += taskRate(world, t);
  return perHour;
}

/** Per-second accrual at each resource's current rate. */
export function billingController(world: World): void {
  let perHour = 0;
  for (const id in world.instances) {
    const i = world.instances[id]!;
    const rate = instanceRate(i);
    if (rate === 0) continue;
    charge(world, id, 'ec2', rate / 3600);
    i.billedSeconds++;
    perHour += rate;
  }
  for (const t of taskList(world)) {
    const rate = taskRate(world, t);
    if (rate === 0) continue;
    charge(world, t.id, 'fargate', rate / 3600);
    t.billedSeconds++;
    perHour += rate;
  }
  world.cost.perHour = perHour;
}

export function metricsController(world: World): void {
  if (world.time % METRIC_PERIOD_SECONDS !== 0) return;
  world.metrics.push(sampleMetrics(world));
}

/** A metrics sample of the world as it is now. */
export function sampleMetrics(world: World): MetricSample {
  const services: MetricSample['services'] = {};
  const azs: Record<string, Record<string, number>> = {};
  let pendingTasks = 0;
  if (world.orchestrator === 'none') {
    for (const id in world.containers) {
      const c = world.containers[id]!;
      const name = workloadName(c.name);
      const s = (services[name] ??= {
        desired: 0,
        running: 0,
        pending: 0,
        cpu: 0,
        memory: 0,
        azs: {},
      });
      s.desired++;
      const host = c.hostId ? world.instances[c.hostId] : undefined;
      if (c.state === 'running' && host && host.reachable && host.state === 'running') {
        s.running++;
        s.memory += c.memoryMiB;
        const perAz = (azs[name] ??= {});
        perAz[host.az] = (perAz[host.az] ?? 0) + 1;
      } else if (c.hostId === null) {
        s.pending++;
        pendingTasks++;
      }
    }
  } else {
    for (const name in world.services) {
      const svc = world.services[name]!;
      if (svc.status === 'INACTIVE') continue;
      services[name] = {
        desired: svc.desiredCount,
        running: 0,
        pending: 0,
        cpu: 0,
        memory: 0,
        azs: {},
      };
    }
    for (const t of taskList(world)) {
      if (t.lastStatus === 'STOPPED' || !t.service) continue;
      const s = services[t.service];
      if (!s) continue;
      if (t.lastStatus === 'RUNNING') {
        s.running++;
        s.cpu += t.cpuUtilization;
        s.memory += t.memory;
        if (t.az) {
          const perAz = (azs[t.service] ??= {});
          perAz[t.az] = (perAz[t.az] ?? 0) + 1;
        }
        if (t.launchType === 'FARGATE') {
          const perAz = (azs[t.service] ??= {});
          perAz.FARGATE = (perAz.FARGATE ?? 0) + 1;
        }
      } else if (
        t.lastStatus === 'PROVISIONING' ||
        t.lastStatus === 'PENDING' ||
        t.lastStatus === 'ACTIVATING'
      ) {
        s.pending++;
        pendingTasks++;
      }
    }
    for (const name in services) {
      const s = services[name]!;
      s.cpu = s.running > 0 ? round2(s.cpu / s.running) : 0;
    }
  }
  for (const name in services) services[name]!.azs = azs[name] ?? {};
  const instances: MetricSample['instances'] = {};
  for (const id in world.instances) {
    const i = world.instances[id]!;
    if (i.state !== 'running') continue;
    instances[id] = {
      cpu: round2(
        world.orchestrator === 'none' ? (i.reservedCpu / i.cpuUnits) * 100 : i.cpuUtilization,
      ),
      memory: round2((i.reservedMemory / i.memoryMiB) * 100),
    };
  }
  return {
    time: world.time,
    services,
    instances,
    pendingTasks,
    costPerHour: round6(world.cost.perHour),
    costTotal: round6(world.cost.total),
  };
}

/** `storefront-3` → `storefront`: replicas of one workload share a name with a number suffix. */
export function workloadName(containerName: string): string {
  const m = /^(.*)-\d+$/.exec(containerName);
  return m ? m[1]! : containerName;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
