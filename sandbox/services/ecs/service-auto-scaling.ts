/**
 * Service auto scaling: target tracking on ECSServiceAverageCPUUtilization with cooldowns
 * (aws-facts.md §1.7). One datapoint a minute; scale out after SCALE_OUT_DATAPOINTS above
 * target, in after SCALE_IN_DATAPOINTS below; scaling starts from the actual running count.
 */
import {
  SCALE_IN_DATAPOINTS,
  SCALE_IN_THRESHOLD,
  SCALE_OUT_DATAPOINTS,
} from '../../model/constants.ts';
import type { World } from '../../model/types.ts';
import { emit } from '../../engine/events.ts';
import { scalingCause } from './answers.ts';

export function serviceAutoScalingController(world: World): void {
  if (world.time % 60 !== 0) return;
  for (const name in world.ecs.services) {
    const service = world.ecs.services[name]!;
    const policy = service.autoScaling;
    if (!policy || service.status !== 'ACTIVE') continue;
    const cpu = world.elb.load[name]?.cpu ?? 0;
    policy.datapoints.push(cpu);
    if (policy.datapoints.length > SCALE_IN_DATAPOINTS) policy.datapoints.shift();
    const running = Math.max(1, service.runningCount);
    const wanted = Math.ceil((running * cpu) / policy.targetCpu);
    const recent = policy.datapoints.slice(-SCALE_OUT_DATAPOINTS);
    const outReady =
      policy.lastScaleOutAt === null ||
      world.time - policy.lastScaleOutAt >= policy.scaleOutCooldown;
    if (recent.length === SCALE_OUT_DATAPOINTS && recent.every((v) => v > policy.targetCpu)) {
      const next = Math.min(policy.maxCapacity, Math.max(wanted, service.desiredCount + 1));
      // During the cooldown only a larger scale-out than the last one may happen.
      if (next > service.desiredCount && (outReady || next > service.desiredCount + 1)) {
        setDesired(world, name, next, cpu, policy.targetCpu);
        policy.lastScaleOutAt = world.time;
        policy.datapoints = [];
      }
      continue;
    }
    const inReady =
      (policy.lastScaleInAt === null ||
        world.time - policy.lastScaleInAt >= policy.scaleInCooldown) &&
      outReady;
    if (
      inReady &&
      policy.datapoints.length === SCALE_IN_DATAPOINTS &&
      policy.datapoints.every((v) => v < policy.targetCpu * SCALE_IN_THRESHOLD)
    ) {
      const next = Math.max(policy.minCapacity, wanted);
      if (next < service.desiredCount) {
        setDesired(world, name, next, cpu, policy.targetCpu);
        policy.lastScaleInAt = world.time;
        policy.datapoints = [];
      }
    }
  }
}

function setDesired(
  world: World,
  name: string,
  desired: number,
  cpu: number,
  target: number,
): void {
  const service = world.ecs.services[name]!;
  const from = service.desiredCount;
  service.desiredCount = desired;
  emit(
    world,
    'autoscaling',
    'info',
    `Successfully set desired count to ${desired}. Change successfully fulfilled by ecs. (service/${world.ecs.cluster?.name ?? 'default'}/${name}: ECSServiceAverageCPUUtilization ${cpu.toFixed(1)} % vs target ${target} %, ${from} → ${desired})`,
    { subject: name, cause: scalingCause(world, name) },
  );
}
