/**
 * Elastic Load Balancing: the load model. Requests per second offered to each service are
 * spread over its healthy tasks; CPU follows the load; what the tasks cannot serve fails.
 */
import { CPU_UNITS_PER_RPS, IDLE_TASK_CPU_PERCENT } from '../../model/constants.ts';
import type { World } from '../../model/types.ts';
import { taskList } from '../../engine/task-list.ts';
import { own } from '../../model/record.ts';
import { touch } from '../../engine/cow.ts';

/** Requests per second per service, spread over its healthy tasks; CPU follows; excess fails. */
export function loadBalancerController(world: World): void {
  const tasks = taskList(world);
  const perService = new Map<
    string,
    { n: number; capacity: number; cpuSum: number; share: number }
  >();
  for (const t of tasks) {
    if (t.lastStatus !== 'RUNNING') continue;
    if (
      t.service &&
      t.healthy &&
      t.desiredStatus === 'RUNNING' &&
      own(world.elb.traffic, t.service) !== undefined
    ) {
      let acc = perService.get(t.service);
      if (!acc) perService.set(t.service, (acc = { n: 0, capacity: 0, cpuSum: 0, share: 0 }));
      acc.n++;
      acc.capacity += (t.cpu * (1 - IDLE_TASK_CPU_PERCENT / 100)) / CPU_UNITS_PER_RPS;
    } else if (t.cpuUtilization !== IDLE_TASK_CPU_PERCENT) {
      touch(t);
      t.cpuUtilization = IDLE_TASK_CPU_PERCENT;
    }
  }
  for (const [name, acc] of perService) acc.share = (world.elb.traffic[name] ?? 0) / acc.n;
  const hostUse = new Map<string, number>();
  for (const t of tasks) {
    if (t.lastStatus !== 'RUNNING') continue;
    const acc =
      t.service && t.healthy && t.desiredStatus === 'RUNNING'
        ? perService.get(t.service)
        : undefined;
    if (acc) {
      const cpu =
        t.cpu > 0
          ? Math.min(100, IDLE_TASK_CPU_PERCENT + ((acc.share * CPU_UNITS_PER_RPS) / t.cpu) * 100)
          : 100;
      if (t.cpuUtilization !== cpu) {
        touch(t);
        t.cpuUtilization = cpu;
      }
      acc.cpuSum += cpu;
    }
    if (t.instanceId)
      hostUse.set(
        t.instanceId,
        (hostUse.get(t.instanceId) ?? 0) + (t.cpu * t.cpuUtilization) / 100,
      );
  }
  for (const name in world.elb.traffic) {
    const rps = world.elb.traffic[name] ?? 0;
    const acc = perService.get(name);
    const served = Math.min(rps, acc?.capacity ?? 0);
    const stats = (world.elb.load[name] ??= {
      rps: 0,
      served: 0,
      failed: 0,
      failedTotal: 0,
      cpu: 0,
    });
    stats.rps = rps;
    stats.served = served;
    stats.failed = rps - served;
    stats.failedTotal += rps - served;
    stats.cpu = acc ? acc.cpuSum / acc.n : 0;
  }
  for (const id in world.ec2.instances) world.ec2.instances[id]!.cpuUtilization = 0;
  for (const [id, used] of hostUse) {
    const i = world.ec2.instances[id];
    if (i) i.cpuUtilization = Math.min(100, (used / i.cpuUnits) * 100);
  }
}
